import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { societies } from './societies';

/**
 * A society's annual return for one financial year (issue #5), as filed at the counter:
 * the items of art. 243ZP and the National Cooperative Database snapshot as columns of
 * their own, so registers and the NCD extract read them directly. A year with no row is
 * due or overdue. An accepted return is closed (sync.md §5).
 */
export const annualReturns = sqliteTable(
  'annual_returns',
  {
    ...syncedColumns(),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    /** Financial year, "2025-26". */
    fy: text().notNull(),
    state: text().notNull(),
    /** Printed on the acknowledgement: "RET/AIZ/2026-27/0001". */
    ackNo: text().notNull(),
    filedOn: text().notNull(),
    dueOn: text().notNull(),
    daysLate: integer().notNull(),
    lateFeePaise: integer().notNull(),
    /** The clerk who opened the counter session the secretary filed in (a user id, as `created_by`). */
    counterClerk: text().notNull(),
    declarantName: text().notNull(),
    declarantDesignation: text().notNull(),
    activitiesReport: text().notNull(),
    auditedAccounts: integer({ mode: 'boolean' }).notNull(),
    surplusPlan: text(),
    byLawAmendments: text(),
    agmOn: text(),
    electionsHeld: integer({ mode: 'boolean' }).notNull(),
    electionsOn: text(),
    membersMale: integer().notNull(),
    membersFemale: integer().notNull(),
    membersOther: integer().notNull(),
    membersTotal: integer().notNull(),
    membersSc: integer().notNull(),
    membersSt: integer().notNull(),
    membersObc: integer().notNull(),
    membersGeneral: integer().notNull(),
    employees: integer().notNull(),
    paidUpCapitalPaise: integer().notNull(),
    governmentSharePaise: integer().notNull(),
    reservesPaise: integer().notNull(),
    depositsPaise: integer().notNull(),
    borrowingsPaise: integer().notNull(),
    loansOutstandingPaise: integer().notNull(),
    turnoverPaise: integer().notNull(),
    profitLossPaise: integer().notNull(),
    totalAssetsPaise: integer().notNull(),
    reviewedBy: text(),
    reviewedAt: text(),
    /** Why the clerk sent it back; printed for the secretary. */
    reviewReasons: text(),
  },
  (t) => [
    uniqueIndex('annual_returns_society_fy_uq').on(t.societyId, t.fy),
    uniqueIndex('annual_returns_ack_uq').on(t.ackNo),
    index('annual_returns_fy_state_idx').on(t.fy, t.state),
    check('annual_returns_state_ck', sql`${t.state} in ('filed', 'sent_back', 'accepted')`),
    check(
      'annual_returns_members_ck',
      sql`${t.membersMale} + ${t.membersFemale} + ${t.membersOther} = ${t.membersTotal}`,
    ),
  ],
);

/**
 * A notice sent to a society that has not filed its return for a year: an append-only
 * fact (sync.md §5), one per society in each batch printed for an office.
 */
export const returnNotices = sqliteTable(
  'return_notices',
  {
    ...syncedColumns(),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    fy: text().notNull(),
    letterNo: text().notNull(),
    sentOn: text().notNull(),
    /** The batch printed together: one PDF for an office. */
    batchId: text().notNull(),
  },
  (t) => [
    index('return_notices_society_idx').on(t.societyId, t.fy),
    uniqueIndex('return_notices_letter_uq').on(t.letterNo),
  ],
);
