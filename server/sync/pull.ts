/**
 * The pull path (sync.md §3, §7): buckets computed on the server from the device's
 * enrolment, never taken from the client; each page is rows of one bucket after its cursor,
 * in server_seq order, each row at its latest version.
 */
import { sql } from 'drizzle-orm';
import { PULL_PAGE_ROWS, type PullResponse, type PulledRow } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/open';
import { officeKeys } from '../db/schema';
import type { StateDirectory } from '../state-directory';
import type { DeviceRecord } from './push';

/** The buckets a device receives: reference data, then its office (the state office: all). */
export function bucketsOf(directory: StateDirectory, device: DeviceRecord): string[] {
  return ['ref', directory.isStateOffice(device.officeId) ? 'state' : `office:${device.officeId}`];
}

export async function pullPage(
  db: ServerDb,
  directory: StateDirectory,
  device: DeviceRecord,
  cursors: Record<string, number>,
  limit = PULL_PAGE_ROWS,
): Promise<PullResponse> {
  const buckets = bucketsOf(directory, device);
  for (const bucket of buckets) {
    const after = cursors[bucket] ?? 0;
    const where =
      bucket === 'ref'
        ? sql`bucket = 'ref'`
        : bucket === 'state'
          ? sql`bucket IS NULL`
          : sql`office_id = ${bucket.slice('office:'.length)}`;
    const result = await db.execute(
      sql`SELECT table_name, id, version, server_seq, data FROM sync_rows
          WHERE ${where} AND server_seq > ${after} ORDER BY server_seq LIMIT ${limit}`,
    );
    const found = (result as unknown as { rows: RawRow[] }).rows;
    if (found.length === 0) continue;
    const rows: PulledRow[] = found.map((row) => ({
      table: row.table_name,
      id: row.id,
      version: Number(row.version),
      serverSeq: Number(row.server_seq),
      data: row.data,
    }));
    return {
      buckets,
      bucket,
      rows,
      cursor: rows[rows.length - 1]!.serverSeq,
      more: true,
      officeKeys: [],
    };
  }
  // The last page of a pull carries the office keys.
  const keys = await db.select().from(officeKeys);
  return {
    buckets,
    bucket: null,
    rows: [],
    cursor: 0,
    more: false,
    officeKeys: keys.map(({ fromDevice: _device, ...key }) => key),
  };
}

interface RawRow {
  table_name: string;
  id: string;
  version: number | string;
  server_seq: number | string;
  data: Record<string, unknown>;
}
