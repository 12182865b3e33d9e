/**
 * Writing one pulled page into the local tables (sync.md §3): rows and bucket cursor in one
 * transaction, rows with pending local changes rebased, one clashing row left out.
 */
import {
  ENTITY_TABLES,
  byTableOrder,
  isSyncTable,
  type SyncEntity,
  type SyncTable,
} from '#shared/sync/entities';
import type { PulledRow } from '#shared/sync/protocol';
import { columnOf } from '#shared/column-name';
import { setMeta } from '../db/app-meta';
import type { Prepare } from '../db/statement-cache';
import { META, type SyncClientOptions } from './sync-context';

export class PulledPageWriter {
  constructor(
    private readonly options: SyncClientOptions,
    private readonly prepare: Prepare,
    private readonly columnsOf: (table: SyncTable) => string[],
  ) {}

  /**
   * Writes one pulled page and its cursor in one transaction (sync.md §3). A row with
   * changes still waiting to be pushed keeps the values of those changes (rebased on the
   * server's row); the server's decision on them arrives with a later page.
   */
  apply(
    rows: readonly PulledRow[],
    cursors: Record<string, number>,
    departed: readonly string[],
  ): void {
    const { sqlite } = this.options;
    const ordered = rows.filter((row) => isSyncTable(row.table)).sort(byTableOrder);
    const pendingColumns = this.pendingColumns();
    const tables = new Set<SyncTable>();
    const societyIds = new Set<string>();
    // A page may hold a child before its parent (the parent changed later, so it comes in a
    // later page): foreign keys are checked when the pull is complete, not per page.
    sqlite.pragma('foreign_keys = OFF');
    try {
      sqlite.transaction(() => {
        this.prepare('INSERT INTO temp.mutation_guard (open) VALUES (1)').run();
        for (const row of ordered) {
          const table = row.table as SyncTable;
          const kept = pendingColumns.get(`${table}:${row.id}`);
          if (kept === 'all') continue;
          if (!this.upsertUnlessClashing(table, row, kept ?? new Set())) continue;
          tables.add(table);
          if (table === 'societies') societyIds.add(row.id);
          else if (typeof row.data['society_id'] === 'string')
            societyIds.add(row.data['society_id']);
        }
        setMeta(sqlite, META.cursors, JSON.stringify(cursors));
        setMeta(sqlite, META.departed, JSON.stringify(departed));
        this.prepare('DELETE FROM temp.touched_rows').run();
        this.prepare('DELETE FROM temp.mutation_guard').run();
      })();
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
    this.options.onPulled({ tables, societyIds });
  }

  /**
   * Rows with changes not yet decided by the server: the columns those changes set (the
   * mutation's own row), or 'all' for the other rows its transaction wrote.
   */
  private pendingColumns(): Map<string, Set<string> | 'all'> {
    const kept = new Map<string, Set<string> | 'all'>();
    const pending = this.prepare(
      "SELECT seq, entity, entity_id AS entityId, args FROM outbox WHERE state = 'pending'",
    ).all() as { seq: number; entity: string; entityId: string; args: string }[];
    if (pending.length === 0) return kept;
    for (const mutation of pending) {
      const table = ENTITY_TABLES[mutation.entity as SyncEntity];
      if (!table) continue;
      const key = `${table}:${mutation.entityId}`;
      const columns = kept.get(key);
      if (columns === 'all') continue;
      const set = columns ?? new Set<string>();
      for (const field of Object.keys(JSON.parse(mutation.args) as object))
        set.add(columnOf(field));
      kept.set(key, set);
    }
    const touched = this.prepare(
      `SELECT r.table_name AS tableName, r.row_id AS rowId FROM outbox_rows r
         JOIN outbox o ON o.seq = r.seq WHERE o.state = 'pending'`,
    ).all() as { tableName: string; rowId: string }[];
    for (const row of touched) {
      const key = `${row.tableName}:${row.rowId}`;
      if (!kept.has(key)) kept.set(key, 'all');
    }
    return kept;
  }

  /**
   * Writes a pulled row unless it clashes with a unique value held by another row of this
   * computer (a user name set up here before enrolment, a society this computer entered
   * that the server refused): that one row is left out and logged, and the rest of the
   * page goes on, so one clash never stops the sync.
   */
  private upsertUnlessClashing(
    table: SyncTable,
    row: PulledRow,
    keep: ReadonlySet<string>,
  ): boolean {
    const savepoint = this.prepare('SAVEPOINT pulled_row');
    const release = this.prepare('RELEASE pulled_row');
    savepoint.run();
    try {
      this.upsert(table, row, keep);
      release.run();
      return true;
    } catch (error) {
      this.prepare('ROLLBACK TO pulled_row').run();
      release.run();
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      this.options.logger.warn('sync.pulled_row_clashes', { table, id: row.id });
      return false;
    }
  }

  private upsert(table: SyncTable, row: PulledRow, keep: ReadonlySet<string>): void {
    const data: Record<string, unknown> = { ...row.data, id: row.id, version: row.version };
    // Columns this app version does not know stay on the server (sync.md §8).
    const columns = this.columnsOf(table).filter((column) => column in data);
    const values = columns.map((column) => bindable(data[column]));
    const updates = columns.filter((column) => column !== 'id' && !keep.has(column));
    const extraColumns = table === 'societies' ? ', search_rowid' : '';
    // A society new to this computer gets the next full-text row key of this computer.
    const extraValues =
      table === 'societies' ? ', (SELECT coalesce(max(search_rowid), 0) + 1 FROM societies)' : '';
    const sql = `INSERT INTO ${table} (${columns.join(', ')}${extraColumns})
      VALUES (${columns.map(() => '?').join(', ')}${extraValues})
      ON CONFLICT (id) DO ${
        updates.length > 0
          ? `UPDATE SET ${updates.map((column) => `${column} = excluded.${column}`).join(', ')}`
          : 'NOTHING'
      }`;
    this.prepare(sql).run(...values);
  }
}

/** SQLite takes numbers, strings, bigints, buffers and null; JSON values become text. */
function bindable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
