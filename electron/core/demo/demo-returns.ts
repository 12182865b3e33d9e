import { financialYearOf } from '#shared/domain/dates';
import {
  financialYearBounds,
  functioningStatuses,
  lateFee,
  previousFinancialYear,
  returnDueOn,
} from '#shared/returns/returns';
import type { Sqlite } from '../db/open-database';
import { withoutInsertTriggers } from '../db/open-database';
import { newId } from '../ids';
import { seededRandom } from './seeded-random';

/**
 * Annual returns for the demo register and the benchmark: for each society and each of the
 * last `years` closed financial years it owed one, filed or not in the mix of a real state
 * (about three in five filed, fewer in the latest year, most of the older ones accepted),
 * with believable figures. Written in batches with the insert guards lifted, as the demo
 * societies are; acknowledgement numbers run per office and year, and each series' number
 * block is recorded so that the next real filing continues after them.
 */
export function seedDemoReturns(
  sqlite: Sqlite,
  options: { today: string; years: number; seed?: number; batchSize?: number },
): number {
  const random = seededRandom(options.seed ?? 2006);
  const latest = previousFinancialYear(financialYearOf(options.today));
  const years: string[] = [latest];
  while (years.length < options.years) years.push(previousFinancialYear(years.at(-1)!));
  const dueRule = sqlite
    .prepare(
      `SELECT value FROM rule_parameters WHERE key = 'returns.due' AND deleted_at IS NULL ORDER BY effective_from DESC LIMIT 1`,
    )
    .get() as { value: string } | undefined;
  if (!dueRule) return 0;
  // The late fee as the rule parameters set it (rupees), like the due date above.
  const rupeesRule = (key: string) =>
    Number(
      (
        sqlite
          .prepare(
            `SELECT value FROM rule_parameters WHERE key = ? AND deleted_at IS NULL ORDER BY effective_from DESC LIMIT 1`,
          )
          .get(key) as { value: string } | undefined
      )?.value ?? 0,
    ) * 100;
  const perMonthPaise = rupeesRule('returns.late_fee_per_month');
  const maximumPaise = rupeesRule('returns.late_fee_max');
  const societies = sqlite
    .prepare(
      `SELECT s.id, s.registered_on AS registeredOn, s.status, o.code AS officeCode
       FROM societies s JOIN offices o ON o.id = s.office_id WHERE s.deleted_at IS NULL`,
    )
    .all() as { id: string; registeredOn: string; status: string; officeCode: string }[];
  const insert = sqlite.prepare(
    `INSERT INTO annual_returns (id, version, created_at, created_by, updated_at, updated_by, society_id, fy, state,
       ack_no, filed_on, due_on, days_late, late_fee_paise, counter_clerk, declarant_name, declarant_designation,
       activities_report, audited_accounts, surplus_plan, by_law_amendments, agm_on, elections_held, elections_on,
       members_male, members_female, members_other, members_total, members_sc, members_st, members_obc,
       members_general, employees, paid_up_capital_paise, government_share_paise, reserves_paise, deposits_paise,
       borrowings_paise, loans_outstanding_paise, turnover_paise, profit_loss_paise, total_assets_paise,
       reviewed_by, reviewed_at, review_reasons)
     VALUES (?, 1, ?, 'demo', ?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, 'Secretary', ?, 1, NULL, NULL, ?, 0, NULL,
       ?, ?, 0, ?, 0, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const serials = new Map<string, number>();
  const now = `${options.today}T06:00:00.000Z`;
  const batchSize = options.batchSize ?? 50_000;
  const pending: unknown[][] = [];
  let written = 0;
  const flush = () => {
    if (pending.length === 0) return;
    sqlite.transaction(() =>
      withoutInsertTriggers(sqlite, ['annual_returns'], () => {
        for (const values of pending) insert.run(values);
      }),
    )();
    written += pending.length;
    pending.length = 0;
  };

  for (const fy of years) {
    const { end } = financialYearBounds(fy);
    const dueOn = returnDueOn(fy, dueRule.value);
    const newest = fy === latest;
    for (const society of societies) {
      if (society.registeredOn > end) continue;
      // A society that stopped working stopped filing some years ago.
      const functioning = functioningStatuses.includes(society.status as 'registered');
      const filesProbability = functioning ? (newest ? 0.42 : 0.66) : newest ? 0.02 : 0.2;
      if (random() >= filesProbability) continue;
      const roll = random();
      const state = newest
        ? roll < 0.5
          ? 'accepted'
          : roll < 0.9
            ? 'filed'
            : 'sent_back'
        : roll < 0.93
          ? 'accepted'
          : roll < 0.97
            ? 'sent_back'
            : 'filed';
      // Most file in the last weeks before the due date; a third are late, some by months.
      const offsetDays = Math.round((random() < 0.67 ? -60 : 200) * random());
      const filedDate = new Date(Date.parse(`${dueOn}T00:00:00Z`) + offsetDays * 86_400_000);
      let filedOn = filedDate.toISOString().slice(0, 10);
      if (filedOn > options.today) filedOn = options.today;
      const late = lateFee(dueOn, filedOn, perMonthPaise, maximumPaise);
      const key = `${society.officeCode}/${fy}`;
      const serial = (serials.get(key) ?? 0) + 1;
      serials.set(key, serial);
      const members = 10 + Math.floor(random() * 240);
      const women = Math.floor(members * (0.2 + random() * 0.5));
      const capital = members * (500 + Math.floor(random() * 4500)) * 100;
      const turnover = Math.floor(capital * (0.5 + random() * 8));
      const profit = Math.floor(turnover * (random() * 0.12 - 0.03));
      pending.push([
        newId(),
        now,
        now,
        society.id,
        fy,
        state,
        `RET/${key}/${String(serial).padStart(4, '0')}`,
        filedOn,
        dueOn,
        late.daysLate,
        late.feePaise,
        'Demo secretary',
        'Business of the year carried on for the members: supply of inputs, marketing of produce, thrift and credit.',
        filedOn < dueOn ? filedOn : dueOn,
        members - women,
        women,
        members,
        members,
        Math.floor(random() * 6),
        capital,
        Math.floor(capital * random() * 0.3),
        Math.floor(capital * random() * 0.4),
        Math.floor(capital * random() * 2),
        Math.floor(capital * random()),
        Math.floor(capital * random() * 1.5),
        turnover,
        profit,
        capital * 3,
        state === 'filed' ? null : 'demo',
        state === 'filed' ? null : now,
        state === 'sent_back' ? 'The audited accounts are not attached.' : null,
      ]);
      if (pending.length >= batchSize) flush();
    }
  }
  flush();
  // The numbers used, as blocks: the allocator continues after them (number-allocator.ts).
  const block = sqlite.prepare(
    `INSERT INTO number_blocks (series, first, last, next, granted_by, granted_at) VALUES (?, 1, ?, ?, 'demo', ?)`,
  );
  sqlite.transaction(() => {
    for (const [key, last] of serials) block.run(`RET/${key}/{serial}`, last, last + 1, now);
  })();
  return written;
}
