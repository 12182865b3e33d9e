import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenedServerDatabase {
  db: ServerDb;
  /** 'pglite' (embedded, in a data folder or in memory) or 'postgres' (DATABASE_URL). */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const SERVER_MIGRATIONS_DIR = resolve(import.meta.dirname, 'migrations');

/**
 * Opens the server's database and brings its schema up to date: a real PostgreSQL server
 * when `databaseUrl` is given, else the embedded PostgreSQL (PGlite) in `dataDir`, or in
 * memory when `dataDir` is null (tests).
 */
export async function openServerDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string | null;
}): Promise<OpenedServerDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = drizzlePg(pool, { schema, casing: 'snake_case' });
    await migratePg(db, { migrationsFolder: SERVER_MIGRATIONS_DIR });
    return { db: db as unknown as ServerDb, kind: 'postgres', close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir ?? undefined);
  const db = drizzlePglite(client, { schema, casing: 'snake_case' });
  await migratePglite(db, { migrationsFolder: SERVER_MIGRATIONS_DIR });
  return { db: db as unknown as ServerDb, kind: 'pglite', close: () => client.close() };
}

/** The rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
