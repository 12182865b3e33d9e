import { z } from 'zod';
import type { Role } from '../auth/roles';
import { isIsoDate } from '../domain/dates';
import { financialYearBounds } from '../returns/returns';
import { typedText } from '../societies/society';

/**
 * Statutory audits (domain.md §4 "Audits", art. 243ZM): a programme of who audits which
 * society for which year, the auditor's report with its financial statements, a grade by
 * the society type's rubric, and defects followed until they are put right.
 */

/** The audit's workflow (sync.md §5): only these states, moved only by named transitions. */
export const auditStates = ['planned', 'in_field', 'submitted', 'returned', 'accepted'] as const;
export type AuditState = (typeof auditStates)[number];

/** How the audit register shows a society's audit of a year; `overdue` is any unfinished one past the due date. */
export const auditStatuses = [
  'not_programmed',
  'planned',
  'in_field',
  'submitted',
  'returned',
  'accepted',
  'overdue',
] as const;
export type AuditStatus = (typeof auditStatuses)[number];

/** Each state as a sentence says it: "the audit was already …". */
export const auditStateInWords: Record<AuditState, string> = {
  planned: 'planned',
  in_field: 'in the field',
  submitted: 'submitted',
  returned: 'returned to the auditor',
  accepted: 'accepted',
};

/** States in which the assigned auditor may still change the report. */
export const editableAuditStates: readonly AuditState[] = ['planned', 'in_field', 'returned'];

export const auditorKinds = ['departmental', 'panel'] as const;
export type AuditorKind = (typeof auditorKinds)[number];

/** The due date of the audit of `fy`, from the rule's "MM-DD" after the year closes. */
export function auditDueOn(fy: string, dueMonthDay: string): string {
  return `${financialYearBounds(fy).end.slice(0, 4)}-${dueMonthDay}`;
}

/** `YYYY-MM-DD` plus whole calendar months, kept to the month's last day (31-01 + 1 → 28/29-02). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

// ── the classification rubric ──────────────────────────────────────────────────────────

export const grades = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof grades)[number];

/**
 * Grade cut-offs in per cent of the rubric's maximum: A above `aAbove`, B from `bFrom` up
 * to and including `aAbove`, C from `cFrom` up to (not including) `bFrom`, D below `cFrom`.
 * The common scale is A > 60 %, B 45–60 %, C 30–45 %, D < 30 %.
 */
export interface GradeThresholds {
  aAbove: number;
  bFrom: number;
  cFrom: number;
}

export const COMMON_THRESHOLDS: GradeThresholds = { aAbove: 60, bFrom: 45, cFrom: 30 };

export const rubricCriterionSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/u, 'Use lower-case letters, digits and _ (e.g. recovery).'),
  label: typedText().min(3, 'Name the criterion.').max(200),
  maxMarks: z
    .number()
    .int('Maximum marks are whole numbers.')
    .min(1, 'Give at least 1 mark.')
    .max(100, 'At most 100 marks per criterion.'),
});
export type RubricCriterion = z.output<typeof rubricCriterionSchema>;

export const gradeThresholdsSchema = z.object({
  aAbove: z.number().min(0).max(100),
  bFrom: z.number().min(0).max(100),
  cFrom: z.number().min(0).max(100),
});

/** A rubric as the administrator edits it: criteria with their maximum marks, and cut-offs. */
export const rubricSchema = z
  .object({
    criteria: z
      .array(rubricCriterionSchema)
      .min(1, 'A rubric needs at least one criterion.')
      .max(40),
    thresholds: gradeThresholdsSchema,
  })
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', index, 'code'],
          message: `The code ${criterion.code} is used twice.`,
        });
      }
      seen.add(criterion.code);
    });
    const { aAbove, bFrom, cFrom } = rubric.thresholds;
    if (!(cFrom < bFrom && bFrom < aAbove)) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds'],
        message: 'The cut-offs must rise from C to B to A (e.g. C from 30, B from 45, A above 60).',
      });
    }
  });
export type Rubric = z.output<typeof rubricSchema>;

/** Marks given, by criterion code; a criterion not yet scored is absent. */
export type RubricScores = Record<string, number>;

export interface GradeResult {
  total: number;
  max: number;
  /** Per cent of the maximum, to two decimals, for display. */
  percent: number;
  /** Null until every criterion is scored. */
  grade: Grade | null;
  /** Criteria not scored yet, in the rubric's order. */
  missing: string[];
}

/**
 * The grade of a score sheet by the rubric. Percentages are compared exactly (marks × 100
 * against the cut-off × maximum), so 60 % of an odd maximum is never rounded into an A.
 */
export function gradeOf(rubric: Rubric, scores: RubricScores): GradeResult {
  let total = 0;
  let max = 0;
  const missing: string[] = [];
  for (const criterion of rubric.criteria) {
    max += criterion.maxMarks;
    const marks = scores[criterion.code];
    if (marks === undefined || marks === null) missing.push(criterion.code);
    else total += marks;
  }
  const percent = max === 0 ? 0 : Math.round((total * 10_000) / max) / 100;
  if (missing.length > 0 || max === 0) return { total, max, percent, grade: null, missing };
  return { total, max, percent, grade: gradeForShare(total, max, rubric.thresholds), missing };
}

/** The grade of `total` out of `max` marks under the cut-offs. */
export function gradeForShare(total: number, max: number, thresholds: GradeThresholds): Grade {
  const share = total * 100;
  if (share > thresholds.aAbove * max) return 'A';
  if (share >= thresholds.bFrom * max) return 'B';
  if (share >= thresholds.cFrom * max) return 'C';
  return 'D';
}

/** What is wrong with one criterion's marks, in words for the auditor; null when fine. */
export function marksProblem(marks: number, criterion: RubricCriterion): string | null {
  if (!Number.isInteger(marks)) return 'Give whole marks.';
  if (marks < 0) return 'Marks cannot be negative.';
  if (marks > criterion.maxMarks) return `At most ${criterion.maxMarks} marks.`;
  return null;
}

// ── financial statements ───────────────────────────────────────────────────────────────

export interface StatementHead {
  code: string;
  label: string;
}

export interface StatementHeads {
  liabilities: StatementHead[];
  assets: StatementHead[];
  income: StatementHead[];
  expenditure: StatementHead[];
}

/**
 * Balance-sheet and profit-and-loss heads suited to the society's type: a credit society
 * lends and takes deposits, so its heads are about loans and interest; the others trade.
 */
export function statementHeadsFor(credit: boolean): StatementHeads {
  const liabilities = [
    { code: 'share_capital', label: 'Share capital' },
    { code: 'reserves', label: 'Reserve and other funds' },
    ...(credit
      ? [{ code: 'deposits', label: 'Deposits from members' }]
      : [{ code: 'trade_creditors', label: 'Trade creditors' }]),
    { code: 'borrowings', label: 'Borrowings' },
    { code: 'government_grants', label: 'Government grants and subsidies' },
    { code: 'other_liabilities', label: 'Other liabilities and provisions' },
    { code: 'profit_carried', label: 'Profit carried to the balance sheet' },
  ];
  const assets = [
    { code: 'cash_bank', label: 'Cash and bank balances' },
    { code: 'investments', label: 'Investments' },
    ...(credit
      ? [{ code: 'loans_members', label: 'Loans and advances to members' }]
      : [
          { code: 'stock', label: 'Stock in trade' },
          { code: 'trade_debtors', label: 'Trade debtors' },
        ]),
    { code: 'fixed_assets', label: 'Fixed assets (net)' },
    { code: 'other_assets', label: 'Other assets' },
    { code: 'loss_carried', label: 'Accumulated loss' },
  ];
  const income = credit
    ? [
        { code: 'interest_received', label: 'Interest received on loans' },
        { code: 'investment_income', label: 'Income from investments' },
        { code: 'other_income', label: 'Other income' },
      ]
    : [
        { code: 'sales', label: 'Sales and services' },
        { code: 'closing_stock', label: 'Closing stock' },
        { code: 'other_income', label: 'Other income' },
      ];
  const expenditure = credit
    ? [
        { code: 'interest_paid', label: 'Interest paid on deposits and borrowings' },
        { code: 'establishment', label: 'Salaries and establishment' },
        { code: 'provisions', label: 'Provisions for bad and doubtful debts' },
        { code: 'other_expenses', label: 'Other expenses' },
      ]
    : [
        { code: 'opening_stock', label: 'Opening stock' },
        { code: 'purchases', label: 'Purchases and direct costs' },
        { code: 'establishment', label: 'Salaries and establishment' },
        { code: 'other_expenses', label: 'Other expenses' },
      ];
  return { liabilities, assets, income, expenditure };
}

/** Amounts in paise by head code; a head left empty is absent. */
export type Statements = Record<string, number>;

export interface StatementTotals {
  liabilitiesPaise: number;
  assetsPaise: number;
  incomePaise: number;
  expenditurePaise: number;
  /** Income less expenditure: negative is a loss. */
  netProfitPaise: number;
  balanced: boolean;
}

export function statementTotals(heads: StatementHeads, statements: Statements): StatementTotals {
  const sum = (list: StatementHead[]) =>
    list.reduce((total, head) => total + (statements[head.code] ?? 0), 0);
  const liabilitiesPaise = sum(heads.liabilities);
  const assetsPaise = sum(heads.assets);
  const incomePaise = sum(heads.income);
  const expenditurePaise = sum(heads.expenditure);
  return {
    liabilitiesPaise,
    assetsPaise,
    incomePaise,
    expenditurePaise,
    netProfitPaise: incomePaise - expenditurePaise,
    balanced: liabilitiesPaise === assetsPaise,
  };
}

// ── the audit fee ──────────────────────────────────────────────────────────────────────

/**
 * The audit fee by rule: so many rupees per lakh (or part of a lakh) of the balance-sheet
 * total, not below the minimum nor above the maximum. Paise in, paise out.
 */
export function auditFee(
  balanceSheetPaise: number,
  rule: { perLakhPaise: number; minimumPaise: number; maximumPaise: number },
): number {
  const lakhs = Math.ceil(Math.max(0, balanceSheetPaise) / 10_000_000);
  return Math.min(rule.maximumPaise, Math.max(rule.minimumPaise, lakhs * rule.perLakhPaise));
}

// ── observations and defects ───────────────────────────────────────────────────────────

export const observationKinds = ['defect', 'observation'] as const;
export type ObservationKind = (typeof observationKinds)[number];

/** Categories auditors file defects under (the common heads of an audit memo). */
/** The auditor's general remarks: at most what fits on the first page of the memo. */
export const SUMMARY_MAX_LENGTH = 3000;

export const defectCategories = [
  'cash_and_bank',
  'loans_and_recovery',
  'accounts_and_books',
  'stock',
  'governance',
  'statutory_compliance',
  'misappropriation',
  'other',
] as const;
export type DefectCategory = (typeof defectCategories)[number];

export const defectCategoryLabels: Record<DefectCategory, string> = {
  cash_and_bank: 'Cash and bank',
  loans_and_recovery: 'Loans and recovery',
  accounts_and_books: 'Accounts and books',
  stock: 'Stock',
  governance: 'Governance and meetings',
  statutory_compliance: 'Statutory compliance',
  misappropriation: 'Misappropriation or loss',
  other: 'Other',
};

/** Where a defect stands: nothing yet, the society replied, the reply was not accepted, put right. */
export const defectStatuses = ['open', 'replied', 'not_accepted', 'rectified'] as const;
export type DefectStatus = (typeof defectStatuses)[number];

/** Follow-up entries on a defect (append-only facts, in the order made). */
export const defectActionKinds = ['reply', 'rectified', 'not_accepted'] as const;
export type DefectActionKind = (typeof defectActionKinds)[number];

/**
 * Who verifies what the society did about a defect (rectified, or the reply not
 * accepted): an officer who can go and see, not the clerk who took the reply.
 */
export const defectVerifierRoles: readonly Role[] = ['registrar', 'inspector'];

/** A defect's status from its follow-up entries, oldest first. */
export function defectStatus(actions: readonly { kind: DefectActionKind }[]): DefectStatus {
  const last = actions.at(-1);
  if (!last) return 'open';
  if (last.kind === 'reply') return 'replied';
  return last.kind;
}

const isoDate = (message: string) => z.string().refine(isIsoDate, message);

export const observationInputSchema = z
  .object({
    kind: z.enum(observationKinds),
    category: z.enum(defectCategories),
    amountPaise: z
      .number()
      .int()
      .min(0, 'The amount cannot be negative.')
      .max(10_000_000_000_000)
      .nullable(),
    // Limits that keep one paragraph of the printed memo within a page.
    description: typedText()
      .min(5, 'Describe what was found.')
      .max(2000, 'Keep it within 2,000 letters.'),
    recommendation: typedText().max(1000, 'Keep it within 1,000 letters.'),
    rectificationDueOn: isoDate('Give the date as DD-MM-YYYY.').nullable(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'defect' && !input.rectificationDueOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['rectificationDueOn'],
        message: 'A defect needs the date by which it is to be put right.',
      });
    }
    if (input.kind === 'defect' && input.recommendation.length < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['recommendation'],
        message: 'Say what the society must do to put it right.',
      });
    }
  });
export type ObservationInput = z.output<typeof observationInputSchema>;
