/**
 * Merging a change into the row the server holds (sync.md §5): the three-way check per
 * patched field, and the write of a merged row under a new version.
 */
import {
  LOCAL_COLUMNS,
  SERVER_OWNED_COLUMNS,
  deriveColumns,
  fieldClass,
  type RowImage,
  type SyncTable,
} from '#shared/sync/entities';
import type { WireMutation } from '#shared/sync/protocol';
import { columnOf } from '#shared/column-name';
import type { DeviceRecord } from './decision';
import type { Route, RowStore, StoredRow } from './rows';

export type Merge =
  | { kind: 'apply'; patch: RowImage }
  | { kind: 'nothing' }
  | { kind: 'stale'; reason: string }
  | {
      kind: 'conflict';
      fields: string[];
      detail: Record<string, { base: unknown; mine: unknown; theirs: unknown }>;
    };

/**
 * The three-way check of sync.md §5, per patched column: theirs == base → mine; mine ==
 * theirs → nothing; soft field → the later clock; workflow → stale; otherwise a conflict.
 */
export function threeWay(
  table: SyncTable,
  stored: StoredRow,
  mine: RowImage,
  mutation: WireMutation,
): Merge {
  const columns = Object.keys(mutation.args)
    .map((field) => ({ field, column: columnOf(field) }))
    .filter(
      ({ column }) =>
        column in mine &&
        !SERVER_OWNED_COLUMNS.has(column) &&
        !(LOCAL_COLUMNS[table] ?? []).includes(column),
    );
  const patch: RowImage = {};
  const conflicts: Record<string, { base: unknown; mine: unknown; theirs: unknown }> = {};
  // Decided by values, never by version numbers alone: a computer's versions count its own
  // edits too, so its base version can equal the server's while the row differs (an edit it
  // made offline after the server took another office's change).
  for (const { field, column } of columns) {
    const mineValue = mine[column] ?? null;
    const theirs = stored.data[column] ?? null;
    const base = mutation.base?.[field] ?? null;
    if (same(mineValue, theirs)) continue;
    if (same(theirs, base)) {
      patch[column] = mineValue;
      continue;
    }
    const kind = fieldClass(column);
    if (kind === 'soft') {
      if (mutation.hlc > stored.hlc) patch[column] = mineValue;
      continue;
    }
    if (kind === 'workflow') {
      return {
        kind: 'stale',
        reason: `The record was already moved to "${String(theirs)}" on the state server; this change was made when it was "${String(base)}".`,
      };
    }
    conflicts[column] = { base, mine: mineValue, theirs };
  }
  const fields = Object.keys(conflicts);
  if (fields.length > 0) return { kind: 'conflict', fields, detail: conflicts };
  return Object.keys(patch).length > 0 ? { kind: 'apply', patch } : { kind: 'nothing' };
}

/** Writes `stored` with `patch` over it as the row's next version, staged in `store`. */
export async function writeMerged(
  store: RowStore,
  row: { table: SyncTable; id: string; route: Route },
  stored: StoredRow,
  patch: RowImage,
  mutation: WireMutation,
  device: DeviceRecord,
  now: string,
): Promise<void> {
  const version = stored.version + 1;
  const data = deriveColumns(row.table, { ...stored.data, ...patch, version });
  await store.write({
    table: row.table,
    id: row.id,
    version,
    data,
    hlc: mutation.hlc > stored.hlc ? mutation.hlc : stored.hlc,
    route: row.route,
    deviceId: device.id,
    mutationId: mutation.mutationId,
    now,
  });
}

/**
 * Who changed a row and when, as the change itself says: a merged row shows the edit that
 * was applied, not the one before it (its image may already carry later edits' stamps).
 */
export function changedStamp(stored: StoredRow, mutation: WireMutation): RowImage {
  return 'updated_at' in stored.data
    ? { updated_at: mutation.createdAt, updated_by: mutation.userId }
    : {};
}

/** Values compared as the database holds them: JSON text and parsed JSON are the same value. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  // The desktop's database keeps a yes/no as 1/0 while a patch's base says true/false.
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') {
    if (value.startsWith('{') || value.startsWith('[')) {
      try {
        return JSON.stringify(JSON.parse(value));
      } catch {
        return value;
      }
    }
    return value;
  }
  return JSON.stringify(value ?? null);
}

/** Whether the device's image of a row holds nothing the server's copy does not. */
export function sameImage(stored: RowImage, incoming: RowImage): boolean {
  return Object.entries(incoming).every(
    ([column, value]) => column === 'version' || same(stored[column] ?? null, value ?? null),
  );
}

/** A column's name as words, for a reason a clerk reads. */
export function labelOf(column: string): string {
  return column.replaceAll('_', ' ');
}
