/**
 * A field laptop's assignments (sync.md §7). An auditor's laptop holds the
 * societies whose audit is assigned to its user and still open, not the whole office; it
 * may change only those, and only while the assignment held when the change was made, with
 * a grace period for work done offline in a village after it ended.
 */
import { sql } from 'drizzle-orm';
import { editableAuditStates, type AuditState } from '#shared/audits/audits';
import { formatDate, indiaDate } from '#shared/domain/dates';
import { rowsOf, type ServerDb } from '../db/open';
import type { RowStore, ServerTx } from './rows';

/**
 * Audit states in which the auditor still holds the society: those she may edit in, and
 * submitted, since it may come back to her.
 */
const HELD_STATES: readonly AuditState[] = [...editableAuditStates, 'submitted'];

/**
 * How long after an assignment ended a change made on the laptop is still taken (flagged
 * for the registrar): an auditor may be a week in a village with no network.
 */
export const FIELD_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

const heldStates = sql.raw(HELD_STATES.map((state) => `'${state}'`).join(', '));

/** The societies `userId` holds an open audit of, for the laptop's `society:<id>` buckets. */
export async function assignedSocieties(db: ServerDb, userId: string): Promise<string[]> {
  const result = await db.execute(
    sql`SELECT DISTINCT society_id FROM sync_rows
        WHERE table_name = 'audits' AND data->>'auditor_id' = ${userId}
          AND data->>'state' IN (${heldStates}) AND data->>'deleted_at' IS NULL
          AND society_id IS NOT NULL
        ORDER BY society_id`,
  );
  return rowsOf<{ society_id: string }>(result).map((row) => row.society_id);
}

export type AssignmentVerdict =
  | { kind: 'held' }
  /** Made after the assignment ended, within the grace period: taken, and flagged. */
  | { kind: 'grace'; reason: string }
  | { kind: 'refused'; reason: string };

interface Ending {
  /** When the change that ended it was made (the office's clock), in ms. */
  atMs: number;
  /** "reassigned to Lalhmingliana", "accepted", "withdrawn". */
  how: string;
}

/**
 * Decides, for the mutations of one push, whether a field laptop's user held a society when
 * a change was made. The history of each society's audits is read once per push.
 */
export class FieldAssignments {
  private readonly endings = new Map<string, Ending | 'held' | 'never'>();

  constructor(
    private readonly tx: ServerTx,
    private readonly store: RowStore,
  ) {}

  /**
   * `societyName`: the society's name in the change, for one the server does not hold.
   * `setBack`: the laptop's clock was set back when the change was made, so it may have been
   * made any time up to its arrival; what its clock read then.
   */
  async verdict(
    userId: string,
    societyId: string,
    madeAtMs: number,
    societyName?: string,
    setBack?: { readMs: number; arrivedMs: number },
  ): Promise<AssignmentVerdict> {
    const ending = await this.ending(userId, societyId);
    if (ending === 'held') return { kind: 'held' };
    const user = await this.name('users', userId, 'full_name', 'the auditor');
    const society = await this.name('societies', societyId, 'name', societyName ?? 'the society');
    if (ending === 'never') {
      const subject = society.charAt(0).toUpperCase() + society.slice(1);
      return {
        kind: 'refused',
        reason: `${subject} is not assigned to ${user}, whose field laptop this is; the change was not applied.`,
      };
    }
    const late = madeAtMs - ending.atMs;
    const made = formatDate(indiaDate(new Date(madeAtMs)));
    const ended = formatDate(indiaDate(new Date(ending.atMs)));
    if (late <= 0) {
      // Never refused on a guess; but the registrar is shown that it may have been late.
      if (!setBack || setBack.arrivedMs <= ending.atMs) return { kind: 'held' };
      const read = formatDate(indiaDate(new Date(setBack.readMs)));
      const clock =
        read === made
          ? `it read an earlier time on ${made} than the laptop had already reached`
          : `it read ${read}, though the laptop had already reached ${made}`;
      return {
        kind: 'grace',
        reason: `Made on ${user}’s field laptop while its clock was set back: ${clock}. The audit of ${society} was ${ending.how} on ${ended}, so the change may have been made after that; taken. Check that it belongs to the report.`,
      };
    }
    const days = Math.floor(late / DAY_MS);
    const since = days === 0 ? 'after' : `${days} day${days === 1 ? '' : 's'} after`;
    const after = `${since} the audit of ${society} was ${ending.how} on ${ended}`;
    if (late <= FIELD_GRACE_DAYS * DAY_MS) {
      return {
        kind: 'grace',
        reason: `Made on ${user}’s field laptop on ${made}, ${after}; taken, within the ${FIELD_GRACE_DAYS}-day grace for work done offline. Check that it belongs to the report.`,
      };
    }
    return {
      kind: 'refused',
      reason: `Made on ${user}’s field laptop on ${made}, ${after}: past the ${FIELD_GRACE_DAYS}-day grace for work done offline, so it was not applied.`,
    };
  }

  /** Whether `userId` holds `societyId` now, never did, or when and how it last ended. */
  private async ending(userId: string, societyId: string): Promise<Ending | 'held' | 'never'> {
    const key = `${userId}:${societyId}`;
    const known = this.endings.get(key);
    if (known) return known;
    // Every version of the society's audits, oldest first: the assignment holds while any of
    // them is the user's and open; the last time that stopped is when it ended.
    const result = await this.tx.execute(
      sql`SELECT c.row_id, c.data->>'auditor_id' AS auditor_id, c.data->>'state' AS state,
                 c.data->>'deleted_at' AS deleted_at, c.data->>'updated_at' AS updated_at
          FROM change_log c
          WHERE c.table_name = 'audits' AND c.row_id IN (
            SELECT id FROM sync_rows WHERE table_name = 'audits' AND society_id = ${societyId})
          ORDER BY c.server_seq`,
    );
    const versions = rowsOf<AuditVersion>(result);
    const holding = new Set<string>();
    let everHeld = false;
    let ending: Ending | null = null;
    for (const version of versions) {
      const before = holding.size > 0;
      const holds =
        version.auditor_id === userId &&
        version.deleted_at === null &&
        (HELD_STATES as readonly string[]).includes(version.state ?? '');
      if (holds) holding.add(version.row_id);
      else holding.delete(version.row_id);
      if (holding.size > 0) {
        everHeld = true;
        ending = null;
      } else if (before) {
        ending = {
          atMs: Date.parse(version.updated_at ?? '') || 0,
          how: await this.how(version, userId),
        };
      }
    }
    const answer = holding.size > 0 ? 'held' : everHeld && ending ? ending : 'never';
    this.endings.set(key, answer);
    return answer;
  }

  private async how(version: AuditVersion, userId: string): Promise<string> {
    if (version.deleted_at !== null) return 'withdrawn';
    if (version.auditor_id !== userId && version.auditor_id) {
      return `reassigned to ${await this.name('users', version.auditor_id, 'full_name', 'another auditor')}`;
    }
    return version.state === 'accepted' ? 'accepted' : 'closed';
  }

  private async name(
    table: 'users' | 'societies',
    id: string,
    column: string,
    fallback: string,
  ): Promise<string> {
    const row = await this.store.read(table, id);
    const value = row?.data[column];
    return typeof value === 'string' && value !== '' ? value : fallback;
  }
}

interface AuditVersion {
  row_id: string;
  auditor_id: string | null;
  state: string | null;
  deleted_at: string | null;
  updated_at: string | null;
}
