import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import type { Office, ReferenceData } from '#shared/reference/contract';

type Group = ComboboxItemGroup<ComboboxItem>;

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export function districtOptions(reference: ReferenceData): ComboboxItem[] {
  return [...reference.districts].sort(byName).map((d) => ({ value: d.id, label: d.name }));
}

/** Villages of one district, for the village picker. */
export function villageOptions(
  reference: ReferenceData,
  districtId: string | null,
): ComboboxItem[] {
  if (!districtId) return [];
  return reference.villages
    .filter((village) => village.districtId === districtId)
    .sort(byName)
    .map((village) => ({ value: village.id, label: village.name }));
}

/** Every village grouped by district, the chosen district first, for the area of operation. */
export function areaVillageOptions(
  reference: ReferenceData,
  districtId: string | null,
  chosenLabel: (district: string) => string,
): Group[] {
  const districts = [...reference.districts].sort((a, b) =>
    a.id === districtId ? -1 : b.id === districtId ? 1 : a.name.localeCompare(b.name),
  );
  return districts
    .map((district) => ({
      group: district.id === districtId ? chosenLabel(district.name) : district.name,
      items: reference.villages
        .filter((village) => village.districtId === district.id)
        .sort(byName)
        .map((village) => ({ value: village.id, label: village.name })),
    }))
    .filter((group) => group.items.length > 0);
}

/** The office's short name ("ARCS Aizawl"): the full one is too long for a picker. */
export function officeLabel(office: Office): string {
  return office.shortName || office.name;
}

export type Coverage = 'whole' | 'part' | 'none';

/** Whether an office's jurisdiction takes in a district wholly, in part (some villages), or not at all. */
export function officeCoverage(
  office: Office,
  districtId: string,
  reference: ReferenceData,
): Coverage {
  if (office.districtIds.includes(districtId)) return 'whole';
  const villages = new Set(office.villageIds);
  const inDistrict = reference.villages.some(
    (village) => village.districtId === districtId && villages.has(village.id),
  );
  return inDistrict ? 'part' : 'none';
}

/** Offices covering the chosen district first, then the rest. */
export function officeOptions(
  reference: ReferenceData,
  districtId: string | null,
  labels: {
    covering: (district: string) => string;
    other: string;
    part: (office: string) => string;
  },
): Array<ComboboxItem | Group> {
  const offices = [...reference.offices].sort((a, b) =>
    officeLabel(a).localeCompare(officeLabel(b)),
  );
  const district = reference.districts.find((d) => d.id === districtId);
  if (!district) return offices.map((office) => ({ value: office.id, label: officeLabel(office) }));
  const covering: ComboboxItem[] = [];
  const other: ComboboxItem[] = [];
  for (const office of offices) {
    const coverage = officeCoverage(office, district.id, reference);
    const label = officeLabel(office);
    if (coverage === 'whole') covering.push({ value: office.id, label });
    else if (coverage === 'part') covering.push({ value: office.id, label: labels.part(label) });
    else other.push({ value: office.id, label });
  }
  return [
    { group: labels.covering(district.name), items: covering },
    { group: labels.other, items: other },
  ].filter((group) => group.items.length > 0);
}

/** Society types grouped by sector, for the type picker. */
export function typeOptions(reference: ReferenceData): Group[] {
  return [...reference.sectors]
    .sort(byName)
    .map((sector) => ({
      group: sector.name,
      items: reference.societyTypes
        .filter((type) => type.sectorId === sector.id)
        .sort(byName)
        .map((type) => ({ value: type.id, label: type.name })),
    }))
    .filter((group) => group.items.length > 0);
}
