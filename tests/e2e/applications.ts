import type { Page } from '@playwright/test';
import { invoke } from './helpers';

// Applications for registration as the e2e specs make them: the promoters a clerk types,
// and one recorded through the API when the counter itself is not what a test is about.
export const PROMOTERS = [
  ['Lalrinawma', 'Thangzuala', '45', 'Fish farmer', 'Ṭuirial veng'],
  ['Zorammawii', 'Lalbiakliana', '38', 'Fish farmer', 'Ṭuirial veng'],
  ['Vanlalhruaia', 'Rosanga', '52', 'Cultivator', 'Durtlang North'],
  ['Lalhmangaihi', 'Zothanmawia', '29', 'Teacher', 'Durtlang North'],
  ['Malsawmtluanga', 'Lalramliana', '41', 'Fish farmer', 'Durtlang Leitan'],
  ['Ramdinthari', 'Vanlalngaia', '34', 'Shopkeeper', 'Durtlang Leitan'],
  ['Laltlanzova', 'Hmingthanga', '47', 'Carpenter', 'Ṭuirial veng'],
  ['Lalnunpuii', 'Sangzuala', '31', 'Fish farmer', 'Durtlang North'],
  ['Zonunmawia', 'Lalchhuanawma', '56', 'Retired clerk', 'Ṭuirial veng'],
  ['Biakhlupuii', 'Lalhruaitluanga', '27', 'Tailor', 'Durtlang Leitan'],
] as const;

/** Today in India, as the backend dates things. */
export function indiaToday(offsetDays = 0): string {
  return new Date(Date.now() + 330 * 60_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

interface Reference {
  offices: { id: string; code: string; districtIds: string[] }[];
  societyTypes: { id: string; code: string; name: string }[];
  villages: { id: string; districtId: string; name: string }[];
}

/** An application recorded through the API by whoever the page is signed in as. */
export async function receiveByApi(
  page: Page,
  name: string,
  { receivedOn = indiaToday() }: { receivedOn?: string } = {},
): Promise<{ id: string; ackNo: string }> {
  const reference = await invoke<Reference>(page, 'reference.get');
  const office = reference.offices.find((candidate) => candidate.code === 'AIZ')!;
  const districtId = office.districtIds[0]!;
  const village = reference.villages.find((candidate) => candidate.districtId === districtId)!;
  const type = reference.societyTypes.find((candidate) => /^Poultry/u.test(candidate.name))!;
  return invoke(page, 'applications.receive', {
    application: {
      proposedName: name,
      proposedNameMizo: null,
      typeId: type.id,
      officeId: office.id,
      districtId,
      villageId: village.id,
      address: `${village.name}, Aizawl`,
      areaVillageIds: [village.id],
      receivedOn,
      mode: 'post',
      promoters: PROMOTERS.map(([person, relation, age, occupation, address], index) => ({
        name: person,
        relationName: relation,
        age: Number(age),
        occupation,
        address,
        shares: 10,
        amountPaidPaise: 100_000,
        isChief: index === 0,
      })),
      shareCapitalPaise: 1_000_000,
      bankCertificateRef: 'MCAB Aizawl 2025/77',
      byLaws: 'model',
      feeReceiptNo: 'TR-5 0042',
    },
  });
}
