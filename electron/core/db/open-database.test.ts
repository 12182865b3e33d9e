import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../../tests/fixtures/test-core';
import { liftIndexes, openDatabase, type Sqlite } from './open-database';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function pragmas(sqlite: Sqlite) {
  return {
    journalMode: sqlite.pragma('journal_mode', { simple: true }),
    synchronous: sqlite.pragma('synchronous', { simple: true }),
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }),
    trustedSchema: sqlite.pragma('trusted_schema', { simple: true }),
  };
}
const SAFE = { journalMode: 'wal', synchronous: 2, foreignKeys: 1, trustedSchema: 0 };

/** A migrations folder in drizzle-kit's layout holding the given SQL files, in order. */
function migrationsFolder(name: string, files: string[]): string {
  const folder = join(dir, name);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = files.map((sql, idx) => {
    const tag = `000${idx}_step`;
    writeFileSync(join(folder, `${tag}.sql`), sql);
    return { idx, version: '6', when: 1_700_000_000_000 + idx, tag, breakpoints: true };
  });
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'sqlite', entries }),
  );
  return folder;
}

describe('opening the database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and untrusted schema on open and on reopen', () => {
    const file = join(dir, 'registry.db');
    const first = openDatabase({ file, migrationsDir });
    expect(pragmas(first.sqlite)).toEqual(SAFE);
    first.sqlite.close();
    const again = openDatabase({ file, migrationsDir });
    expect(pragmas(again.sqlite)).toEqual(SAFE);
    expect(again.migrationCount).toBe(first.migrationCount);
    again.sqlite.close();
  });

  it('backs up before migrating and keeps every row', () => {
    const file = join(dir, 'registry.db');
    const v1 = migrationsFolder('v1', [
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);',
    ]);
    const opened = openDatabase({ file, migrationsDir: v1 });
    opened.sqlite.prepare("INSERT INTO notes (body) VALUES ('kept'), ('also kept')").run();
    opened.sqlite.close();

    const v2 = migrationsFolder('v2', [
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);',
      'ALTER TABLE notes ADD COLUMN author TEXT;',
    ]);
    const migrated = openDatabase({ file, migrationsDir: v2 });
    expect(migrated.migrationCount).toBe(2);
    expect(migrated.backupFile).not.toBeNull();
    expect(pragmas(migrated.sqlite)).toEqual(SAFE);
    expect(migrated.sqlite.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 2 });
    migrated.sqlite.close();

    const backup = new Database(migrated.backupFile as string, { readonly: true });
    expect(backup.pragma('quick_check', { simple: true })).toBe('ok');
    expect(backup.prepare('SELECT body FROM notes ORDER BY id').all()).toEqual([
      { body: 'kept' },
      { body: 'also kept' },
    ]);
    backup.close();
  });

  it('does not empty child tables when a migration rebuilds a parent with ON DELETE CASCADE (drizzle-orm #5782)', () => {
    const file = join(dir, 'registry.db');
    const base = [
      `CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);
       CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE);`,
    ];
    const opened = openDatabase({ file, migrationsDir: migrationsFolder('a', base) });
    opened.sqlite.exec(
      "INSERT INTO parent VALUES (1, 'Zoram'); INSERT INTO child VALUES (10, 1), (11, 1);",
    );
    opened.sqlite.close();

    // The table rebuild drizzle-kit generates for SQLite when a column changes.
    const rebuild = `CREATE TABLE __new_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');
      --> statement-breakpoint
      INSERT INTO __new_parent (id, name) SELECT id, coalesce(name, '') FROM parent;
      --> statement-breakpoint
      DROP TABLE parent;
      --> statement-breakpoint
      ALTER TABLE __new_parent RENAME TO parent;`;
    const migrated = openDatabase({
      file,
      migrationsDir: migrationsFolder('b', [...base, rebuild]),
    });
    expect(migrated.sqlite.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 2 });
    expect(migrated.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    migrated.sqlite.close();
  });

  it('refuses a migration that would leave broken references, and changes nothing', () => {
    const file = join(dir, 'registry.db');
    const base = [
      `CREATE TABLE parent (id INTEGER PRIMARY KEY);
       CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id));`,
    ];
    const opened = openDatabase({ file, migrationsDir: migrationsFolder('c', base) });
    opened.sqlite.exec('INSERT INTO parent VALUES (1); INSERT INTO child VALUES (10, 1);');
    opened.sqlite.close();
    const bad = migrationsFolder('d', [...base, 'DELETE FROM parent;']);
    expect(() => openDatabase({ file, migrationsDir: bad })).toThrow(/references/);
    const check = new Database(file);
    expect(check.prepare('SELECT count(*) AS n FROM parent').get()).toEqual({ n: 1 });
    check.close();
  });

  it('refuses writes to synced tables outside the mutation layer, and any hard delete', () => {
    const { sqlite } = openDatabase({ file: join(dir, 'registry.db'), migrationsDir });
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO districts (id, created_at, created_by, updated_at, updated_by, code, name) VALUES ('x', 't', 'u', 't', 'u', 'X', 'X')",
        )
        .run(),
    ).toThrow(/outside the mutation layer/);
    // the mutation layer opens the guard inside its transaction; do the same by hand
    sqlite.transaction(() => {
      sqlite.prepare('INSERT INTO temp.mutation_guard (open) VALUES (1)').run();
      sqlite
        .prepare(
          "INSERT INTO districts (id, created_at, created_by, updated_at, updated_by, code, name) VALUES ('x', 't', 'u', 't', 'u', 'X', 'X')",
        )
        .run();
      sqlite.prepare('DELETE FROM temp.mutation_guard').run();
    })();
    expect(() => sqlite.prepare('DELETE FROM districts').run()).toThrow(/never deleted/);
    expect(sqlite.prepare('SELECT count(*) AS n FROM districts').get()).toEqual({ n: 1 });
    sqlite.close();
  });

  it("rebuilds the register's indexes on the next open when a bulk import was cut short", () => {
    const file = join(dir, 'registry.db');
    const indexesOf = (sqlite: Sqlite) =>
      sqlite
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'societies' ORDER BY name",
        )
        .all();
    const first = openDatabase({ file, migrationsDir });
    const all = indexesOf(first.sqlite);
    liftIndexes(first.sqlite, 'societies'); // the import dies before it can put them back
    const lifted = indexesOf(first.sqlite);
    // Only the unique ones (and the primary key's) stay while an import runs.
    expect(lifted.length).toBeGreaterThan(0);
    expect(lifted.length).toBeLessThan(all.length - 4);
    first.sqlite.close();

    const warnings: string[] = [];
    const logger = {
      info: () => {},
      warn: (event: string) => warnings.push(event),
      error: () => {},
    };
    const again = openDatabase({ file, migrationsDir, logger });
    expect(indexesOf(again.sqlite)).toEqual(all);
    expect(warnings).toEqual(['db.indexes_rebuilt']);
    again.sqlite.close();
    // Once rebuilt, nothing is left to do.
    const third = openDatabase({ file, migrationsDir, logger });
    expect(indexesOf(third.sqlite)).toEqual(all);
    expect(warnings).toHaveLength(1);
    third.sqlite.close();
  });

  it('refuses to open a damaged file', () => {
    const file = join(dir, 'registry.db');
    openDatabase({ file, migrationsDir }).sqlite.close();
    const bytes = readFileSync(file);
    bytes.fill(0x55, 4096, 8192); // scribble over a page of the schema
    writeFileSync(file, bytes);
    expect(existsSync(file)).toBe(true);
    expect(() => openDatabase({ file, migrationsDir })).toThrow();
  });

  it('ships drizzle-kit migrations that a new database can apply', () => {
    const copy = join(dir, 'migrations');
    cpSync(migrationsDir, copy, { recursive: true });
    const { sqlite, migrationCount } = openDatabase({
      file: join(dir, 'fresh.db'),
      migrationsDir: copy,
    });
    expect(migrationCount).toBeGreaterThanOrEqual(2);
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['societies', 'outbox', 'society_search', 'rule_parameters']),
    );
    sqlite.close();
  });
});
