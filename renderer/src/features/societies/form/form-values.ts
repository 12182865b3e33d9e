import type { SocietyDetail } from '#shared/societies/contract';
import type {
  Liability,
  RegistrationBasis,
  SocietyCreateInput,
  SocietyFieldsInput,
  SocietyStatus,
  Tier,
} from '#shared/societies/society';
import { dayMonthYearToIso, isoToDayMonthYear } from '../../../components/date-text';
import { paiseToRupeeText, rupeeTextToPaise } from '../../../components/money-text';

/**
 * What the form holds while the clerk types: text as typed (amounts in rupees, dates day
 * first as DD-MM-YYYY), `null` for an unchosen picker. Field names match the contract's, so an error
 * the backend reports for `shareValuePaise` lands next to that field.
 */
export interface SocietyFormValues {
  name: string;
  nameMizo: string;
  regNo: string;
  registeredOn: string;
  basis: RegistrationBasis | null;
  typeId: string | null;
  tier: Tier | null;
  liability: Liability | null;
  address: string;
  districtId: string | null;
  villageId: string | null;
  officeId: string | null;
  areaVillageIds: string[];
  shareValuePaise: string;
  admissionFeePaise: string;
  authorisedCapitalPaise: string;
  financingBank: string;
  federation: string;
  contactPerson: string;
  phone: string;
  email: string;
  ncdId: string;
  remarks: string;
  /** Only when adding: the status the old records show. */
  status: SocietyStatus | null;
  statusSince: string;
  statusOrderRef: string;
  /** Only when editing, and only asked for when the name changed. */
  nameChangeReason: string;
}

export type SocietyFormMode = 'create' | 'edit';
export type SocietyFieldName = keyof SocietyFormValues;

export const moneyFields = [
  'shareValuePaise',
  'admissionFeePaise',
  'authorisedCapitalPaise',
] as const;

/** Field order on screen: the first one with an error gets the focus. */
export const fieldOrder: SocietyFieldName[] = [
  'name',
  'nameMizo',
  'regNo',
  'registeredOn',
  'basis',
  'typeId',
  'tier',
  'liability',
  'address',
  'districtId',
  'villageId',
  'officeId',
  'areaVillageIds',
  'shareValuePaise',
  'admissionFeePaise',
  'authorisedCapitalPaise',
  'status',
  'statusSince',
  'statusOrderRef',
  'financingBank',
  'federation',
  'contactPerson',
  'phone',
  'email',
  'ncdId',
  'remarks',
  'nameChangeReason',
];

export function emptySocietyValues(): SocietyFormValues {
  return {
    name: '',
    nameMizo: '',
    regNo: '',
    registeredOn: '',
    basis: 'legacy',
    typeId: null,
    tier: null,
    liability: 'limited',
    address: '',
    districtId: null,
    villageId: null,
    officeId: null,
    areaVillageIds: [],
    shareValuePaise: '',
    admissionFeePaise: '',
    authorisedCapitalPaise: '',
    financingBank: '',
    federation: '',
    contactPerson: '',
    phone: '',
    email: '',
    ncdId: '',
    remarks: '',
    status: null,
    statusSince: '',
    statusOrderRef: '',
    nameChangeReason: '',
  };
}

export function valuesFromDetail(society: SocietyDetail): SocietyFormValues {
  return {
    ...emptySocietyValues(),
    name: society.name,
    nameMizo: society.nameMizo ?? '',
    regNo: society.regNo,
    registeredOn: isoToDayMonthYear(society.registeredOn),
    basis: society.basis,
    typeId: society.typeId,
    tier: society.tier,
    liability: society.liability,
    address: society.address,
    districtId: society.districtId,
    villageId: society.villageId,
    officeId: society.officeId,
    areaVillageIds: society.areaOfOperation.map((village) => village.id),
    shareValuePaise: paiseToRupeeText(society.shareValuePaise),
    admissionFeePaise: paiseToRupeeText(society.admissionFeePaise),
    authorisedCapitalPaise: paiseToRupeeText(society.authorisedCapitalPaise),
    financingBank: society.financingBank ?? '',
    federation: society.federation ?? '',
    contactPerson: society.contactPerson ?? '',
    phone: society.phone ?? '',
    email: society.email ?? '',
    ncdId: society.ncdId ?? '',
    remarks: society.remarks ?? '',
  };
}

/**
 * Form values → the shared schema's input. Amounts that are not amounts come back in
 * `badAmounts` (and as `null` in the input) so the form can name them.
 */
export function toSchemaInput(
  values: SocietyFormValues,
  mode: SocietyFormMode,
): { input: SocietyFieldsInput | SocietyCreateInput; badAmounts: SocietyFieldName[] } {
  const badAmounts: SocietyFieldName[] = [];
  const amount = (field: (typeof moneyFields)[number]) => {
    const paise = rupeeTextToPaise(values[field]);
    if (paise === undefined) {
      badAmounts.push(field);
      return null;
    }
    return paise;
  };
  // `undefined` for an unchosen picker makes the schema say "Choose the …".
  const fields = {
    name: values.name,
    nameMizo: values.nameMizo,
    regNo: values.regNo,
    registeredOn: dayMonthYearToIso(values.registeredOn),
    basis: values.basis ?? undefined,
    typeId: values.typeId ?? undefined,
    tier: values.tier ?? undefined,
    liability: values.liability ?? undefined,
    address: values.address,
    districtId: values.districtId ?? undefined,
    villageId: values.villageId,
    officeId: values.officeId ?? undefined,
    areaVillageIds: values.areaVillageIds,
    shareValuePaise: amount('shareValuePaise'),
    admissionFeePaise: amount('admissionFeePaise'),
    authorisedCapitalPaise: amount('authorisedCapitalPaise'),
    financingBank: values.financingBank,
    federation: values.federation,
    contactPerson: values.contactPerson,
    phone: values.phone,
    email: values.email,
    ncdId: values.ncdId,
    remarks: values.remarks,
  } as SocietyFieldsInput;
  if (mode === 'edit') return { input: fields, badAmounts };
  const created = {
    ...fields,
    status: values.status ?? undefined,
    statusSince: values.statusSince.trim() === '' ? null : dayMonthYearToIso(values.statusSince),
    statusOrderRef: values.statusOrderRef,
  } as SocietyCreateInput;
  return { input: created, badAmounts };
}

/** A backend field path ("areaVillageIds.3", "society.regNo") → the form field it belongs to. */
export function formFieldFor(path: string): SocietyFieldName | undefined {
  const parts = path.split('.').filter((part) => part !== 'society' && part !== 'fields');
  const name = parts[0];
  return name && (fieldOrder as string[]).includes(name) ? (name as SocietyFieldName) : undefined;
}
