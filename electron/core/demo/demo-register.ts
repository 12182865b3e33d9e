import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { financialYearOf } from '#shared/domain/dates';
import { societyStatuses, type SocietyCreate, type SocietyStatus } from '#shared/societies/society';
import type { ReferenceData } from '#shared/reference/contract';
import { seededRandom } from './seeded-random';

const vocabularySchema = z.object({
  namePatterns: z.array(
    z.object({
      typeCode: z.string(),
      patterns: z.array(z.string()).min(1),
      mizoPatterns: z.array(z.string()).default([]),
    }),
  ),
  mizoWords: z.array(z.string()).min(1),
  personNames: z.object({
    male: z.array(z.string()).min(1),
    female: z.array(z.string()).min(1),
    surnames: z.array(z.string()).min(1),
  }),
  banks: z.array(z.string()).min(1),
  typeWeights: z.record(z.string(), z.number()),
  statusWeights: z.record(z.string(), z.number()),
  legacyRegNoFormats: z.array(z.string()).min(1),
});
export type DemoVocabulary = z.output<typeof vocabularySchema>;

export function readDemoVocabulary(resourcesDir: string): DemoVocabulary {
  return vocabularySchema.parse(
    JSON.parse(readFileSync(join(resourcesDir, 'reference', 'demo-vocabulary.json'), 'utf8')),
  );
}

/**
 * A realistic demo register: Mizo names and places, the type and status mix of a real
 * state, legacy numbers ("760/49") for old societies and the current pattern for new ones.
 * Deterministic for a given seed; lazy, so 250,000 rows never sit in memory at once.
 */
export function* demoSocieties(
  reference: ReferenceData,
  vocabulary: DemoVocabulary,
  options: { count: number; today: string; seed?: number },
): Generator<SocietyCreate> {
  const rand = seededRandom(options.seed ?? 20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const weighted = <T extends string>(
    weights: Record<string, number>,
    allowed: readonly T[],
  ): (() => T) => {
    const entries = Object.entries(weights).filter(
      ([key, w]) => allowed.includes(key as T) && w > 0,
    ) as [T, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    return () => {
      let r = rand() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r <= 0) return key;
      }
      return (entries[entries.length - 1] as [T, number])[0];
    };
  };

  const typeCodes = reference.societyTypes.map((t) => t.code);
  const pickType = weighted(vocabulary.typeWeights, typeCodes);
  const pickStatus = weighted(vocabulary.statusWeights, societyStatuses);
  const typeByCode = new Map(reference.societyTypes.map((t) => [t.code, t]));
  const patternsByType = new Map(vocabulary.namePatterns.map((p) => [p.typeCode, p]));
  const districtOffices = reference.offices.filter((o) => o.level !== 'state');
  const villagesByBlock = new Map<string, ReferenceData['villages']>();
  for (const village of reference.villages) {
    villagesByBlock.set(village.blockId, [
      ...(villagesByBlock.get(village.blockId) ?? []),
      village,
    ]);
  }
  const officeFor = (districtId: string, villageId: string) =>
    districtOffices.find((o) => o.villageIds.includes(villageId)) ??
    districtOffices.find((o) => o.districtIds.includes(districtId)) ??
    reference.offices[0];
  const serials = new Map<string, number>();
  const todayYear = Number(options.today.slice(0, 4));
  const people = [...vocabulary.personNames.male, ...vocabulary.personNames.female];

  for (let n = 1; n <= options.count; n += 1) {
    const type = typeByCode.get(pickType());
    const village = pick(reference.villages);
    const office = officeFor(village.districtId, village.id);
    if (!type || !office)
      throw new Error('Demo data needs society types and offices in the reference data.');

    // Most societies on a register are recent; a long tail goes back to the 1950s.
    const age = Math.floor(Math.pow(rand(), 2.2) * (todayYear - 1952));
    const year = todayYear - age;
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    let registeredOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (registeredOn > options.today) registeredOn = `${year - 1}-${registeredOn.slice(5)}`;
    const fy = financialYearOf(registeredOn);
    const recent = year >= 2016;
    let regNo: string;
    if (recent) {
      const series = `${office.code}/${fy}`;
      const serial = (serials.get(series) ?? 0) + 1;
      serials.set(series, serial);
      regNo = `RCS/${series}/${String(serial).padStart(4, '0')}`;
    } else {
      regNo = pick(vocabulary.legacyRegNoFormats)
        .replace('{n}', String(n))
        .replace('{yyyy}', String(year))
        .replace('{yy}', String(year % 100).padStart(2, '0'));
    }

    const patterns = patternsByType.get(type.code);
    const fill = (pattern: string) =>
      pattern.replaceAll('{place}', village.name).replaceAll('{word}', pick(vocabulary.mizoWords));
    const name = fill(patterns ? pick(patterns.patterns) : `{place} ${type.name}`);
    const nameMizo =
      patterns && patterns.mizoPatterns.length > 0 && rand() < 0.35
        ? fill(pick(patterns.mizoPatterns))
        : null;

    const status: SocietyStatus = age < 1 ? 'registered' : pickStatus();
    const statusYear = Math.min(todayYear, year + Math.floor(rand() * (age + 1)));
    let statusSince: string | null =
      status === 'functional' || status === 'registered'
        ? registeredOn
        : `${statusYear}-${registeredOn.slice(5)}`;
    if (statusSince > options.today) statusSince = options.today;
    if (statusSince < registeredOn) statusSince = registeredOn;

    const neighbours = (villagesByBlock.get(village.blockId) ?? []).filter(
      (v) => v.id !== village.id,
    );
    const area = [
      village.id,
      ...neighbours
        .filter(() => rand() < 0.15)
        .slice(0, 4)
        .map((v) => v.id),
    ];
    const shareRupees = pick([10, 10, 50, 100, 100, 500, 1000]);
    const contact = `${pick(people)} ${pick(vocabulary.personNames.surnames)}`;

    yield {
      name,
      nameMizo,
      regNo,
      registeredOn,
      basis: recent ? (rand() < 0.04 ? 'deemed' : 'normal') : 'legacy',
      typeId: type.id,
      tier: type.tier,
      liability: type.credit && rand() < 0.1 ? 'unlimited' : 'limited',
      address: `${pick(['Main Road', 'Bazar Veng', 'Chhim Veng', 'Hmar Veng', 'Venglai', 'Electric Veng', 'Kawnpui'])}, ${village.name}`,
      districtId: village.districtId,
      villageId: village.id,
      officeId: office.id,
      areaVillageIds: area,
      shareValuePaise: shareRupees * 100,
      admissionFeePaise: pick([10, 20, 50, 100]) * 100,
      authorisedCapitalPaise:
        pick([50_000, 1_00_000, 2_00_000, 5_00_000, 10_00_000, 50_00_000, 5_00_00_000]) * 100,
      financingBank: rand() < 0.7 ? pick(vocabulary.banks) : null,
      federation:
        type.tier === 'primary' && rand() < 0.3
          ? pick(['MIZOFED', 'MULCO', 'ZOFISFED', 'Mizoram Cooperative Apex Bank Ltd.'])
          : null,
      status,
      statusSince,
      statusOrderRef:
        status === 'functional' || status === 'registered'
          ? null
          : `RCS/ORD/${statusYear}/${100 + Math.floor(rand() * 900)}`,
      contactPerson: contact,
      phone:
        rand() < 0.8
          ? `${pick(['98', '94', '89', '70', '60'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`
          : null,
      email: null,
      ncdId: rand() < 0.5 ? `NCD${String(15_000_000 + n)}` : null,
      remarks: null,
    };
  }
}
