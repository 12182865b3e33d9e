import { z } from 'zod';
import { daysBetween, financialYearOf as financialYearOfDate, isIsoDate } from '../domain/dates';
import { optionalText, typedText, type SocietyStatus } from '../societies/society';

/**
 * Annual returns (domain.md §4, art. 243ZP): one per functioning society per financial
 * year, due on the day of the rule parameter `returns.due` after the year closes.
 */

/** What happened to a filed return: waiting for the clerk's check, sent back, or accepted. */
export const returnStates = ['filed', 'sent_back', 'accepted'] as const;
export type ReturnState = (typeof returnStates)[number];

/** How the returns register shows each society's return for a year. */
export const returnStatuses = ['due', 'overdue', 'filed', 'incomplete', 'accepted'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/** Societies that owe returns: those still working. */
export const functioningStatuses: readonly SocietyStatus[] = ['registered', 'functional'];

/** "2025-26" → its first and last day. */
export function financialYearBounds(fy: string): { start: string; end: string } {
  const start = Number(fy.slice(0, 4));
  return { start: `${start}-04-01`, end: `${start + 1}-03-31` };
}

/** Is `fy` a financial year label such as "2025-26"? */
export function isFinancialYear(fy: string): boolean {
  const match = /^(\d{4})-(\d{2})$/u.exec(fy);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** The financial year before `fy`: "2025-26" → "2024-25". */
export function previousFinancialYear(fy: string): string {
  const start = Number(fy.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The due date of the return for `fy`, from the rule's "MM-DD" after the year closes. */
export function returnDueOn(fy: string, dueMonthDay: string): string {
  const closes = financialYearBounds(fy).end;
  const year = Number(closes.slice(0, 4));
  // "09-30" falls after 31 March in the same calendar year; "03-31" would be that day.
  return `${year}-${dueMonthDay}`;
}

/** The register's status of a society's return for a year, from the filed record if any. */
export function returnStatus(
  state: ReturnState | null,
  dueOn: string,
  today: string,
): ReturnStatus {
  if (state === 'accepted') return 'accepted';
  if (state === 'filed') return 'filed';
  if (state === 'sent_back') return 'incomplete';
  return today > dueOn ? 'overdue' : 'due';
}

/**
 * The late fee of a return filed after its due date: a sum per month or part of a month
 * late, up to a ceiling (both rule parameters, in paise here). Zero when on time.
 */
export function lateFee(
  dueOn: string,
  filedOn: string,
  perMonthPaise: number,
  maximumPaise: number,
): { daysLate: number; monthsLate: number; feePaise: number } {
  const daysLate = Math.max(0, daysBetween(dueOn, filedOn));
  const monthsLate = Math.ceil(daysLate / 30);
  return { daysLate, monthsLate, feePaise: Math.min(monthsLate * perMonthPaise, maximumPaise) };
}

const count = (label: string) =>
  z
    .number({ message: `Enter the number of ${label}.` })
    .int({ message: `The number of ${label} is a whole number.` })
    .min(0, { message: `The number of ${label} cannot be negative.` })
    .max(10_000_000, { message: `Check the number of ${label}.` });

const rupees = (label: string, { negative = false } = {}) =>
  z
    .number({ message: `Enter the ${label} in rupees.` })
    .int({ message: `The ${label} must be in whole paise.` })
    .min(negative ? Number.MIN_SAFE_INTEGER : 0, {
      message: `The ${label} cannot be negative.`,
    })
    .max(Number.MAX_SAFE_INTEGER, { message: `The ${label} is too large.` });

const dateOrNull = (label: string) =>
  z
    .string()
    .refine(isIsoDate, { message: `Enter the ${label} as DD-MM-YYYY.` })
    .nullable();

/** People counted in the snapshot, in the order of the return (and of the export). */
export const snapshotCountFields = [
  'membersMale',
  'membersFemale',
  'membersOther',
  'membersTotal',
  'membersSc',
  'membersSt',
  'membersObc',
  'membersGeneral',
  'employees',
] as const;

/** Amounts of the snapshot in paise; the profit or loss alone may be negative. */
export const snapshotAmountFields = [
  'paidUpCapitalPaise',
  'governmentSharePaise',
  'reservesPaise',
  'depositsPaise',
  'borrowingsPaise',
  'loansOutstandingPaise',
  'turnoverPaise',
  'profitLossPaise',
  'totalAssetsPaise',
] as const;

/** Why members by gender do not make the total, or null when they do (checked as typed too). */
export function genderTotalProblem(parts: number[], total: number): string | null {
  const sum = parts.reduce((a, b) => a + b, 0);
  return sum === total
    ? null
    : `Men, women and transgender members add up to ${sum}, not ${total}.`;
}

/** Why members by category do not make the total, or null when they do. */
export function categoryTotalProblem(parts: number[], total: number): string | null {
  const sum = parts.reduce((a, b) => a + b, 0);
  return sum === total ? null : `Members by category add up to ${sum}, not the ${total} members.`;
}

/** The financial snapshot the National Cooperative Database asks for. */
export const returnSnapshotSchema = z
  .object({
    membersMale: count('men members'),
    membersFemale: count('women members'),
    membersOther: count('transgender members'),
    membersTotal: count('members'),
    membersSc: count('Scheduled Caste members'),
    membersSt: count('Scheduled Tribe members'),
    membersObc: count('OBC members'),
    membersGeneral: count('general members'),
    employees: count('employees'),
    paidUpCapitalPaise: rupees('paid-up share capital'),
    governmentSharePaise: rupees('government share capital'),
    reservesPaise: rupees('reserves'),
    depositsPaise: rupees('deposits'),
    borrowingsPaise: rupees('borrowings'),
    loansOutstandingPaise: rupees('loans outstanding'),
    turnoverPaise: rupees('turnover'),
    /** Negative for a loss. */
    profitLossPaise: rupees('profit or loss', { negative: true }),
    totalAssetsPaise: rupees('total assets'),
  })
  .superRefine((snapshot, context) => {
    const byGender = genderTotalProblem(
      [snapshot.membersMale, snapshot.membersFemale, snapshot.membersOther],
      snapshot.membersTotal,
    );
    if (byGender) context.addIssue({ code: 'custom', path: ['membersTotal'], message: byGender });
    const byCategory = categoryTotalProblem(
      [snapshot.membersSc, snapshot.membersSt, snapshot.membersObc, snapshot.membersGeneral],
      snapshot.membersTotal,
    );
    if (byCategory) {
      context.addIssue({ code: 'custom', path: ['membersGeneral'], message: byCategory });
    }
    if (snapshot.governmentSharePaise > snapshot.paidUpCapitalPaise) {
      context.addIssue({
        code: 'custom',
        path: ['governmentSharePaise'],
        message: 'The government share cannot be more than the paid-up share capital.',
      });
    }
  });
export type ReturnSnapshot = z.output<typeof returnSnapshotSchema>;

/** The items of the return (art. 243ZP), as the secretary fills them at the counter. */
export const returnItemsSchema = z.object({
  activitiesReport: typedText({ message: 'Describe the activities of the year.' })
    .min(20, { message: 'Describe the activities of the year in a few sentences.' })
    .max(8000, { message: 'The report of activities can have at most 8,000 characters.' }),
  auditedAccounts: z.boolean({ message: 'Say whether the audited accounts are attached.' }),
  surplusPlan: optionalText('plan for the surplus', 2000),
  byLawAmendments: optionalText('bye-law amendments of the year', 2000),
  agmOn: dateOrNull('date of the annual general meeting'),
  electionsHeld: z.boolean({ message: 'Say whether elections were held.' }),
  electionsOn: dateOrNull('date of the elections'),
});
export type ReturnItems = z.output<typeof returnItemsSchema>;

/** What the secretary files: the items, the snapshot and the declaration signed by name. */
export const returnFilingSchema = z
  .object({
    items: returnItemsSchema,
    snapshot: returnSnapshotSchema,
    declarantName: typedText({ message: 'Type your name to sign the declaration.' })
      .min(3, { message: 'Type your full name to sign the declaration.' })
      .max(120),
    declarantDesignation: typedText({ message: 'Enter your post in the society.' })
      .min(2, { message: 'Enter your post in the society, e.g. Secretary.' })
      .max(80),
  })
  .superRefine((filing, context) => {
    if (filing.items.electionsHeld && filing.items.electionsOn === null) {
      context.addIssue({
        code: 'custom',
        path: ['items', 'electionsOn'],
        message: 'Enter the date of the elections.',
      });
    }
  });
export type ReturnFiling = z.output<typeof returnFilingSchema>;

/**
 * The last `count` closed financial years on `today`, newest first: the first is the year
 * whose returns are being filed now.
 */
export function recentFinancialYears(today: string, count = 10): string[] {
  const years = [previousFinancialYear(financialYearOfDate(today))];
  while (years.length < count) years.push(previousFinancialYear(years.at(-1)!));
  return years;
}
