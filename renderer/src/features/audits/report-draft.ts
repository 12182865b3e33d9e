import type { TFunction } from 'i18next';
import { marksProblem, SUMMARY_MAX_LENGTH, type StatementHead } from '#shared/audits/audits';
import type { AuditDetail, AuditReport } from '#shared/audits/contract';
import { isoToDayMonthYear, parseDayMonthYear } from '../../components/date-text';
import { paiseToRupeeText, rupeeTextToPaise } from '../../components/money-text';

/** The report as typed: text fields, so nothing the auditor typed is rewritten under them. */
export interface Draft {
  fieldworkFrom: string;
  fieldworkTo: string;
  statements: Record<string, string>;
  scores: Record<string, string>;
  summary: string;
}

export function draftOf(detail: AuditDetail): Draft {
  // Heads of another kind of society (its type changed since) have no field to clear them
  // with, so they are left out rather than blocking every save.
  const heads = new Set(
    Object.values(detail.statementHeads).flatMap((list: StatementHead[]) =>
      list.map((h) => h.code),
    ),
  );
  return {
    fieldworkFrom: isoToDayMonthYear(detail.fieldworkFrom),
    fieldworkTo: isoToDayMonthYear(detail.fieldworkTo),
    statements: Object.fromEntries(
      Object.entries(detail.statements)
        .filter(([code]) => heads.has(code))
        .map(([code, paise]) => [code, paiseToRupeeText(paise)]),
    ),
    scores: Object.fromEntries(
      Object.entries(detail.scores).map(([code, marks]) => [code, String(marks)]),
    ),
    summary: detail.summary ?? '',
  };
}

/** The draft as the contract's report, and what is wrong with it field by field. */
export function reportOf(
  draft: Draft,
  detail: AuditDetail,
  t: TFunction<'audits'>,
): { report: AuditReport; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const date = (field: 'fieldworkFrom' | 'fieldworkTo') => {
    const text = draft[field];
    if (text.trim() === '') return null;
    const iso = parseDayMonthYear(text);
    if (!iso) problems[field] = t('audits.form.badDate');
    return iso ?? null;
  };
  const statements: Record<string, number> = {};
  for (const [code, text] of Object.entries(draft.statements)) {
    const paise = rupeeTextToPaise(text);
    if (paise === undefined || (paise !== null && paise < 0)) {
      problems[`statements.${code}`] = t('audits.form.badAmount');
    } else if (paise !== null) statements[code] = paise;
  }
  const scores: Record<string, number> = {};
  for (const criterion of detail.rubric.criteria) {
    const text = (draft.scores[criterion.code] ?? '').trim();
    if (text === '') continue;
    const marks = Number(text);
    const problem = Number.isNaN(marks)
      ? t('audits.form.badMarks')
      : marksProblem(marks, criterion);
    if (problem) problems[`scores.${criterion.code}`] = problem;
    else scores[criterion.code] = marks;
  }
  if (draft.summary.length > SUMMARY_MAX_LENGTH) problems['summary'] = t('audits.form.summaryLong');
  return {
    report: {
      fieldworkFrom: date('fieldworkFrom'),
      fieldworkTo: date('fieldworkTo'),
      statements,
      scores,
      summary: draft.summary.trim() === '' ? null : draft.summary,
    },
    problems,
  };
}
