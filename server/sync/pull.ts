/**
 * The pull path (sync.md §3, §7): buckets computed on the server from the device's
 * enrolment, never taken from the client; each page is rows of one bucket after its cursor,
 * in server_seq order, each row at its latest version.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  PULL_PAGE_ROWS,
  societyBucket,
  type PullResponse,
  type PulledRow,
} from '#shared/sync/protocol';
import { rowsOf, type ServerDb } from '../db/open';
import { officeKeys } from '../db/schema';
import type { StateDirectory } from '../state-directory';
import { assignedSocieties } from './assignments';
import type { DeviceRecord } from './decision';

/**
 * The buckets a device receives: reference data, then its office (the state office: all).
 * A field laptop receives, instead of its office, the office's people (names and roles, so
 * the records it holds say who did what), its own user's password, and one bucket per
 * society assigned to that user.
 */
export async function bucketsOf(
  db: ServerDb,
  directory: StateDirectory,
  device: DeviceRecord,
): Promise<string[]> {
  if (device.userId) {
    const societies = await assignedSocieties(db, device.userId);
    return [
      'ref',
      `people:${device.officeId}`,
      `password:${device.userId}`,
      ...societies.map(societyBucket),
    ];
  }
  return ['ref', officeBucket(directory, device.officeId)];
}

/** The bucket an office's desktops follow: the state office's is the whole register. */
export function officeBucket(directory: StateDirectory, officeId: string): string {
  return directory.isStateOffice(officeId) ? 'state' : `office:${officeId}`;
}

/** Which rows of `sync_rows` make up a bucket. */
function bucketRows(bucket: string): SQL {
  const [kind = '', key = ''] = bucket.split(/:(.*)/s);
  switch (kind) {
    case 'ref':
      return sql`bucket = 'ref'`;
    case 'state':
      return sql`bucket IS NULL`;
    case 'people':
      return sql`table_name = 'users' AND office_id = ${key}`;
    case 'password':
      return sql`table_name = 'user_passwords' AND id = ${key}`;
    case 'society':
      return sql`society_id = ${key}`;
    default:
      return sql`office_id = ${key}`;
  }
}

export async function pullPage(
  db: ServerDb,
  directory: StateDirectory,
  device: DeviceRecord,
  cursors: Record<string, number>,
  limit = PULL_PAGE_ROWS,
): Promise<PullResponse> {
  const buckets = await bucketsOf(db, directory, device);
  for (const bucket of buckets) {
    const after = cursors[bucket] ?? 0;
    // Leavings are read before rows: changes commit in server_seq order, so every row below
    // a leaving already seen is visible to the later rows query, and the cursor never
    // passes a row this page did not carry.
    const left = await db.execute(
      sql`SELECT society_id, server_seq FROM sync_departures
          WHERE bucket = ${bucket} AND server_seq > ${after}
          ORDER BY server_seq LIMIT ${limit}`,
    );
    const result = await db.execute(
      sql`SELECT table_name, id, version, server_seq, data FROM sync_rows
          WHERE ${bucketRows(bucket)} AND server_seq > ${after}
          ORDER BY server_seq LIMIT ${limit}`,
    );
    const found = rowsOf<RawRow>(result);
    // A full page of rows ends the page there: later leavings wait for the next.
    const until = found.length === limit ? Number(found[found.length - 1]!.server_seq) : Infinity;
    const departed = rowsOf<RawDeparture>(left)
      .map((row) => ({ societyId: row.society_id, serverSeq: Number(row.server_seq) }))
      .filter((move) => move.serverSeq <= until);
    if (found.length === 0 && departed.length === 0) continue;
    // As many leavings as a page holds: the rows after the last of them wait for the next.
    const cut = departed.length === limit ? departed[departed.length - 1]!.serverSeq : Infinity;
    const rows: PulledRow[] = found
      .filter((row) => Number(row.server_seq) <= cut)
      .map((row) => ({
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
      cursor: Math.max(
        rows[rows.length - 1]?.serverSeq ?? 0,
        departed[departed.length - 1]?.serverSeq ?? 0,
      ),
      more: true,
      officeKeys: [],
      departed,
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
    departed: [],
  };
}

interface RawDeparture {
  society_id: string;
  server_seq: number | string;
}

interface RawRow {
  table_name: string;
  id: string;
  version: number | string;
  server_seq: number | string;
  data: Record<string, unknown>;
}
