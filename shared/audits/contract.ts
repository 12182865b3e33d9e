import { z } from 'zod';
import { typedText } from '../societies/society';
import { registerReaders } from '../auth/roles';
import { enteredPasswordSchema } from '../auth/credentials';
import { isIsoDate } from '../domain/dates';
import {
  auditorKinds,
  auditStates,
  auditStatuses,
  defectActionKinds,
  defectCategories,
  defectStatuses,
  grades,
  observationInputSchema,
  observationKinds,
  rubricSchema,
  SUMMARY_MAX_LENGTH,
} from './audits';
import {
  type RequestSpecs,
  empty,
  financialYear,
  isoDate,
  isoInstant,
  uuid,
  versioned,
} from '../ipc/wire';

/** Filters of the audit register; the year is always chosen. */
export const auditFilterSchema = z
  .object({
    fy: financialYear,
    officeId: uuid.optional(),
    districtId: uuid.optional(),
    typeId: uuid.optional(),
    status: z.enum(auditStatuses).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditRegisterRowSchema = z.object({
  societyId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  officeName: z.string(),
  districtName: z.string(),
  typeName: z.string(),
  /** Null while the society is not in the year's programme. */
  auditId: uuid.nullable(),
  state: z.enum(auditStates).nullable(),
  /** Not accepted, and the audit's due date has passed. */
  overdue: z.boolean(),
  auditorName: z.string().nullable(),
  auditorKind: z.enum(auditorKinds).nullable(),
  grade: z.enum(grades).nullable(),
  submittedOn: isoDate.nullable(),
});
export type AuditRegisterRow = z.infer<typeof auditRegisterRowSchema>;

export const myAuditRowSchema = z.object({
  auditId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  address: z.string(),
  officeName: z.string(),
  fy: z.string(),
  state: z.enum(auditStates),
  dueOn: isoDate,
  fieldworkFrom: isoDate.nullable(),
  fieldworkTo: isoDate.nullable(),
  grade: z.enum(grades).nullable(),
  reviewRemarks: z.string().nullable(),
});
export type MyAuditRow = z.infer<typeof myAuditRowSchema>;

export const statementHeadSchema = z.object({ code: z.string(), label: z.string() });

export const rubricViewSchema = z.object({
  id: uuid,
  version: z.number().int(),
  /** '' for every type without its own, else the type's code. */
  scope: z.string(),
  scopeName: z.string(),
  fromFy: z.string(),
  criteria: rubricSchema.shape.criteria,
  thresholds: rubricSchema.shape.thresholds,
  /** Audits submitted or accepted under it: such a rubric is changed from a later year only. */
  gradedAudits: z.number().int(),
});
export type RubricView = z.infer<typeof rubricViewSchema>;

export const defectActionSchema = z.object({
  kind: z.enum(defectActionKinds),
  actedOn: isoDate,
  note: z.string(),
  byName: z.string(),
  at: isoInstant,
});

export const observationSchema = z.object({
  id: uuid,
  para: z.number().int(),
  kind: z.enum(observationKinds),
  category: z.enum(defectCategories),
  amountPaise: z.number().int().nullable(),
  description: z.string(),
  recommendation: z.string(),
  rectificationDueOn: isoDate.nullable(),
  status: z.enum(defectStatuses),
  /** A defect not rectified after its due date. */
  overdue: z.boolean(),
  actions: z.array(defectActionSchema),
  recordedByName: z.string(),
});
export type AuditObservation = z.infer<typeof observationSchema>;

export const feeReceiptSchema = z.object({
  receiptNo: z.string(),
  amountPaise: z.number().int(),
  receivedOn: isoDate,
  mode: z.enum(['cash', 'challan', 'bank']),
  reference: z.string().nullable(),
  receivedByName: z.string(),
});
export type FeeReceipt = z.infer<typeof feeReceiptSchema>;

export const auditDetailSchema = z.object({
  id: uuid,
  version: z.number().int(),
  state: z.enum(auditStates),
  fy: z.string(),
  dueOn: isoDate,
  overdue: z.boolean(),
  society: z.object({
    id: uuid,
    name: z.string(),
    regNo: z.string(),
    address: z.string(),
    officeId: uuid,
    officeName: z.string(),
    typeName: z.string(),
    credit: z.boolean(),
  }),
  auditorId: uuid,
  auditorName: z.string(),
  auditorKind: z.enum(auditorKinds),
  assignedByName: z.string(),
  assignedOn: isoDate,
  fieldworkFrom: isoDate.nullable(),
  fieldworkTo: isoDate.nullable(),
  /** Field work ended: the report is due so many days later (rule parameter). */
  reportDueOn: isoDate.nullable(),
  statementHeads: z.object({
    liabilities: z.array(statementHeadSchema),
    assets: z.array(statementHeadSchema),
    income: z.array(statementHeadSchema),
    expenditure: z.array(statementHeadSchema),
  }),
  statements: z.record(z.string(), z.number().int()),
  rubric: rubricViewSchema,
  scores: z.record(z.string(), z.number().int()),
  totalMarks: z.number().int().nullable(),
  maxMarks: z.number().int().nullable(),
  grade: z.enum(grades).nullable(),
  summary: z.string().nullable(),
  submittedOn: isoDate.nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: isoInstant.nullable(),
  reviewRemarks: z.string().nullable(),
  certificateSerial: z.string().nullable(),
  /** The default date by which a defect found today is to be put right (rule parameter). */
  rectificationDueDefault: isoDate,
  observations: z.array(observationSchema),
  fee: z.object({
    /** By rule from the balance-sheet total; null until the statements are entered. */
    computedPaise: z.number().int().nullable(),
    overridePaise: z.number().int().nullable(),
    overrideReason: z.string().nullable(),
    /** What the society owes in all: the override if any, else the computed fee. */
    duePaise: z.number().int().nullable(),
    paidPaise: z.number().int(),
    /** Due less paid, never below nothing; null while nothing is due yet. */
    outstandingPaise: z.number().int().nullable(),
    receipts: z.array(feeReceiptSchema),
  }),
});
export type AuditDetail = z.infer<typeof auditDetailSchema>;

export const auditReportSchema = z
  .object({
    fieldworkFrom: isoDate.nullable(),
    fieldworkTo: isoDate.nullable(),
    statements: z.record(
      z.string().regex(/^[a-z_]{1,40}$/u),
      z.number().int().min(0, 'Amounts cannot be negative.').max(10_000_000_000_000),
    ),
    scores: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/u), z.number().int().min(0).max(100)),
    summary: z
      .string()
      .trim()
      .max(SUMMARY_MAX_LENGTH, 'Keep the general remarks within 3,000 letters.')
      .nullable(),
  })
  .strict();
export type AuditReport = z.infer<typeof auditReportSchema>;

export const overdueDefectRowSchema = z.object({
  observationId: uuid,
  auditId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  officeName: z.string(),
  fy: z.string(),
  para: z.number().int(),
  category: z.enum(defectCategories),
  description: z.string(),
  amountPaise: z.number().int().nullable(),
  rectificationDueOn: isoDate,
  daysOverdue: z.number().int(),
  status: z.enum(defectStatuses),
});
export type OverdueDefectRow = z.infer<typeof overdueDefectRowSchema>;

export const gradeCountsSchema = z.object({
  name: z.string(),
  A: z.number().int(),
  B: z.number().int(),
  C: z.number().int(),
  D: z.number().int(),
});
export type GradeCounts = z.infer<typeof gradeCountsSchema>;

export const auditRequests = {
  /** One page of the audit register for a year: every functioning society and its audit. */
  'audits.register': {
    access: registerReaders,
    input: auditFilterSchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(auditRegisterRowSchema), total: z.number().int() }),
  },
  /** How many societies' audits of the year are at each stage, and how many are overdue. */
  'audits.counts': {
    access: registerReaders,
    input: auditFilterSchema.omit({ status: true }),
    output: z.object({
      dueOn: isoDate,
      not_programmed: z.number().int(),
      planned: z.number().int(),
      in_field: z.number().int(),
      submitted: z.number().int(),
      returned: z.number().int(),
      accepted: z.number().int(),
      overdue: z.number().int(),
    }),
  },
  /** The auditor's own audits not yet accepted, and those accepted in the last year. */
  'audits.mine': {
    access: ['auditor'],
    input: empty,
    output: z.array(myAuditRowSchema),
  },
  /** Active auditors who can be given audits. */
  'audits.auditors': {
    access: ['registrar', 'clerk'],
    input: empty,
    output: z.array(z.object({ id: uuid, fullName: z.string(), officeName: z.string() })),
  },
  /** Puts societies in the year's programme with an auditor; those already in it are skipped. */
  'audits.assign': {
    access: ['registrar'],
    input: z
      .object({
        fy: financialYear,
        societyIds: z.array(uuid).min(1, 'Choose at least one society.').max(5000),
        auditorId: uuid,
        auditorKind: z.enum(auditorKinds),
      })
      .strict(),
    output: z.object({ assigned: z.number().int(), skipped: z.number().int() }),
  },
  /** Every society of an office (of a district and a type, if given) not yet in the year's programme, to one auditor. */
  'audits.assignMatching': {
    access: ['registrar'],
    input: z
      .object({
        fy: financialYear,
        officeId: uuid,
        districtId: uuid.optional(),
        typeId: uuid.optional(),
        auditorId: uuid,
        auditorKind: z.enum(auditorKinds),
      })
      .strict(),
    output: z.object({ assigned: z.number().int(), skipped: z.number().int() }),
  },
  /** Gives an audit not yet submitted to another auditor. */
  'audits.reassign': {
    access: ['registrar'],
    input: z.object({ ...versioned, auditorId: uuid, auditorKind: z.enum(auditorKinds) }).strict(),
    output: auditDetailSchema,
  },
  /** One audit: the programme entry, the report, the decision, defects and fee. */
  'audits.get': {
    access: registerReaders,
    input: z.object({ id: uuid }).strict(),
    output: auditDetailSchema,
  },
  /** A society's audits, newest year first. */
  'audits.ofSociety': {
    access: registerReaders,
    input: z.object({ societyId: uuid }).strict(),
    output: z.array(
      z.object({
        auditId: uuid,
        fy: z.string(),
        state: z.enum(auditStates),
        overdue: z.boolean(),
        auditorName: z.string(),
        grade: z.enum(grades).nullable(),
        certificateSerial: z.string().nullable(),
      }),
    ),
  },
  /** The assigned auditor saves the report as typed (also saved as they type, so nothing is lost). */
  'audits.saveReport': {
    access: ['auditor'],
    input: z.object({ ...versioned, report: auditReportSchema }).strict(),
    output: auditDetailSchema,
  },
  /** The assigned auditor records an observation or defect. */
  'audits.addObservation': {
    access: ['auditor'],
    input: z.object({ auditId: uuid, observation: observationInputSchema }).strict(),
    output: auditDetailSchema,
  },
  /** Corrects an observation (a new entry replaces it) or withdraws it (`observation` null). */
  'audits.reviseObservation': {
    access: ['auditor'],
    input: z
      .object({ observationId: uuid, observation: observationInputSchema.nullable() })
      .strict(),
    output: auditDetailSchema,
  },
  /** The auditor submits the report to the audit officer. */
  'audits.submit': {
    access: ['auditor'],
    input: z.object(versioned).strict(),
    output: auditDetailSchema,
  },
  /**
   * The audit officer accepts a submitted report (the certificate is issued and the
   * audit closed) or returns it to the auditor with remarks; confirmed with the password.
   */
  'audits.review': {
    access: ['registrar'],
    confirmPassword: true,
    input: z
      .object({
        ...versioned,
        decision: z.enum(['accept', 'return'], { message: 'Choose accept or return.' }),
        remarks: typedText().max(4000).nullable(),
        password: enteredPasswordSchema,
      })
      .strict()
      .refine((value) => value.decision === 'accept' || (value.remarks ?? '') !== '', {
        message: 'Say what the auditor must correct; they see these remarks.',
        path: ['remarks'],
      }),
    output: auditDetailSchema,
  },
  /** Follow-up of a defect: the society's reply, or the verdict rectified / not accepted. */
  'audits.followUp': {
    access: ['clerk', 'registrar', 'inspector'],
    input: z
      .object({
        observationId: uuid,
        kind: z.enum(defectActionKinds),
        actedOn: isoDate.refine(isIsoDate, 'Give the date as DD-MM-YYYY.'),
        note: typedText().min(3, 'Write what the society said or what was seen.').max(4000),
      })
      .strict(),
    output: auditDetailSchema,
  },
  /** Defects not rectified after their due date, oldest first, for one office or all. */
  'audits.overdueDefects': {
    access: registerReaders,
    input: z.object({ officeId: uuid.optional() }).strict(),
    output: z.array(overdueDefectRowSchema),
  },
  /** The registrar overrides the fee by rule (null goes back to the rule), with the reason. */
  'audits.setFee': {
    access: ['registrar'],
    input: z
      .object({
        ...versioned,
        feePaise: z.number().int().min(0).max(10_000_000_000).nullable(),
        reason: typedText().max(2000).nullable(),
      })
      .strict()
      .refine((value) => value.feePaise === null || (value.reason ?? '').length >= 3, {
        message: 'Give the reason for the fee set by hand.',
        path: ['reason'],
      }),
    output: auditDetailSchema,
  },
  /** Records the fee paid and gives a numbered receipt. */
  'audits.receiveFee': {
    access: ['clerk', 'registrar'],
    input: z
      .object({
        id: uuid,
        amountPaise: z.number().int().min(1, 'Enter the amount received.').max(10_000_000_000),
        mode: z.enum(['cash', 'challan', 'bank']),
        reference: typedText().max(200).nullable(),
      })
      .strict(),
    output: z.object({ receiptNo: z.string(), audit: auditDetailSchema }),
  },
  /** Accepted audits of the year by grade, per district and per society type. */
  'audits.grades': {
    access: registerReaders,
    input: z.object({ fy: financialYear, officeId: uuid.optional() }).strict(),
    output: z.object({
      byDistrict: z.array(gradeCountsSchema),
      byType: z.array(gradeCountsSchema),
    }),
  },
  /** Every rubric: for which types, from which year, its criteria and cut-offs. */
  'audits.rubrics': {
    access: registerReaders,
    input: empty,
    output: z.array(rubricViewSchema),
  },
  /**
   * The administrator adds a rubric (no `id`) or changes one no submitted audit was
   * graded by; a rubric in use is changed by adding one from a later year.
   */
  'audits.saveRubric': {
    access: ['administrator'],
    input: z
      .object({
        id: uuid.optional(),
        baseVersion: z.number().int().min(1).optional(),
        scope: z.string().max(40),
        fromFy: financialYear,
        rubric: rubricSchema,
      })
      .strict(),
    output: z.array(rubricViewSchema),
  },
} as const satisfies RequestSpecs<'audits'>;
