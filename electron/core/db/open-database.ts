import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { SYNC_TABLE_ORDER } from '#shared/sync/entities';
import type { Logger } from '../ports';
import { deleteMeta, getMeta, setMeta } from './app-meta';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Sqlite = Database.Database;

/** Tables whose rows sync: written only through the mutation layer, never hard-deleted. */
export const SYNCED_TABLES = SYNC_TABLE_ORDER;

const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface OpenDatabaseOptions {
  file: string;
  migrationsDir: string;
  /** Where pre-migration backups go; default `<folder of file>/backups`. */
  backupDir?: string;
  logger?: Logger;
  readonly?: boolean;
}

export interface OpenedDatabase {
  sqlite: Sqlite;
  db: Db;
  /** Number of migrations applied to the file (after this open). */
  migrationCount: number;
  /** The backup taken before migrating, if any migration ran on a non-empty database. */
  backupFile: string | null;
}

/**
 * Opens (creating if needed) the database file with the pragmas every connection must have,
 * backs it up if migrations are pending, migrates it safely, and installs the guard that
 * makes writes outside the mutation layer fail.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = new Database(options.file, { readonly: options.readonly ?? false });
  try {
    applyConnectionPragmas(sqlite);
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new Error(`The database file failed its integrity check: ${String(check)}`);
    }
    let backupFile: string | null = null;
    let migrationCount = 0;
    if (!options.readonly) {
      const rebuilt = restoreLiftedIndexes(sqlite);
      if (rebuilt > 0) options.logger?.warn('db.indexes_rebuilt', { indexes: rebuilt });
      const result = migrate(sqlite, options);
      backupFile = result.backupFile;
      migrationCount = result.applied;
      installWriteGuard(sqlite);
    }
    const db = drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Db;
    return { sqlite, db, migrationCount, backupFile };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * WAL for concurrent readers; synchronous=FULL because better-sqlite3 reopens WAL databases
 * at NORMAL, which can lose the last commits on power loss (quality.md "Reliability").
 */
export function applyConnectionPragmas(sqlite: Sqlite): void {
  // Only takes effect on a new, empty file (before WAL is on): records of change and
  // outbox rows run to 2 KB, which on 4 KB pages spill into overflow pages.
  sqlite.pragma('page_size = 8192');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('trusted_schema = OFF');
  sqlite.pragma('busy_timeout = 5000');
  // The default 2 MB page cache thrashes on a state-sized register (eight indexes on
  // societies alone); 64 MB keeps the hot index pages in memory on a 4 GB office PC.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * Runs pending drizzle-kit migrations, compatible with drizzle's own migrations table.
 *
 * Not drizzle's `migrate()`: it runs everything in one transaction, where
 * `PRAGMA foreign_keys=OFF` is ignored, so a table-rebuild migration with ON DELETE CASCADE
 * silently empties child tables (drizzle-orm #5782). Here foreign keys are turned off
 * outside the transaction, `foreign_key_check` must come back empty before COMMIT, and
 * only then are they turned back on. A backup is taken first (quality.md).
 */
function migrate(
  sqlite: Sqlite,
  options: OpenDatabaseOptions,
): { applied: number; backupFile: string | null } {
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsDir });
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  const last = sqlite
    .prepare(
      `SELECT created_at AS createdAt FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`,
    )
    .get() as { createdAt: number } | undefined;
  const pending = migrations.filter((m) => !last || Number(last.createdAt) < m.folderMillis);
  const appliedBefore = (
    sqlite.prepare(`SELECT count(*) AS n FROM "${MIGRATIONS_TABLE}"`).get() as { n: number }
  ).n;
  if (pending.length === 0) return { applied: appliedBefore, backupFile: null };

  let backupFile: string | null = null;
  if (appliedBefore > 0) {
    backupFile = backupBeforeMigration(sqlite, options);
    options.logger?.info('db.backup_before_migration', { pending: pending.length });
  }

  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite
      .transaction(() => {
        for (const migration of pending) {
          for (const statement of migration.sql) {
            if (statement.trim() !== '') sqlite.exec(statement);
          }
          sqlite
            .prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (hash, created_at) VALUES (?, ?)`)
            .run(migration.hash, migration.folderMillis);
        }
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new Error(
            `Migration would break ${violations.length} references between records; nothing was changed.`,
          );
        }
      })
      .immediate();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  options.logger?.info('db.migrated', { applied: pending.length });
  return { applied: appliedBefore + pending.length, backupFile };
}

function backupBeforeMigration(sqlite: Sqlite, options: OpenDatabaseOptions): string {
  const folder = options.backupDir ?? join(dirname(options.file), 'backups');
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(folder, `before-migration-${stamp}.db`);
  // VACUUM INTO writes a consistent, compact copy synchronously, even with other readers.
  sqlite.prepare('VACUUM INTO ?').run(file);
  return file;
}

/**
 * Runs `work` with the per-row INSERT triggers of `tables` lifted (the write guard and the
 * touched-rows record), for bulk writes of new rows only: any INSERT trigger makes SQLite
 * treat every insert as a multi-row write, with a statement journal copying each page it
 * changes and foreign-key probes of every child table, which more than doubles the cost of
 * a bulk import. Nothing else writes meanwhile, so the guard has nothing to catch; rows
 * inserted this way are not in temp.touched_rows, and the mutation layer's bulk path
 * attributes them itself. Must be called inside a transaction: the triggers are put back
 * before it commits, and a rollback restores them anyway (the temp schema is transactional).
 */
export function withoutInsertTriggers<T>(
  sqlite: Sqlite,
  tables: readonly SyncedTable[],
  work: () => T,
): T {
  if (!sqlite.inTransaction) throw new Error('withoutInsertTriggers must run inside a transaction');
  for (const table of tables) {
    sqlite.exec(`DROP TRIGGER IF EXISTS temp.guard_${table}_insert`);
    sqlite.exec(`DROP TRIGGER IF EXISTS temp.touched_${table}_insert`);
  }
  const result = work();
  for (const table of tables) {
    createGuardTrigger(sqlite, table, 'INSERT');
    createTouchedTrigger(sqlite, table, 'INSERT');
  }
  return result;
}

/** app_meta key: the CREATE INDEX statements a bulk import dropped, until it puts them back. */
const LIFTED_INDEXES_KEY = 'lifted_indexes';

/**
 * Drops the non-unique indexes of `table` for a bulk load and returns the function that
 * rebuilds them. Inserting 2,50,000 societies into seven indexes in name order, each row
 * landing on a random page, cost more than the rest of an import together (and rewrote
 * those pages at every commit); sorting each index once at the end takes a second or two.
 * The unique indexes stay: validation and the constraints rely on them. The dropped
 * statements are kept in app_meta in the same transaction, so an import cut short (a crash,
 * a power cut) has them rebuilt the next time the database opens.
 */
export function liftIndexes(
  sqlite: Sqlite,
  table: SyncedTable | 'society_number_folds',
): () => void {
  sqlite
    .transaction(() => {
      const indexes = sqlite
        .prepare(
          `SELECT name, sql FROM sqlite_master
           WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'`,
        )
        .all(table) as { name: string; sql: string }[];
      const lifted = [...liftedIndexes(sqlite), ...indexes.map((index) => index.sql)];
      for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
      setMeta(sqlite, LIFTED_INDEXES_KEY, JSON.stringify(lifted));
    })
    .immediate();
  return () => restoreLiftedIndexes(sqlite);
}

/** Rebuilds the indexes a bulk load dropped, if any; returns how many. */
export function restoreLiftedIndexes(sqlite: Sqlite): number {
  const hasMeta = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'app_meta'")
    .get();
  if (!hasMeta) return 0;
  const lifted = liftedIndexes(sqlite);
  if (lifted.length === 0) return 0;
  sqlite
    .transaction(() => {
      for (const sql of lifted) {
        sqlite.exec(sql.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
      }
      deleteMeta(sqlite, LIFTED_INDEXES_KEY);
    })
    .immediate();
  return lifted.length;
}

function liftedIndexes(sqlite: Sqlite): string[] {
  return JSON.parse(getMeta(sqlite, LIFTED_INDEXES_KEY) ?? '[]') as string[];
}

export type SyncedTable = (typeof SYNCED_TABLES)[number];

function createGuardTrigger(sqlite: Sqlite, table: SyncedTable, action: 'INSERT' | 'UPDATE'): void {
  sqlite.exec(
    `CREATE TEMP TRIGGER IF NOT EXISTS guard_${table}_${action.toLowerCase()} BEFORE ${action} ON main.${table}
     WHEN NOT EXISTS (SELECT 1 FROM temp.mutation_guard)
     BEGIN SELECT RAISE(ABORT, '${table}: write outside the mutation layer'); END`,
  );
}

/** Every row a transaction writes, so the outbox entry carries it to the server. */
function createTouchedTrigger(
  sqlite: Sqlite,
  table: SyncedTable,
  action: 'INSERT' | 'UPDATE',
): void {
  sqlite.exec(
    `CREATE TEMP TRIGGER IF NOT EXISTS touched_${table}_${action.toLowerCase()} AFTER ${action} ON main.${table}
     BEGIN INSERT OR IGNORE INTO temp.touched_rows (table_name, row_id) VALUES ('${table}', NEW.id); END`,
  );
}

/**
 * Per-connection TEMP triggers that refuse any write to a synced table unless the mutation
 * layer has opened its guard in this transaction, and refuse hard deletes except sync's
 * forgetting of a society this computer no longer holds (sync.md §3: a write that bypasses
 * the mutation layer must fail loudly).
 */
function installWriteGuard(sqlite: Sqlite): void {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS mutation_guard (open INTEGER NOT NULL)');
  // Opened only by sync forgetting the rows of a society this computer no longer holds: the
  // rows live on at the state server, so this is not a loss (sync.md §3, §7).
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS forget_guard (open INTEGER NOT NULL)');
  sqlite.exec(
    'CREATE TEMP TABLE IF NOT EXISTS touched_rows (table_name TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID',
  );
  const existing = new Set(
    (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[]
    ).map((t) => t.name),
  );
  for (const table of SYNCED_TABLES.filter((name) => existing.has(name))) {
    for (const action of ['INSERT', 'UPDATE'] as const) createGuardTrigger(sqlite, table, action);
    sqlite.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS guard_${table}_delete BEFORE DELETE ON main.${table}
       WHEN NOT EXISTS (SELECT 1 FROM temp.forget_guard)
       BEGIN SELECT RAISE(ABORT, '${table}: rows are never deleted; write a tombstone'); END`,
    );
    for (const action of ['INSERT', 'UPDATE'] as const) createTouchedTrigger(sqlite, table, action);
  }
}
