import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { offices } from './reference';
import { societies } from './societies';
import { users } from './users';

/**
 * A proposed change of a society's status and its decision (domain.md §4). The database
 * refuses a decision by the proposer, whatever the service does (maker ≠ checker).
 */
export const statusOrders = sqliteTable(
  'status_orders',
  {
    ...syncedColumns(),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    /** The society's office when proposed: its registrar decides. */
    officeId: text()
      .notNull()
      .references(() => offices.id),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    effectiveOn: text().notNull(),
    orderRef: text().notNull(),
    reason: text().notNull(),
    state: text().notNull().default('proposed'),
    proposedBy: text()
      .notNull()
      .references(() => users.id),
    proposedAt: text().notNull(),
    decidedBy: text().references(() => users.id),
    decidedAt: text(),
    decisionNote: text(),
  },
  (t) => [
    index('status_orders_society_idx').on(t.societyId, t.proposedAt),
    index('status_orders_pending_idx').on(t.state, t.officeId),
    check('status_orders_state_ck', sql`${t.state} in ('proposed', 'approved', 'rejected')`),
    check(
      'status_orders_maker_checker_ck',
      sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.proposedBy}`,
    ),
    check(
      'status_orders_decision_ck',
      sql`(${t.state} = 'proposed') = (${t.decidedBy} is null and ${t.decidedAt} is null)`,
    ),
  ],
);
