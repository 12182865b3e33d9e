import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { rubricSchema } from '#shared/audits/audits';
import { tiers } from '#shared/societies/society';

/** The shipped reference data of a state: resources/reference/<state>.json. */
const referenceFileSchema = z.object({
  state: z.object({ code: z.string(), name: z.string(), lgdCode: z.string().nullable() }),
  districts: z.array(
    z.object({ code: z.string(), name: z.string(), lgdCode: z.string().nullable() }),
  ),
  blocks: z.array(
    z.object({
      code: z.string(),
      districtCode: z.string(),
      name: z.string(),
      kind: z.string(),
      lgdCode: z.string().nullable(),
    }),
  ),
  villages: z.array(
    z.object({
      code: z.string(),
      blockCode: z.string(),
      name: z.string(),
      kind: z.string(),
      lgdCode: z.string().nullable(),
    }),
  ),
  offices: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      address: z.string(),
      level: z.string(),
      districtCodes: z.array(z.string()),
      villageCodes: z.array(z.string()).default([]),
    }),
  ),
  sectors: z.array(z.object({ code: z.string(), name: z.string() })),
  societyTypes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      sectorCode: z.string(),
      tier: z.enum(tiers),
      credit: z.boolean(),
      minPromoters: z.number().int().min(1),
      /** Scrutiny items of this type besides the common ones (shared/registration/registration.ts). */
      scrutinyItems: z
        .array(z.object({ code: z.string().regex(/^[a-z_]+$/), label: z.string().min(1) }))
        .default([]),
    }),
  ),
  /** Audit rubrics, each for the types listed ('' = every type without its own), from a year on. */
  auditRubrics: z
    .array(
      z.object({
        scopes: z.array(z.string()).min(1),
        fromFy: z.string(),
        criteria: rubricSchema.shape.criteria,
        thresholds: rubricSchema.shape.thresholds,
        legalReference: z.string(),
      }),
    )
    .default([]),
  ruleParameters: z.array(
    z.object({
      key: z.string(),
      scope: z.string().default(''),
      value: z.string(),
      effectiveFrom: z.string(),
      legalReference: z.string(),
      note: z.string().nullable().default(null),
    }),
  ),
});
export type ReferenceFile = z.output<typeof referenceFileSchema>;

export function readReferenceFile(resourcesDir: string, state = 'mizoram'): ReferenceFile {
  const file = join(resourcesDir, 'reference', `${state}.json`);
  return referenceFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
