import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { societies } from './societies';
import { users } from './users';

/**
 * The classification rubric of audits (issue #6): criteria with their maximum marks and
 * the grade cut-offs, for one society type (`scope` = its code) or for every type without
 * its own (`scope` = ''), in force from a financial year on. Reference data the
 * administrator edits; an audit keeps the rubric it was scored by.
 */
export const auditRubrics = sqliteTable(
  'audit_rubrics',
  {
    ...syncedColumns(),
    scope: text().notNull().default(''),
    /** First financial year the rubric applies to, "2025-26". */
    fromFy: text().notNull(),
    /** JSON array of { code, label, maxMarks }. */
    criteria: text().notNull(),
    /** JSON { aAbove, bFrom, cFrom } in per cent. */
    thresholds: text().notNull(),
  },
  (t) => [
    uniqueIndex('audit_rubrics_scope_fy_uq')
      .on(t.scope, t.fromFy)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * One society's statutory audit of one financial year: its place in the programme (who
 * audits it), the auditor's report (field work, statements, scores, grade) and the audit
 * officer's decision. `state` is a workflow (sync.md §5); the grade and the figures are
 * legal fields; an accepted audit is closed.
 */
export const audits = sqliteTable(
  'audits',
  {
    ...syncedColumns(),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    fy: text().notNull(),
    state: text().notNull(),
    auditorId: text()
      .notNull()
      .references(() => users.id),
    auditorKind: text().notNull(),
    assignedBy: text().notNull(),
    assignedOn: text().notNull(),
    fieldworkFrom: text(),
    fieldworkTo: text(),
    /** JSON { headCode: paise } of the balance sheet and the profit-and-loss account. */
    statements: text().notNull().default('{}'),
    balanceSheetPaise: integer(),
    netProfitPaise: integer(),
    /** The rubric the scores are by, fixed at the first save. */
    rubricId: text().references(() => auditRubrics.id),
    /** JSON { criterionCode: marks }. */
    scores: text().notNull().default('{}'),
    totalMarks: integer(),
    maxMarks: integer(),
    grade: text(),
    /** The auditor's general remarks for the memo. */
    summary: text(),
    submittedOn: text(),
    reviewedBy: text(),
    reviewedAt: text(),
    /** Why the audit officer returned it, or remarks on acceptance. */
    reviewRemarks: text(),
    certificateSerial: text(),
    /** The fee by rule, worked out on acceptance; an override and its reason replace it. */
    feeComputedPaise: integer(),
    feeOverridePaise: integer(),
    feeOverrideReason: text(),
  },
  (t) => [
    uniqueIndex('audits_society_fy_uq')
      .on(t.societyId, t.fy)
      .where(sql`${t.deletedAt} is null`),
    index('audits_auditor_idx').on(t.auditorId, t.state),
    index('audits_fy_state_idx').on(t.fy, t.state),
    check(
      'audits_state_ck',
      sql`${t.state} in ('planned', 'in_field', 'submitted', 'returned', 'accepted')`,
    ),
    check('audits_kind_ck', sql`${t.auditorKind} in ('departmental', 'panel')`),
    check('audits_grade_ck', sql`${t.grade} is null or ${t.grade} in ('A', 'B', 'C', 'D')`),
  ],
);

/**
 * An observation or defect of an audit report: an append-only fact (sync.md §5). A
 * correction is a new row that `supersedes` the old; a withdrawal is a new row marked
 * `withdrawn`. The live list is the rows nobody supersedes that are not withdrawals.
 */
export const auditObservations = sqliteTable(
  'audit_observations',
  {
    ...syncedColumns(),
    auditId: text()
      .notNull()
      .references(() => audits.id),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    /** Paragraph number in the memo, kept by a correction. */
    para: integer().notNull(),
    kind: text().notNull(),
    category: text().notNull(),
    amountPaise: integer(),
    description: text().notNull(),
    recommendation: text().notNull(),
    rectificationDueOn: text(),
    supersedes: text(),
    withdrawn: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('audit_observations_audit_idx').on(t.auditId, t.para),
    index('audit_observations_supersedes_idx').on(t.supersedes),
    index('audit_observations_due_idx').on(t.rectificationDueOn),
    check('audit_observations_kind_ck', sql`${t.kind} in ('defect', 'observation')`),
  ],
);

/**
 * Follow-up of a defect: the society's reply, then the verdict of whoever verified it
 * (rectified, or the reply not accepted). Append-only facts; the last one is the status.
 */
export const auditDefectActions = sqliteTable(
  'audit_defect_actions',
  {
    ...syncedColumns(),
    observationId: text()
      .notNull()
      .references(() => auditObservations.id),
    kind: text().notNull(),
    /** The date of the reply or of the verification. */
    actedOn: text().notNull(),
    note: text().notNull(),
  },
  (t) => [
    index('audit_defect_actions_observation_idx').on(t.observationId, t.createdAt),
    check('audit_defect_actions_kind_ck', sql`${t.kind} in ('reply', 'rectified', 'not_accepted')`),
  ],
);

/** A receipt for an audit fee paid: an append-only fact with its own number. */
export const auditFeeReceipts = sqliteTable(
  'audit_fee_receipts',
  {
    ...syncedColumns(),
    auditId: text()
      .notNull()
      .references(() => audits.id),
    receiptNo: text().notNull(),
    amountPaise: integer().notNull(),
    receivedOn: text().notNull(),
    /** cash, challan or bank transfer, with its reference. */
    mode: text().notNull(),
    reference: text(),
  },
  (t) => [
    uniqueIndex('audit_fee_receipts_no_uq').on(t.receiptNo),
    index('audit_fee_receipts_audit_idx').on(t.auditId),
    check('audit_fee_receipts_mode_ck', sql`${t.mode} in ('cash', 'challan', 'bank')`),
    check('audit_fee_receipts_amount_ck', sql`${t.amountPaise} > 0`),
  ],
);
