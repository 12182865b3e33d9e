import { addDays, financialYearOf } from '#shared/domain/dates';
import { gradeOf, type Rubric } from '#shared/audits/audits';
import { financialYearBounds, previousFinancialYear } from '#shared/returns/returns';
import type { Sqlite } from '../db/open-database';
import { withoutInsertTriggers } from '../db/open-database';
import { newId } from '../ids';
import { seededRandom } from './seeded-random';

/**
 * Audits of the last `years` closed financial years for a generated register (the
 * benchmark's ten years at 2,50,000 societies): the programme and stages in the mix of a
 * real state (older years mostly accepted, the latest one still in progress), marks on
 * every criterion of the type's rubric with the grade they give, spread over the given
 * auditors. Written in batches with the insert guards lifted, as the generated societies
 * are. Returns how many audits were written.
 */
export function seedDemoAudits(
  sqlite: Sqlite,
  options: {
    today: string;
    years: number;
    auditorIds: string[];
    seed?: number;
    batchSize?: number;
  },
): number {
  if (options.auditorIds.length === 0) return 0;
  const random = seededRandom(options.seed ?? 243);
  const latest = previousFinancialYear(financialYearOf(options.today));
  const years: string[] = [latest];
  while (years.length < options.years) years.push(previousFinancialYear(years.at(-1)!));

  const rubrics = (
    sqlite
      .prepare(
        `SELECT id, scope, from_fy AS fromFy, criteria, thresholds FROM audit_rubrics WHERE deleted_at IS NULL
         ORDER BY from_fy DESC`,
      )
      .all() as {
      id: string;
      scope: string;
      fromFy: string;
      criteria: string;
      thresholds: string;
    }[]
  ).map((row) => ({
    ...row,
    rubric: {
      criteria: JSON.parse(row.criteria),
      thresholds: JSON.parse(row.thresholds),
    } as Rubric,
  }));
  const rubricFor = (typeCode: string, fy: string) =>
    rubrics.find((r) => r.scope === typeCode && r.fromFy <= fy) ??
    rubrics.find((r) => r.scope === '' && r.fromFy <= fy);
  const societies = sqlite
    .prepare(
      `SELECT s.id, s.registered_on AS registeredOn, s.status, t.code AS typeCode
       FROM societies s JOIN society_types t ON t.id = s.type_id WHERE s.deleted_at IS NULL`,
    )
    .all() as { id: string; registeredOn: string; status: string; typeCode: string }[];
  const insert = sqlite.prepare(
    `INSERT INTO audits (id, version, created_at, created_by, updated_at, updated_by, society_id, fy, state,
       auditor_id, auditor_kind, assigned_by, assigned_on, fieldwork_from, fieldwork_to, statements,
       balance_sheet_paise, rubric_id, scores, total_marks, max_marks, grade, submitted_on, reviewed_by, reviewed_at)
     VALUES (?, 1, ?, 'demo', ?, 'demo', ?, ?, ?, ?, ?, 'demo', ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = `${options.today}T06:00:00.000Z`;
  const batchSize = options.batchSize ?? 50_000;
  const pending: unknown[][] = [];
  let written = 0;
  const flush = () => {
    if (pending.length === 0) return;
    sqlite.transaction(() =>
      withoutInsertTriggers(sqlite, ['audits'], () => {
        for (const values of pending) insert.run(values);
      }),
    )();
    written += pending.length;
    pending.length = 0;
  };

  for (const fy of years) {
    const { end } = financialYearBounds(fy);
    const newest = fy === latest;
    for (const society of societies) {
      if (society.registeredOn > end) continue;
      const working = society.status === 'registered' || society.status === 'functional';
      if (random() >= (working ? (newest ? 0.7 : 0.85) : 0.15)) continue;
      const roll = random();
      const state = newest
        ? roll < 0.3
          ? 'planned'
          : roll < 0.5
            ? 'in_field'
            : roll < 0.65
              ? 'submitted'
              : roll < 0.7
                ? 'returned'
                : 'accepted'
        : roll < 0.97
          ? 'accepted'
          : 'submitted';
      const assignedOn = `${end.slice(0, 4)}-05-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const started = state !== 'planned';
      const fieldworkFrom = started ? addDays(assignedOn, 20 + Math.floor(random() * 120)) : null;
      const fieldworkTo = fieldworkFrom
        ? addDays(fieldworkFrom, 2 + Math.floor(random() * 6))
        : null;
      const rubric = rubricFor(society.typeCode, fy);
      // Societies score around 55 % with a wide spread: every class occurs.
      const share = Math.min(1, Math.max(0, 0.55 + (random() + random() + random() - 1.5) * 0.45));
      const scores: Record<string, number> = {};
      if (started && rubric) {
        for (const criterion of rubric.rubric.criteria) {
          scores[criterion.code] = Math.min(
            criterion.maxMarks,
            Math.max(0, Math.round(criterion.maxMarks * (share + (random() - 0.5) * 0.2))),
          );
        }
      }
      const result = started && rubric ? gradeOf(rubric.rubric, scores) : null;
      const submitted = state === 'submitted' || state === 'returned' || state === 'accepted';
      const submittedOn =
        submitted && fieldworkTo ? addDays(fieldworkTo, 3 + Math.floor(random() * 20)) : null;
      pending.push([
        newId(),
        now,
        now,
        society.id,
        fy,
        state,
        options.auditorIds[Math.floor(random() * options.auditorIds.length)],
        random() < 0.8 ? 'departmental' : 'panel',
        assignedOn,
        fieldworkFrom,
        fieldworkTo,
        started ? Math.floor(1_00_000_00 + random() * 5_00_00_000_00) : null,
        started && rubric ? rubric.id : null,
        JSON.stringify(scores),
        result?.total ?? null,
        result?.max ?? null,
        result?.grade ?? null,
        submittedOn,
        state === 'accepted' ? 'demo' : null,
        state === 'accepted' && submittedOn ? `${addDays(submittedOn, 10)}T06:00:00.000Z` : null,
      ]);
      if (pending.length >= batchSize) flush();
    }
  }
  flush();
  return written;
}
