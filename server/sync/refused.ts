/**
 * Records refused for good (sync.md §6, §7). A record a device created can be refused for
 * good: a society the registrar found to be the same as one registered, a held change the
 * registrar set aside, and any record refused with one of these. Rows that point at such a
 * record must not wait for it for ever: a number given to it is kept as void, a record of it
 * is refused with it, and an application that only links to a society found to be the same
 * as a registered one links to that one instead.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ROUTES, type RowImage, type SyncTable } from '#shared/sync/entities';
import { voidReasonForRefused } from '#shared/sync/numbers';
import type { WireMutation } from '#shared/sync/protocol';
import { refusedRecords, syncRows } from '../db/schema';
import type { RowStore, ServerTx, StoredRow } from './rows';

/** How a change of a record refused for good is itself refused. */
export const REFUSED_WITH_ITS_RECORD = 'It belongs to a record the state server refused: ';

export interface Refusal {
  /** Why the record was refused, said once however far down the chain. */
  reason: string;
  /** The registered society a refused society was found to be, when it was. */
  sameAsId: string | null;
  /**
   * The number the refused record carried (a society's registration number), when known.
   * `refuseForGood` takes it from the record itself.
   */
  number?: string | null;
}

/**
 * Marks the records `mutation` would have created as refused for good, with `reason`: only a
 * change that creates a record creates any, and rows the server already holds are not its
 * records. A number is never refused: the caller keeps it as void. `sameAsId` goes with the
 * society a likely duplicate brought.
 */
export async function refuseForGood(
  tx: ServerTx,
  store: RowStore,
  deviceId: string,
  mutation: WireMutation,
  refusal: Refusal,
  now: string,
): Promise<void> {
  if (mutation.baseVersion !== null) return;
  const created: WireMutation['rows'][number][] = [];
  for (const row of mutation.rows) {
    if (row.table === 'number_allocations') continue;
    if (!(await store.read(row.table, row.id))) created.push(row);
  }
  if (created.length === 0) return;
  await tx
    .insert(refusedRecords)
    .values(
      created.map((row) => ({
        tableName: row.table,
        id: row.id,
        deviceId,
        mutationId: mutation.mutationId,
        reason: refusal.reason,
        sameAsId: row.table === 'societies' ? refusal.sameAsId : null,
        number: numberCarried(row.table, row.data),
        refusedAt: now,
      })),
    )
    .onConflictDoNothing();
  const known = refusedRecordsOf(tx, store);
  for (const row of created) {
    known.mark(deviceId, row.id, {
      reason: refusal.reason,
      sameAsId: row.table === 'societies' ? refusal.sameAsId : null,
      number: numberCarried(row.table, row.data),
    });
  }
}

/**
 * Which records of a device were refused for good, the one lookup every question here asks
 * (a row coming in, the record it waits on, the society an application links to). Loaded for
 * a whole push at once and kept for it; an id not loaded is looked up when asked. Record ids
 * are UUIDs, unique across tables.
 */
export class RefusedRecords {
  /** `device|id` → why it was refused, or null when it was not. */
  private readonly known = new Map<string, Refusal | null>();
  /** Devices with no refused record at all (most): nothing of theirs needs looking up. */
  private readonly clean = new Set<string>();

  constructor(private readonly tx: ServerTx) {}

  async preload(deviceId: string, ids: readonly string[]): Promise<void> {
    if (this.clean.has(deviceId)) return;
    const [any] = await this.tx
      .select({ id: refusedRecords.id })
      .from(refusedRecords)
      .where(eq(refusedRecords.deviceId, deviceId))
      .limit(1);
    if (!any) {
      this.clean.add(deviceId);
      return;
    }
    const unknown = [...new Set(ids)].filter((id) => !this.known.has(keyOf(deviceId, id)));
    for (let start = 0; start < unknown.length; start += 500) {
      const chunk = unknown.slice(start, start + 500);
      for (const id of chunk) this.known.set(keyOf(deviceId, id), null);
      const found = await this.tx
        .select({
          id: refusedRecords.id,
          reason: refusedRecords.reason,
          sameAsId: refusedRecords.sameAsId,
          number: refusedRecords.number,
        })
        .from(refusedRecords)
        .where(and(eq(refusedRecords.deviceId, deviceId), inArray(refusedRecords.id, chunk)));
      for (const { id, ...refusal } of found) this.known.set(keyOf(deviceId, id), refusal);
    }
  }

  /** Why one of `ids`, records of `deviceId`, was refused for good; null when none was. */
  async firstAmong(deviceId: string, ids: readonly string[]): Promise<Refusal | null> {
    if (ids.length === 0) return null;
    await this.preload(deviceId, ids);
    for (const id of ids) {
      const refusal = this.known.get(keyOf(deviceId, id));
      if (refusal) return refusal;
    }
    return null;
  }

  mark(deviceId: string, id: string, refusal: Refusal): void {
    this.clean.delete(deviceId);
    this.known.set(keyOf(deviceId, id), refusal);
  }
}

const keyOf = (deviceId: string, id: string) => `${deviceId}|${id}`;

export function refusedRecordsOf(tx: ServerTx, store: RowStore): RefusedRecords {
  return store.lookup(RefusedRecords, () => new RefusedRecords(tx));
}

/**
 * The numbers on the server, still standing, that a record of `mutation` carried though
 * they were given to another (a certificate's serial, given to its society): once the record
 * is refused for good they were never used, and the caller keeps them as void. One still on
 * its way is kept as void when it arrives (`refusedRecordCarrying`).
 */
export async function allocationsCarriedBy(
  tx: ServerTx,
  store: RowStore,
  mutation: WireMutation,
): Promise<StoredRow[]> {
  const carried: StoredRow[] = [];
  for (const row of mutation.rows) {
    if (row.table !== 'certificates') continue;
    const number = numberCarried(row.table, row.data);
    const societyId = row.data['society_id'];
    if (!number || typeof societyId !== 'string') continue;
    // A certificate's serial is given to its society, so it is found among the society's rows.
    const given = await tx
      .select({ id: syncRows.id })
      .from(syncRows)
      .where(
        and(
          eq(syncRows.tableName, 'number_allocations'),
          eq(syncRows.societyId, societyId),
          sql`${syncRows.data}->>'number' = ${number}`,
        ),
      );
    for (const { id } of given) {
      const stored = await store.read('number_allocations', id);
      if (stored && !stored.data['voided_at']) carried.push(stored);
    }
  }
  return carried;
}

/**
 * Why a number arriving from `deviceId` was never used, when the record that carried it (a
 * certificate printed with it) was refused for good; null otherwise.
 */
export async function refusedRecordCarrying(
  tx: ServerTx,
  deviceId: string,
  allocation: RowImage,
): Promise<Refusal | null> {
  const number = allocation['number'];
  if (allocation['purpose'] !== 'certificate' || typeof number !== 'string') return null;
  const [refused] = await tx
    .select({ reason: refusedRecords.reason, sameAsId: refusedRecords.sameAsId })
    .from(refusedRecords)
    .where(
      and(
        eq(refusedRecords.deviceId, deviceId),
        eq(refusedRecords.tableName, 'certificates'),
        eq(refusedRecords.number, number),
      ),
    )
    .limit(1);
  return refused ?? null;
}

/** A number never used, because the record it was given to was refused for good. */
export function voidedFor(refusal: Refusal, now: string): RowImage {
  return {
    voided_at: now,
    void_reason: voidReasonForRefused(refusal.reason),
  };
}

/**
 * The number printed on a record: a certificate's serial (given to its society, so voided
 * with the certificate), a society's registration number (said to the office that gave it).
 */
export function numberCarried(table: string, data: RowImage): string | null {
  const number =
    table === 'certificates' ? data['serial'] : table === 'societies' ? data['reg_no'] : null;
  return typeof number === 'string' ? number : null;
}

/**
 * Why a record the row waits on was refused for good, when it was; null when the row
 * should wait. Only the columns the row waits on are looked at (the record it belongs to,
 * its owner), and only records `deviceId` made: a record refused for a reason that may yet
 * change (a number clash, a crash) is not refused for good, and its rows keep waiting.
 */
export function refusedRecordItWaitsOn(
  tx: ServerTx,
  store: RowStore,
  deviceId: string,
  table: SyncTable,
  data: RowImage,
): Promise<Refusal | null> {
  const waitsOn = (ROUTES[table] ?? [])
    .map((step) =>
      step.kind === 'parent'
        ? step.column
        : step.kind === 'owner'
          ? step.idColumn
          : step.ofSociety
            ? step.societyColumn
            : undefined,
    )
    .map((column) => (column ? data[column] : null))
    .filter((value): value is string => typeof value === 'string');
  return refusedRecordsOf(tx, store).firstAmong(deviceId, waitsOn);
}

/**
 * A row that only links to a society (an application, to the society it became), when that
 * society is one of `deviceId`'s refused as the same as a registered society: the row as it
 * should stand, linking to the registered one. Null when the link is fine as it is.
 */
export async function relinkedPastRefused(
  tx: ServerTx,
  store: RowStore,
  deviceId: string,
  table: SyncTable,
  data: RowImage,
): Promise<{ data: RowImage; societyId: string } | null> {
  for (const column of linkColumns(table)) {
    const societyId = data[column];
    if (typeof societyId !== 'string' || (await store.read('societies', societyId))) continue;
    const refusal = await refusedRecordsOf(tx, store).firstAmong(deviceId, [societyId]);
    if (refusal?.sameAsId) {
      const patch = { [column]: refusal.sameAsId, ...entryRefusedNote(table, refusal) };
      return { data: { ...data, ...patch }, societyId: refusal.sameAsId };
    }
  }
  return null;
}

/**
 * The rows on the server that link to `societyId`, just refused as the same as `sameAsId`:
 * each with the image it should now have. Written by the caller, so every computer that
 * holds them follows the link to the registered society.
 */
export async function linksToRefused(
  tx: ServerTx,
  store: RowStore,
  societyId: string,
  refusal: Refusal & { sameAsId: string },
): Promise<{ table: SyncTable; stored: StoredRow; patch: RowImage }[]> {
  const { sameAsId } = refusal;
  const relinked: { table: SyncTable; stored: StoredRow; patch: RowImage }[] = [];
  for (const table of LINKING_TABLES) {
    const linking = await tx
      .select({ id: syncRows.id })
      .from(syncRows)
      .where(and(eq(syncRows.tableName, table), eq(syncRows.societyId, societyId)));
    for (const { id } of linking) {
      // Through the store, so a row this push already changed is read as it now stands.
      const stored = await store.read(table, id);
      if (!stored) continue;
      const patch: RowImage = {};
      for (const column of linkColumns(table)) {
        if (stored.data[column] === societyId) patch[column] = sameAsId;
      }
      if (Object.keys(patch).length > 0) {
        relinked.push({ table, stored, patch: { ...patch, ...entryRefusedNote(table, refusal) } });
      }
    }
  }
  return relinked;
}

/**
 * What an application keeps of the society entered from it and refused as the same as a
 * registered one: why, and the registration number given to it, which was never used. The
 * office that entered it forgets the entry, so this is how its clerks learn what became of it.
 */
function entryRefusedNote(table: SyncTable, refusal: Refusal): RowImage {
  if (table !== 'registration_applications') return {};
  return { entry_refused_reason: refusal.reason, entry_refused_reg_no: refusal.number ?? null };
}

/** The columns by which a row of `table` links to a society it is not a record of. */
function linkColumns(table: SyncTable): string[] {
  if (table === 'societies') return [];
  return (ROUTES[table] ?? []).flatMap((step) =>
    step.kind === 'column' && step.societyColumn && !step.ofSociety ? [step.societyColumn] : [],
  );
}

/** The tables with such links. */
const LINKING_TABLES = (Object.keys(ROUTES) as SyncTable[]).filter(
  (table) => linkColumns(table).length > 0,
);
