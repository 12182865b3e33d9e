import { z } from 'zod';
import { tiers } from '../societies/society';
import { registerReaders } from '../auth/roles';
import { type RequestSpecs, isoDate, uuid } from '../ipc/wire';

export const districtSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  lgdCode: z.string().nullable(),
});
export const blockSchema = z.object({
  id: uuid,
  districtId: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  lgdCode: z.string().nullable(),
});
export const villageSchema = z.object({
  id: uuid,
  blockId: uuid,
  districtId: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  lgdCode: z.string().nullable(),
});
export const officeSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  level: z.string(),
  /** Districts the office covers entirely. */
  districtIds: z.array(uuid),
  /** Villages covered one by one, where the office has only part of a district. */
  villageIds: z.array(uuid),
});
export const sectorSchema = z.object({ id: uuid, code: z.string(), name: z.string() });
export const societyTypeSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  sectorId: uuid,
  tier: z.enum(tiers),
  credit: z.boolean(),
  minPromoters: z.number().int(),
  /** The scrutiny checklist of an application of this type: the common items, then its own. */
  scrutinyItems: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type District = z.infer<typeof districtSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Village = z.infer<typeof villageSchema>;
export type Office = z.infer<typeof officeSchema>;
export type Sector = z.infer<typeof sectorSchema>;
export type SocietyType = z.infer<typeof societyTypeSchema>;

export const referenceDataSchema = z.object({
  stateName: z.string(),
  districts: z.array(districtSchema),
  blocks: z.array(blockSchema),
  villages: z.array(villageSchema),
  offices: z.array(officeSchema),
  sectors: z.array(sectorSchema),
  societyTypes: z.array(societyTypeSchema),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;

export const ruleParameterSchema = z.object({
  id: uuid,
  key: z.string(),
  /** What the value applies to: '' for everything, or e.g. a society type code. */
  scope: z.string(),
  value: z.string(),
  effectiveFrom: isoDate,
  legalReference: z.string(),
  note: z.string().nullable(),
});
export type RuleParameter = z.infer<typeof ruleParameterSchema>;

export const referenceRequests = {
  /** Geography, offices with their jurisdiction, sectors and society types. */
  'reference.get': {
    access: 'public',
    input: z.object({}).strict(),
    output: referenceDataSchema,
  },
  /** The rule parameters table (domain.md §3), every version with its effective date. */
  'reference.ruleParameters': {
    access: registerReaders,
    input: z.object({}).strict(),
    output: z.array(ruleParameterSchema),
  },
} as const satisfies RequestSpecs<'reference'>;
