import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every synced row carries (sync.md §2): a client-made UUIDv7 id, a version that
 * goes up by one per change, who changed it and when, and a tombstone instead of a delete.
 */
export function syncedColumns() {
  return {
    id: text().primaryKey(),
    version: integer().notNull().default(1),
    createdAt: text().notNull(),
    createdBy: text().notNull(),
    updatedAt: text().notNull(),
    updatedBy: text().notNull(),
    /** Set instead of deleting the row, so the removal can sync. */
    deletedAt: text(),
  };
}
