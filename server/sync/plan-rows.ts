/**
 * The rows a change writes, as the server will hold them (sync.md §7): each is read as the
 * server holds it, routed to its office and society, checked in the actor's jurisdiction
 * before and after, and waits for, or is refused with, a parent that has not arrived or
 * never will.
 */
import {
  LOCAL_COLUMNS,
  SERVER_OWNED_COLUMNS,
  byTableOrder,
  isSyncTable,
  type RowImage,
  type SyncTable,
} from '#shared/sync/entities';
import type { WireMutation, WireRow } from '#shared/sync/protocol';
import { columnOf } from '#shared/column-name';
import type { Actor, Outcome, PlannedRow, RecordChange } from './decision';
import {
  REFUSED_WITH_ITS_RECORD,
  refusedRecordCarrying,
  refusedRecordItWaitsOn,
  refusedRecordsOf,
  refuseForGood,
  relinkedPastRefused,
  voidedFor,
} from './refused';
import type { Route, RowStore, StoredRow } from './rows';

/**
 * Authorization before and after (sync.md §7): every row the change touches must be in the
 * actor's jurisdiction as the server holds it and as the change leaves it. Answers the rows,
 * parents first, and whether a number among them is kept as void; or the outcome that stops
 * the change.
 */
export async function planRows(
  change: RecordChange,
  actor: Actor,
  stored: StoredRow | undefined,
): Promise<{ planned: PlannedRow[]; voided: boolean } | { outcome: Outcome }> {
  const { tx, store, directory, device, mutation, now, table } = change;
  const rows = orderedRows(mutation, table);
  const planned: PlannedRow[] = [];
  let voided = false;
  for (const row of rows) {
    if (!isSyncTable(row.table)) {
      return { outcome: { verdict: 'rejected', reason: `Rows of "${row.table}" do not sync.` } };
    }
    const own = row.table === table && row.id === mutation.entityId;
    const before = own ? stored : await store.read(row.table, row.id);
    const refused = before
      ? null
      : await refusedRecordsOf(tx, store).firstAmong(device.id, [row.id]);
    if (refused) {
      return {
        outcome: { verdict: 'rejected', reason: `${REFUSED_WITH_ITS_RECORD}${refused.reason}` },
      };
    }
    let data = withoutLocalColumns(
      row.table,
      own ? withOwnValues(row.data, mutation.args) : row.data,
    );
    let route = await routeOrPlanned(store, row.table, data, planned);
    // An application whose society was found to be one already registered leads to that
    // one, and stays with its own office (as when the registrar decided it).
    const relinked = await relinkedPastRefused(tx, store, device.id, row.table, data);
    if (relinked) {
      data = relinked.data;
      if (route) route = { ...route, societyId: relinked.societyId };
    }
    if (!route) {
      const refusal = await refusedRecordItWaitsOn(tx, store, device.id, row.table, data);
      if (!refusal) {
        return {
          outcome: {
            verdict: 'held',
            reason:
              'It waits for the record it belongs to, which has not reached the state server yet.',
          },
        };
      }
      // The record it belongs to will never arrive. A number given to it is kept as void,
      // so the register of numbers accounts for it and it is never given again (sync.md §6);
      // anything else is refused with it.
      if (row.table !== 'number_allocations' || before) {
        // A number its records carried was given to the refused record too: it is kept as
        // void when it arrives (the number_allocations branches here).
        await refuseForGood(tx, store, device.id, mutation, { ...refusal, sameAsId: null }, now);
        return {
          outcome: { verdict: 'rejected', reason: `${REFUSED_WITH_ITS_RECORD}${refusal.reason}` },
        };
      }
      data = { ...data, ...voidedFor(refusal, now) };
      route = { bucket: null, officeId: device.officeId, societyId: null };
      voided = true;
    } else if (row.table === 'number_allocations' && !before) {
      // Given to a record that stands, but printed on one refused for good (a certificate).
      const refusal = await refusedRecordCarrying(tx, device.id, data);
      if (refusal) {
        data = { ...data, ...voidedFor(refusal, now) };
        voided = true;
      }
    }
    for (const officeId of [before?.officeId ?? null, route.officeId]) {
      if (officeId && officeId !== actor.officeId && !directory.isStateOffice(actor.officeId)) {
        const office = directory.office(officeId);
        return {
          outcome: {
            verdict: 'rejected',
            reason: `${actor.fullName} may not change a record of ${office?.shortName ?? 'another office'}.`,
          },
        };
      }
    }
    planned.push({
      table: row.table,
      id: row.id,
      data,
      route,
      ...(before ? { stored: before } : {}),
    });
  }
  return { planned, voided };
}

/** The rows of a mutation, parents first, with the mutation's own row among them. */
function orderedRows(mutation: WireMutation, table: SyncTable): WireRow[] {
  const rows = [...mutation.rows];
  if (!rows.some((row) => row.table === table && row.id === mutation.entityId)) {
    rows.push({
      table,
      id: mutation.entityId,
      data: { id: mutation.entityId, ...argsAsColumns(mutation.args) },
    });
  }
  return rows.sort(byTableOrder);
}

function argsAsColumns(args: Record<string, unknown>): RowImage {
  return Object.fromEntries(
    Object.entries(args).map(([field, value]) => [columnOf(field), asColumnValue(value)]),
  );
}

/**
 * The mutation's own row with the values the mutation set, not the later ones. A row's
 * image is read when the push goes, so with several changes of one row waiting it already
 * shows the last of them: an auditor's "start field work" would carry the "submitted" of a
 * later step, and a step taken before the server's state machine saw it. The arguments are
 * the values of this change alone.
 */
function withOwnValues(image: RowImage, args: Record<string, unknown>): RowImage {
  const own = { ...image };
  for (const [field, value] of Object.entries(args)) {
    const column = columnOf(field);
    if (column in image && !SERVER_OWNED_COLUMNS.has(column)) own[column] = asColumnValue(value);
  }
  return own;
}

/** A value as the desktop's database holds it: yes/no as 1/0, lists and records as JSON. */
function asColumnValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

function withoutLocalColumns(table: SyncTable, data: RowImage): RowImage {
  const local = LOCAL_COLUMNS[table];
  if (!local) return data;
  return Object.fromEntries(Object.entries(data).filter(([column]) => !local.includes(column)));
}

async function routeOrPlanned(
  store: RowStore,
  table: SyncTable,
  data: RowImage,
  planned: readonly { table: SyncTable; id: string; route: Route }[],
): Promise<Route | null> {
  const route = await store.routeOf(table, data);
  if (route) return route;
  // The parent may be a row of this same mutation, not yet written.
  for (const parent of planned) {
    if (Object.values(data).includes(parent.id)) return parent.route;
  }
  return null;
}
