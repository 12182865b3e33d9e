import { z } from 'zod';
import { type RequestSpecs, empty, isoDate, isoInstant, uuid } from '../ipc/wire';

/** One entry of the record of changes: who changed what, when, from where, before and after. */
export const changeEntrySchema = z.object({
  seq: z.number().int(),
  at: isoInstant,
  userId: z.string(),
  userName: z.string(),
  role: z.string(),
  officeName: z.string().nullable(),
  deviceId: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  subjectId: z.string().nullable(),
  /** The society's or user's name today, so an entry says whom it concerns. */
  subjectName: z.string().nullable(),
  /** Field → [before, after]; before is null for a new record. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;

export const chainVerdictSchema = z.object({
  intact: z.boolean(),
  /** Entries checked. */
  checked: z.number().int(),
  /** Intact: the last entry. Broken: the last good entry before the first bad one (0 if none). */
  intactUpTo: z.number().int(),
  firstBad: z
    .object({
      seq: z.number().int(),
      problem: z.enum(['altered', 'removed', 'inserted', 'reordered', 'truncated']),
      message: z.string(),
    })
    .nullable(),
  ms: z.number(),
});
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;

export const changeRequests = {
  /** The administrator's list of all changes, filtered, newest first. */
  'changes.list': {
    access: ['administrator'],
    input: z
      .object({
        userId: uuid.optional(),
        entity: z.string().max(40).optional(),
        officeId: uuid.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ entries: z.array(changeEntrySchema), total: z.number().int() }),
  },
  /** "Verify the record of changes": walks the hash chain and names the first bad entry. */
  'changes.verify': { access: ['administrator'], input: empty, output: chainVerdictSchema },
} as const satisfies RequestSpecs<'changes'>;
