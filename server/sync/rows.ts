/**
 * The server's register rows (`sync_rows`) and their history (`change_log`), as one push
 * request sees them: reads go to the database once and are cached; writes are staged in
 * memory (so later mutations of the same request read them) and written in a few
 * multi-row statements at the end, under server_seq numbers taken from one locked counter.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  ENTITY_TABLES,
  REFERENCE_TABLES,
  ROUTES,
  type RowImage,
  type SyncEntity,
  type SyncTable,
} from '#shared/sync/entities';
import { rowsOf, type ServerDb } from '../db/open';
import { changeLog, serverCounters, syncDepartures, syncRows } from '../db/schema';
import { writeSocietyKeys } from './duplicates';

export type ServerTx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

export interface StoredRow {
  tableName: string;
  id: string;
  version: number;
  data: RowImage;
  hlc: string;
  bucket: string | null;
  officeId: string | null;
  societyId: string | null;
  updatedAt: string;
  updatedByDevice: string | null;
}

export interface Route {
  /** 'ref' for reference data; null otherwise. */
  bucket: string | null;
  officeId: string | null;
  societyId: string | null;
}

/** Where a stored row is routed now. */
export function routeOfStored(row: StoredRow): Route {
  return { bucket: row.bucket, officeId: row.officeId, societyId: row.societyId };
}

export interface RowChange {
  table: SyncTable;
  id: string;
  version: number;
  data: RowImage;
  hlc: string;
  route: Route;
  deviceId: string | null;
  mutationId: string | null;
  now: string;
}

const key = (table: string, id: string) => `${table}:${id}`;
/** Rows per multi-row statement when the request's writes are flushed. */
const FLUSH_CHUNK = 500;

export class RowStore {
  private readonly cache = new Map<string, StoredRow | null>();
  private staged: (RowChange & { serverSeq: number })[] = [];
  /** Writes of the mutations being decided, innermost last: kept only if they go through. */
  private readonly frames: {
    undo: { key: string; before: StoredRow | null | undefined }[];
    mark: number;
    leavings: number;
  }[] = [];
  private nextSeq: number | null = null;
  /** Societies leaving a bucket, told to its computers after the rows are written. */
  private leavings: SocietyLeaving[] = [];
  /** `table:column:value` lookups already loaded by `preloadBy`. */
  private readonly known = new Set<string>();
  /** The push's lookups (`lookup`), by their class. */
  private readonly lookups = new Map<abstract new (...args: never[]) => object, object>();

  constructor(private readonly tx: ServerTx) {}

  /**
   * A lookup made once per push (one push, one RowStore) and shared by every change it
   * decides, however decide is reached (a push, a held change tried again, a decision).
   * Each loads what it is asked for when it does not hold it yet.
   */
  lookup<T extends object>(kind: abstract new (...args: never[]) => T, make: () => T): T {
    let made = this.lookups.get(kind) as T | undefined;
    if (!made) {
      made = make();
      this.lookups.set(kind, made);
    }
    return made;
  }

  /**
   * After a rollback to a savepoint: what the lookups learnt may have been undone in the
   * database (a record refused), so they start again from it.
   */
  forgetLookups(): void {
    this.lookups.clear();
  }

  /** Loads rows into the cache in one query (the rows a batch of mutations touches). */
  async preload(keys: readonly { table: string; id: string }[]): Promise<void> {
    const wanted = keys.filter(({ table, id }) => !this.cache.has(key(table, id)));
    for (let start = 0; start < wanted.length; start += FLUSH_CHUNK) {
      const chunk = wanted.slice(start, start + FLUSH_CHUNK);
      const byTable = new Map<string, string[]>();
      for (const { table, id } of chunk) byTable.set(table, [...(byTable.get(table) ?? []), id]);
      const conditions: SQL[] = [...byTable].map(([table, ids]) =>
        and(eq(syncRows.tableName, table), inArray(syncRows.id, ids))!,
      );
      const rows = (await this.tx
        .select(SELECTED)
        .from(syncRows)
        .where(or(...conditions))) as StoredRow[];
      for (const { table, id } of chunk) this.cache.set(key(table, id), null);
      for (const row of rows) this.cache.set(key(row.tableName, row.id), row);
    }
  }

  async read(table: string, id: string): Promise<StoredRow | undefined> {
    const cached = this.cache.get(key(table, id));
    if (cached !== undefined) return cached ?? undefined;
    const [row] = (await this.tx
      .select(SELECTED)
      .from(syncRows)
      .where(and(eq(syncRows.tableName, table), eq(syncRows.id, id)))) as StoredRow[];
    this.cache.set(key(table, id), row ?? null);
    return row;
  }

  /**
   * Loads the rows of `table` whose `column` holds one of `values` (the registration numbers
   * a batch registers), so `findBy` answers those from memory.
   */
  async preloadBy(table: SyncTable, column: string, values: readonly string[]): Promise<void> {
    for (let start = 0; start < values.length; start += FLUSH_CHUNK) {
      const chunk = values.slice(start, start + FLUSH_CHUNK);
      const rows = (await this.tx
        .select(SELECTED)
        .from(syncRows)
        .where(
          and(eq(syncRows.tableName, table), inArray(sql`${syncRows.data}->>${column}`, chunk)),
        )) as StoredRow[];
      for (const row of rows) {
        if (!this.cache.has(key(row.tableName, row.id)))
          this.cache.set(key(row.tableName, row.id), row);
      }
      for (const value of chunk) this.known.add(`${table}:${column}:${value}`);
    }
  }

  /** The first row of `table` whose `column` holds `value`, among staged and stored rows. */
  async findBy(
    table: SyncTable,
    column: string,
    value: string,
    exceptId: string,
  ): Promise<StoredRow | undefined> {
    for (const row of this.cache.values()) {
      if (
        row &&
        row.tableName === table &&
        row.id !== exceptId &&
        row.data[column] === value &&
        row.data['deleted_at'] == null
      ) {
        return row;
      }
    }
    if (this.known.has(`${table}:${column}:${value}`)) return undefined;
    const [row] = (await this.tx
      .select(SELECTED)
      .from(syncRows)
      .where(
        and(
          eq(syncRows.tableName, table),
          sql`${syncRows.data}->>${column} = ${value}`,
          sql`${syncRows.id} <> ${exceptId}`,
          sql`${syncRows.data}->>'deleted_at' IS NULL`,
        ),
      )
      .limit(1)) as StoredRow[];
    return row;
  }

  /**
   * Starts the writes of one mutation; `commit` keeps them, `rollback` forgets them. They
   * nest: a registrar's decision decides the change it is about inside its own writes.
   */
  begin(): void {
    this.frames.push({ undo: [], mark: this.staged.length, leavings: this.leavings.length });
  }

  commit(): void {
    const frame = this.frames.pop();
    // Kept by this frame, still undone if the frame around it rolls back.
    this.frames.at(-1)?.undo.push(...(frame?.undo ?? []));
  }

  rollback(): void {
    const frame = this.frames.pop();
    if (!frame) return;
    for (const { key: rowKey, before } of frame.undo.reverse()) {
      if (before === undefined) this.cache.delete(rowKey);
      else this.cache.set(rowKey, before);
    }
    this.staged.length = frame.mark;
    this.leavings.length = frame.leavings;
  }

  /**
   * Takes the server_seq counter's lock for the rest of the push, if not yet held. Every
   * write takes it first; taken inside a savepoint, a rollback to it would release it.
   */
  async lockSequence(): Promise<void> {
    if (this.nextSeq === null) this.nextSeq = (await lockCounter(this.tx)) + 1;
  }

  /** Stages a row's new state; it is written, with its history entry, at `flush`. */
  async write(change: RowChange): Promise<void> {
    await this.lockSequence();
    const serverSeq = this.nextSeq!++;
    const rowKey = key(change.table, change.id);
    this.frames.at(-1)?.undo.push({ key: rowKey, before: this.cache.get(rowKey) });
    this.staged.push({ ...change, serverSeq });
    this.cache.set(rowKey, {
      tableName: change.table,
      id: change.id,
      version: change.version,
      data: change.data,
      hlc: change.hlc,
      bucket: change.route.bucket,
      officeId: change.route.officeId,
      societyId: change.route.societyId,
      updatedAt: change.now,
      updatedByDevice: change.deviceId,
    });
  }

  /**
   * Where a row belongs (sync.md §7), from its own columns or the row it points at; null
   * when the row it points at is not on the server yet (the mutation waits).
   */
  async routeOf(table: SyncTable, data: RowImage): Promise<Route | null> {
    if (REFERENCE_TABLES.has(table)) return { bucket: 'ref', officeId: null, societyId: null };
    for (const step of ROUTES[table] ?? []) {
      if (step.kind === 'column') {
        const officeId = step.officeColumn ? stringOrNull(data[step.officeColumn]) : null;
        if (officeId) {
          const societyId = step.societyColumn ? stringOrNull(data[step.societyColumn]) : null;
          // A society's record (a certificate, an application) goes where the society is
          // now, which may not be the office that made it: societies move office.
          if (societyId && table !== 'societies') {
            const society = await this.read('societies', societyId);
            if (society?.officeId) return { bucket: null, officeId: society.officeId, societyId };
            // A society's own record waits for it: a certificate of a society that never
            // arrives (refused as a likely duplicate) must not stand on its own.
            if (!society && step.ofSociety) return null;
          }
          return { bucket: null, officeId, societyId };
        }
        continue;
      }
      const parentTable =
        step.kind === 'parent' ? step.table : tableOfOwner(stringOrNull(data[step.entityColumn]));
      const parentId = stringOrNull(data[step.kind === 'parent' ? step.column : step.idColumn]);
      if (!parentTable || !parentId) continue;
      const parent = await this.read(parentTable, parentId);
      if (parent) {
        return {
          bucket: null,
          officeId: parent.officeId,
          societyId: parentTable === 'societies' ? parent.id : parent.societyId,
        };
      }
    }
    return null;
  }

  /** Writes every staged change: the rows at their last state, the history entry by entry. */
  async flush(): Promise<void> {
    if (this.staged.length === 0 && this.leavings.length === 0) return;
    await this.lockSequence();
    const latest = new Map<string, RowChange & { serverSeq: number }>();
    for (const change of this.staged) latest.set(key(change.table, change.id), change);
    const rows = [...latest.values()].map((change) => ({
      tableName: change.table,
      id: change.id,
      version: change.version,
      serverSeq: change.serverSeq,
      bucket: change.route.bucket,
      officeId: change.route.officeId,
      societyId: change.route.societyId,
      data: change.data,
      hlc: change.hlc,
      updatedAt: change.now,
      updatedByDevice: change.deviceId,
    }));
    for (let start = 0; start < rows.length; start += FLUSH_CHUNK) {
      await this.tx
        .insert(syncRows)
        .values(rows.slice(start, start + FLUSH_CHUNK))
        .onConflictDoUpdate({
          target: [syncRows.tableName, syncRows.id],
          set: {
            version: sql`excluded.version`,
            serverSeq: sql`excluded.server_seq`,
            bucket: sql`excluded.bucket`,
            officeId: sql`excluded.office_id`,
            societyId: sql`excluded.society_id`,
            data: sql`excluded.data`,
            hlc: sql`excluded.hlc`,
            updatedAt: sql`excluded.updated_at`,
            updatedByDevice: sql`excluded.updated_by_device`,
          },
        });
    }
    const history = this.staged.map((change) => ({
      serverSeq: change.serverSeq,
      tableName: change.table,
      rowId: change.id,
      version: change.version,
      officeId: change.route.officeId,
      societyId: change.route.societyId,
      deviceId: change.deviceId,
      mutationId: change.mutationId,
      data: change.data,
      at: change.now,
    }));
    for (let start = 0; start < history.length; start += FLUSH_CHUNK) {
      await this.tx.insert(changeLog).values(history.slice(start, start + FLUSH_CHUNK));
    }
    await writeSocietyKeys(
      this.tx,
      rows.filter((row) => row.tableName === 'societies'),
    );
    for (const leaving of this.leavings) await this.flushLeaving(leaving);
    await this.tx
      .update(serverCounters)
      .set({ value: (this.nextSeq ?? 1) - 1 })
      .where(eq(serverCounters.name, 'server_seq'));
    this.staged = [];
    this.leavings = [];
  }

  /**
   * A society moved office: every row of it goes to the new office under fresh server_seq
   * numbers (so the new office's computers pull its whole file, history and audits too),
   * and the old office's bucket is told it left. Versions stay: no value changed (a
   * certificate or application keeps the office that made it in its own office_id).
   */
  moveSociety(societyId: string, fromOfficeId: string, toOfficeId: string, at: string): void {
    this.leavings.push({ societyId, from: `office:${fromOfficeId}`, toOfficeId, at });
  }

  /**
   * A society the computers of `bucket` are to forget, though the server never held it (one
   * refused for good, still on the computer that entered it).
   */
  forgetOn(bucket: string, societyId: string, at: string): void {
    this.leavings.push({ societyId, from: bucket, toOfficeId: null, at });
  }

  private async flushLeaving(leaving: SocietyLeaving): Promise<void> {
    if (leaving.toOfficeId) await this.flushMove(leaving.societyId, leaving.toOfficeId);
    await this.tx.insert(syncDepartures).values({
      serverSeq: this.nextSeq!++,
      bucket: leaving.from,
      societyId: leaving.societyId,
      at: leaving.at,
    });
  }

  private async flushMove(societyId: string, toOfficeId: string): Promise<void> {
    const first = this.nextSeq!;
    const moved = await this.tx.execute(
      sql`UPDATE sync_rows r SET office_id = ${toOfficeId}, server_seq = ${first - 1} + n.rank
          FROM (SELECT table_name, id, row_number() OVER (ORDER BY server_seq) AS rank
                FROM sync_rows
                WHERE society_id = ${societyId}
                  AND office_id IS DISTINCT FROM ${toOfficeId}) n
          WHERE r.table_name = n.table_name AND r.id = n.id
          RETURNING 1`,
    );
    this.nextSeq = first + rowsOf(moved).length;
  }
}

/** A society leaving the bucket `from`: moved to another office, or never on the server. */
interface SocietyLeaving {
  societyId: string;
  from: string;
  /** The office it moved to; null when it is only to be forgotten. */
  toOfficeId: string | null;
  at: string;
}

const SELECTED = {
  tableName: syncRows.tableName,
  id: syncRows.id,
  version: syncRows.version,
  data: syncRows.data,
  hlc: syncRows.hlc,
  bucket: syncRows.bucket,
  officeId: syncRows.officeId,
  societyId: syncRows.societyId,
  updatedAt: syncRows.updatedAt,
  updatedByDevice: syncRows.updatedByDevice,
};

/**
 * The last server_seq given out, with the counter row locked until the transaction
 * commits: changes become visible in server_seq order, so a pull never skips a late
 * commit (sync.md §2).
 */
async function lockCounter(tx: ServerTx): Promise<number> {
  await tx.insert(serverCounters).values({ name: 'server_seq', value: 0 }).onConflictDoNothing();
  const [row] = await tx
    .select({ value: serverCounters.value })
    .from(serverCounters)
    .where(eq(serverCounters.name, 'server_seq'))
    .for('update');
  return row?.value ?? 0;
}

/** A document's owner entity (an outbox entity name, `society`, `audit`…) as its table. */
function tableOfOwner(entity: string | null): SyncTable | null {
  if (!entity || !(entity in ENTITY_TABLES)) return null;
  return ENTITY_TABLES[entity as SyncEntity];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
