/**
 * The server's register rows (`sync_rows`) and their history (`change_log`): reading a row,
 * finding where it routes, and writing a change under the next server_seq.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  ENTITY_TABLES,
  REFERENCE_TABLES,
  ROUTES,
  type SyncEntity,
  type RowImage,
  type SyncTable,
} from '../../shared/sync/entities';
import type { ServerDb } from '../db/open';
import { changeLog, serverCounters, syncRows } from '../db/schema';

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

export async function readRow(
  tx: ServerTx,
  table: string,
  id: string,
): Promise<StoredRow | undefined> {
  const [row] = await tx
    .select({
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
    })
    .from(syncRows)
    .where(and(eq(syncRows.tableName, table), eq(syncRows.id, id)));
  return row as StoredRow | undefined;
}

export interface Route {
  /** 'ref' for reference data; null otherwise. */
  bucket: string | null;
  officeId: string | null;
  societyId: string | null;
}

/**
 * Where a row belongs (sync.md §7), from its own columns or the row it points at; null
 * when the row it points at is not on the server yet (the mutation waits).
 */
export async function routeOf(
  tx: ServerTx,
  table: SyncTable,
  data: RowImage,
): Promise<Route | null> {
  if (REFERENCE_TABLES.has(table)) return { bucket: 'ref', officeId: null, societyId: null };
  for (const step of ROUTES[table] ?? []) {
    if (step.kind === 'column') {
      const officeId = step.officeColumn ? stringOrNull(data[step.officeColumn]) : null;
      if (officeId) {
        const societyId = step.societyColumn ? stringOrNull(data[step.societyColumn]) : null;
        return { bucket: null, officeId, societyId };
      }
      continue;
    }
    const parentTable =
      step.kind === 'parent' ? step.table : tableOfOwner(stringOrNull(data[step.entityColumn]));
    const parentId = stringOrNull(data[step.kind === 'parent' ? step.column : step.idColumn]);
    if (!parentTable || !parentId) continue;
    const parent = await readRow(tx, parentTable, parentId);
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

/** A document's owner entity (an outbox entity name, `society`, `audit`…) as its table. */
function tableOfOwner(entity: string | null): SyncTable | null {
  if (!entity || !(entity in ENTITY_TABLES)) return null;
  return ENTITY_TABLES[entity as SyncEntity];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The next server_seq. The counter row stays locked until the transaction commits, so
 * changes become visible in server_seq order and a pull never skips a late commit
 * (sync.md §2).
 */
export async function nextServerSeq(tx: ServerTx): Promise<number> {
  const [row] = await tx
    .update(serverCounters)
    .set({ value: sql`${serverCounters.value} + 1` })
    .where(eq(serverCounters.name, 'server_seq'))
    .returning({ value: serverCounters.value });
  if (row) return row.value;
  await tx.insert(serverCounters).values({ name: 'server_seq', value: 1 });
  return 1;
}

/** Writes a row's new state and its history entry under one new server_seq. */
export async function writeRow(
  tx: ServerTx,
  change: {
    table: SyncTable;
    id: string;
    version: number;
    data: RowImage;
    hlc: string;
    route: Route;
    deviceId: string | null;
    mutationId: string | null;
    now: string;
  },
): Promise<number> {
  const serverSeq = await nextServerSeq(tx);
  const values = {
    tableName: change.table,
    id: change.id,
    version: change.version,
    serverSeq,
    bucket: change.route.bucket,
    officeId: change.route.officeId,
    societyId: change.route.societyId,
    data: change.data,
    hlc: change.hlc,
    updatedAt: change.now,
    updatedByDevice: change.deviceId,
  };
  await tx
    .insert(syncRows)
    .values(values)
    .onConflictDoUpdate({ target: [syncRows.tableName, syncRows.id], set: values });
  await tx.insert(changeLog).values({
    serverSeq,
    tableName: change.table,
    rowId: change.id,
    version: change.version,
    officeId: change.route.officeId,
    societyId: change.route.societyId,
    deviceId: change.deviceId,
    mutationId: change.mutationId,
    data: change.data,
    at: change.now,
  });
  return serverSeq;
}
