import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The record of changes (quality.md "Security"): one entry per change, written in the same
 * transaction as the change, each holding the hash of the one before. Append-only: a
 * migration adds triggers that refuse UPDATE and DELETE. Never synced as rows; its latest
 * hash (`app_meta` key `audit_trail_head`) is what the state server will countersign.
 */
export const auditTrail = sqliteTable(
  'audit_trail',
  {
    seq: integer().primaryKey({ autoIncrement: true }),
    id: text().notNull().unique(),
    at: text().notNull(),
    userId: text().notNull(),
    role: text().notNull(),
    officeId: text(),
    deviceId: text().notNull(),
    /** The named mutation: `society.update`, `statusOrder.approve`, `user.resetPassword`. */
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    /** The record a person would look under (a society for its area or status rows). */
    subjectId: text(),
    /** JSON: field → [before, after]. */
    changes: text().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_trail_subject_idx').on(t.subjectId, t.seq),
    index('audit_trail_user_idx').on(t.userId, t.seq),
    index('audit_trail_at_idx').on(t.at),
  ],
);
