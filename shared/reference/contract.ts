import { z } from 'zod';
import { tiers } from '../societies/society';
import { registerReaders, roles } from '../auth/roles';
import { type RequestSpecs, isoDate, isoInstant, uuid } from '../ipc/wire';

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

/** The images every printed certificate and letter carries at its head (issue 20). */
export const letterheadImageKinds = ['state_emblem', 'department_logo'] as const;
export type LetterheadImageKind = (typeof letterheadImageKinds)[number];

/** Image types pdfkit draws without another library: PNG and JPEG (not SVG). */
export const letterheadImageTypes = ['image/png', 'image/jpeg'] as const;

/**
 * The largest upload the contract lets through (base64 of about 1 MB): a sync push carries
 * the image whole, and the state server takes about 2 MB at once. The rule parameter
 * `letterhead.image_max_kb` sets the real, smaller limit.
 */
export const LETTERHEAD_UPLOAD_MAX_CHARS = 1_400_000;

export const letterheadImageSchema = z.object({
  kind: z.enum(letterheadImageKinds),
  mimeType: z.enum(letterheadImageTypes),
  width: z.number().int(),
  height: z.number().int(),
  size: z.number().int(),
  /** `data:<type>;base64,…`, for the preview and the printed slips. */
  dataUrl: z.string(),
  setAt: isoInstant,
  setBy: z.string(),
});
export type LetterheadImage = z.infer<typeof letterheadImageSchema>;

export const letterheadSchema = z.object({
  stateEmblem: letterheadImageSchema.nullable(),
  departmentLogo: letterheadImageSchema.nullable(),
  /** What an image must be (rule parameters in force today), for the screen to say. */
  limits: z.object({
    maxBytes: z.number().int(),
    minPixels: z.number().int(),
    maxPixels: z.number().int(),
    maxAspect: z.number(),
  }),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

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
  /** The state emblem and department logo printed on certificates and letters, if set. */
  'reference.letterhead': {
    access: roles,
    input: z.object({}).strict(),
    output: letterheadSchema,
  },
  /**
   * The administrator sets the state emblem or the department logo: a PNG or JPEG (by its
   * own first bytes), within the size and pixel limits of the rule parameters. A file that
   * fails a check is refused (`invalid_input`, field `content`) and nothing changes.
   */
  'reference.setLetterheadImage': {
    access: ['administrator'],
    input: z
      .object({
        kind: z.enum(letterheadImageKinds),
        contentBase64: z
          .string()
          .min(1, { message: 'Choose a PNG or JPEG file.' })
          .max(LETTERHEAD_UPLOAD_MAX_CHARS, {
            message: 'The file is far too large for an emblem or logo; save it smaller.',
          }),
      })
      .strict(),
    output: letterheadSchema,
  },
  /** The administrator removes an image: documents print "Emblem not set" / "Logo not set" again. */
  'reference.removeLetterheadImage': {
    access: ['administrator'],
    input: z.object({ kind: z.enum(letterheadImageKinds) }).strict(),
    output: letterheadSchema,
  },
} as const satisfies RequestSpecs<'reference'>;
