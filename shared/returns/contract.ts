import { z } from 'zod';
import { typedText } from '../societies/society';
import { registerReaders } from '../auth/roles';
import { enteredPasswordSchema } from '../auth/credentials';
import {
  returnFilingSchema,
  returnItemsSchema,
  returnSnapshotSchema,
  returnStates,
  returnStatuses,
} from './returns';
import {
  type RequestSpecs,
  empty,
  financialYear,
  isoDate,
  isoInstant,
  printedFileSchema,
  uuid,
} from '../ipc/wire';
import { authStatusSchema } from '../auth/contract';

/** Filters of the returns register; the year is always chosen. */
export const returnFilterSchema = z
  .object({
    fy: financialYear,
    officeId: uuid.optional(),
    districtId: uuid.optional(),
    typeId: uuid.optional(),
    status: z.enum(returnStatuses).optional(),
  })
  .strict();
export type ReturnFilter = z.infer<typeof returnFilterSchema>;

export const returnRegisterRowSchema = z.object({
  societyId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  officeName: z.string(),
  districtName: z.string(),
  typeName: z.string(),
  status: z.enum(returnStatuses),
  ackNo: z.string().nullable(),
  filedOn: isoDate.nullable(),
  daysLate: z.number().int().nullable(),
  /** Defaulter notices sent for this year. */
  notices: z.number().int(),
});
export type ReturnRegisterRow = z.infer<typeof returnRegisterRowSchema>;

export const filedReturnSchema = z.object({
  id: uuid,
  version: z.number().int(),
  state: z.enum(returnStates),
  ackNo: z.string(),
  filedOn: isoDate,
  daysLate: z.number().int(),
  lateFeePaise: z.number().int(),
  counterClerkName: z.string(),
  declarantName: z.string(),
  declarantDesignation: z.string(),
  items: returnItemsSchema,
  snapshot: returnSnapshotSchema,
  reviewedByName: z.string().nullable(),
  reviewedAt: isoInstant.nullable(),
  reviewReasons: z.string().nullable(),
});

export const returnDetailSchema = z.object({
  societyId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  officeId: uuid,
  officeName: z.string(),
  address: z.string(),
  fy: z.string(),
  dueOn: isoDate,
  status: z.enum(returnStatuses),
  /** What filing today would cost in late fee. */
  lateIfFiledToday: z.object({ daysLate: z.number().int(), feePaise: z.number().int() }),
  filed: filedReturnSchema.nullable(),
  notices: z.array(z.object({ letterNo: z.string(), sentOn: isoDate })),
});
export type ReturnDetail = z.infer<typeof returnDetailSchema>;

export const returnRequests = {
  /** One page of the returns register for a year: every functioning society and its return. */
  'returns.register': {
    access: registerReaders,
    input: returnFilterSchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(returnRegisterRowSchema), total: z.number().int() }),
  },
  /** How many societies' returns are due, overdue, filed, incomplete and accepted. */
  'returns.counts': {
    access: registerReaders,
    input: returnFilterSchema.omit({ status: true }),
    output: z.object({
      dueOn: isoDate,
      due: z.number().int(),
      overdue: z.number().int(),
      filed: z.number().int(),
      incomplete: z.number().int(),
      accepted: z.number().int(),
    }),
  },
  /** A society's returns of the last ten closed years since it was registered, newest first. */
  'returns.ofSociety': {
    access: registerReaders,
    input: z.object({ societyId: uuid }).strict(),
    output: z.array(
      z.object({
        fy: z.string(),
        dueOn: isoDate,
        status: z.enum(returnStatuses),
        ackNo: z.string().nullable(),
        filedOn: isoDate.nullable(),
        daysLate: z.number().int().nullable(),
      }),
    ),
  },
  /** One society's return for one year, filed or not. */
  'returns.get': {
    access: registerReaders,
    input: z.object({ societyId: uuid, fy: financialYear }).strict(),
    output: returnDetailSchema,
  },
  /**
   * The clerk opens a filing session for one society and year and hands over the
   * keyboard: the session then reaches that return only, until the clerk closes it.
   */
  'returns.openCounter': {
    access: ['clerk', 'registrar'],
    input: z.object({ societyId: uuid, fy: financialYear }).strict(),
    output: authStatusSchema,
  },
  /** What the secretary at the counter sees: the society, the year, and a return sent back. */
  'returns.counterForm': {
    access: ['counter_secretary'],
    input: empty,
    output: returnDetailSchema,
  },
  /** The secretary files the return, signing the declaration by typing their name. */
  'returns.file': {
    access: ['counter_secretary'],
    input: z.object({ filing: returnFilingSchema }).strict(),
    output: returnDetailSchema,
  },
  /** The clerk takes the keyboard back with their own password. */
  'returns.closeCounter': {
    access: 'session',
    input: z.object({ password: enteredPasswordSchema }).strict(),
    output: authStatusSchema,
  },
  /** The clerk accepts a filed return (it is then closed) or sends it back with reasons. */
  'returns.review': {
    access: ['clerk', 'registrar'],
    input: z
      .object({
        id: uuid,
        baseVersion: z.number().int().min(1),
        decision: z.enum(['accept', 'send_back'], { message: 'Choose accept or send back.' }),
        reasons: typedText().max(4000).nullable(),
      })
      .strict()
      .refine((value) => value.decision === 'accept' || (value.reasons ?? '') !== '', {
        message: 'Say what must be corrected; the secretary is told these reasons.',
        path: ['reasons'],
      }),
    output: returnDetailSchema,
  },
  /**
   * A notice to every society of the office whose return for the year is overdue, one
   * page each in one PDF, and a record that each was sent.
   */
  'returns.defaulterNotices': {
    access: ['clerk', 'registrar'],
    input: z.object({ officeId: uuid, fy: financialYear }).strict(),
    output: printedFileSchema.extend({ count: z.number().int() }),
  },
  /** The register as filtered, to Excel or CSV (cells that could be formulas neutralised). */
  'returns.export': {
    access: registerReaders,
    input: returnFilterSchema.extend({ format: z.enum(['csv', 'xlsx']) }),
    output: printedFileSchema.extend({ count: z.number().int() }),
  },
  /**
   * Functioning societies with no return for the last two years whose returns are
   * overdue: candidates for non-functional status.
   */
  'returns.nonFunctionalCandidates': {
    access: registerReaders,
    input: z.object({ officeId: uuid.optional() }).strict(),
    output: z.object({
      years: z.array(z.string()),
      rows: z.array(
        z.object({
          societyId: uuid,
          societyName: z.string(),
          regNo: z.string(),
          officeName: z.string(),
          lastFiledFy: z.string().nullable(),
          /** A status order for it is already waiting for a registrar. */
          pendingOrder: z.boolean(),
        }),
      ),
    }),
  },
} as const satisfies RequestSpecs<'returns'>;
