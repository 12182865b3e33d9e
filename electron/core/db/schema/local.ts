import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The sync outbox (sync.md §3): one row per named mutation, written in the same
 * transaction as the change it describes. `seq` is per device, strictly increasing, never
 * reused (AUTOINCREMENT keeps it from reusing a number after the last row is removed).
 */
export const outbox = sqliteTable('outbox', {
  seq: integer().primaryKey({ autoIncrement: true }),
  mutationId: text().notNull().unique(),
  name: text().notNull(),
  mutationVersion: integer().notNull(),
  entity: text().notNull(),
  entityId: text().notNull(),
  /** JSON patch: the fields this mutation sets. */
  args: text().notNull(),
  /** Version of the row the change was made on; null for a new row. */
  baseVersion: integer(),
  /** JSON: the before-values of the patched fields, for the server's three-way check. */
  base: text(),
  hlc: text().notNull(),
  userId: text().notNull(),
  createdAt: text().notNull(),
  /** pending until pushed; then the server's verdict. */
  state: text().notNull().default('pending'),
  verdict: text(),
});

/** Facts about this installation (device id, install epoch). Never synced. */
export const appMeta = sqliteTable('app_meta', {
  key: text().primaryKey(),
  value: text().notNull(),
});

/**
 * The rows each outbox entry's transaction wrote (the society and its area villages, an
 * application and its promoters), so a push carries every row the change made.
 */
export const outboxRows = sqliteTable(
  'outbox_rows',
  {
    seq: integer()
      .notNull()
      .references(() => outbox.seq),
    tableName: text().notNull(),
    rowId: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.seq, t.tableName, t.rowId] })],
);

/**
 * Conflicts, rejections and held changes of this office as the state server last reported
 * them (sync.md §5), so the Sync issues inbox reads offline too. Never synced as rows.
 */
export const syncIssues = sqliteTable('sync_issues', {
  id: text().primaryKey(),
  kind: text().notNull(),
  /** The issue as the server sent it (JSON of shared/sync/protocol SyncIssue). */
  data: text().notNull(),
  fetchedAt: text().notNull(),
});
