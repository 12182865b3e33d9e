import { createHash } from 'node:crypto';
import type { ChainVerdict } from '#shared/changes/contract';
import { getMeta } from '../db/app-meta';
import type { Sqlite } from '../db/open-database';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** `app_meta` key of the latest entry, `{"seq":N,"hash":"…"}`: what sync will send for countersigning. */
export const AUDIT_HEAD_KEY = 'audit_trail_head';

/** One entry as stored, minus its own hash. */
export interface ChainEntry {
  id: string;
  at: string;
  userId: string;
  role: string;
  officeId: string | null;
  deviceId: string;
  action: string;
  entity: string;
  entityId: string;
  subjectId: string | null;
  /** JSON text, exactly as stored: the hash covers these bytes. */
  changes: string;
  prevHash: string;
}

/**
 * SHA-256 over every field of the entry, in a fixed order, including the previous entry's
 * hash. The sequence number is left out on purpose: order is proven by the links, so a
 * swap of two entries shows as reordering rather than as two altered entries.
 */
export function hashEntry(entry: ChainEntry): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        entry.id,
        entry.at,
        entry.userId,
        entry.role,
        entry.officeId,
        entry.deviceId,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.subjectId,
        entry.changes,
        entry.prevHash,
      ]),
    )
    .digest('hex');
}

interface StoredEntry extends ChainEntry {
  seq: number;
  hash: string;
}

const SELECT_ENTRIES = `SELECT seq, id, at, user_id AS userId, role, office_id AS officeId, device_id AS deviceId,
  action, entity, entity_id AS entityId, subject_id AS subjectId, changes, prev_hash AS prevHash, hash
  FROM audit_trail`;

/**
 * Walks the chain in `seq` order and either says it is intact up to the last entry or names
 * the first entry that was altered, removed, inserted or reordered. Runs on a copy as well
 * as on the live file (the command line verifier opens copies read-only).
 */
export function verifyAuditChain(sqlite: Sqlite): ChainVerdict {
  // One read transaction: the entries and the head the application kept are read as of one
  // moment, even while the application goes on writing.
  return sqlite.transaction(() => verifyNow(sqlite))();
}

function verifyNow(sqlite: Sqlite): ChainVerdict {
  const started = performance.now();
  // Everything before the first bad entry is intact; with none, everything checked is.
  const verdict = (
    checked: number,
    lastSeq: number,
    firstBad: ChainVerdict['firstBad'],
  ): ChainVerdict => ({
    intact: firstBad === null,
    checked,
    intactUpTo: firstBad ? firstBad.seq - 1 : lastSeq,
    firstBad,
    ms: Math.round(performance.now() - started),
  });

  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  // Read-ahead of one entry: telling an insertion from a removal needs the next link.
  const rows = sqlite
    .prepare(`${SELECT_ENTRIES} ORDER BY seq`)
    .iterate() as IterableIterator<StoredEntry>;
  let current = rows.next();
  while (!current.done) {
    const entry = current.value;
    const next = rows.next();
    checked += 1;
    const lastGood = previous?.seq ?? 0;
    if (hashEntry(entry) !== entry.hash) {
      rows.return?.();
      return verdict(checked, lastGood, {
        seq: entry.seq,
        problem: 'altered',
        message: `Entry ${entry.seq} was altered after it was written.`,
      });
    }
    const expected = previous?.hash ?? GENESIS_HASH;
    if (entry.prevHash !== expected) {
      rows.return?.();
      return verdict(
        checked,
        lastGood,
        classifyBrokenLink(sqlite, entry, previous, next.done ? null : next.value),
      );
    }
    previous = { seq: entry.seq, hash: entry.hash };
    current = next;
  }

  const head = readHead(sqlite);
  const lastSeq = previous?.seq ?? 0;
  if (head && head.seq > lastSeq) {
    return verdict(checked, lastSeq, {
      seq: lastSeq + 1,
      problem: 'truncated',
      message: `Entries ${lastSeq + 1} to ${head.seq} were removed from the end.`,
    });
  }
  if (head && previous && head.seq === lastSeq && head.hash !== previous.hash) {
    return verdict(checked, lastSeq - 1, {
      seq: lastSeq,
      problem: 'altered',
      message: `Entry ${lastSeq} does not match the last entry the application wrote.`,
    });
  }
  if (head ? lastSeq > head.seq : lastSeq > 0) {
    const first = (head?.seq ?? 0) + 1;
    return verdict(checked, first - 1, {
      seq: first,
      problem: 'inserted',
      message: `Entry ${first} and any after it were added outside the application.`,
    });
  }
  return verdict(checked, lastSeq, null);
}

/** Names what happened where an entry does not point at the one before it. */
function classifyBrokenLink(
  sqlite: Sqlite,
  entry: StoredEntry,
  previous: { seq: number; hash: string } | null,
  next: StoredEntry | null,
): NonNullable<ChainVerdict['firstBad']> {
  const target =
    entry.prevHash === GENESIS_HASH
      ? { seq: 0 }
      : (sqlite.prepare('SELECT seq FROM audit_trail WHERE hash = ?').get(entry.prevHash) as
          { seq: number } | undefined);
  const previousSeq = previous?.seq ?? 0;
  if (target && target.seq > entry.seq) {
    return {
      seq: entry.seq,
      problem: 'reordered',
      message: `Entry ${entry.seq} is out of order: it was written after entry ${target.seq}.`,
    };
  }
  if (target && target.seq < previousSeq) {
    // The entries between the one this points at and this one were not in the chain.
    const inserted = sqlite
      .prepare('SELECT min(seq) AS seq FROM audit_trail WHERE seq > ?')
      .get(target.seq) as { seq: number };
    return {
      seq: inserted.seq,
      problem: 'inserted',
      message: `Entry ${inserted.seq} was inserted: the entries around it were written without it.`,
    };
  }
  if (!target && next && previous && next.prevHash === previous.hash) {
    return {
      seq: entry.seq,
      problem: 'inserted',
      message: `Entry ${entry.seq} was inserted: the entries around it were written without it.`,
    };
  }
  if (entry.seq > previousSeq + 1) {
    return {
      seq: previousSeq + 1,
      problem: 'removed',
      message: `Entry ${previousSeq + 1} was removed.`,
    };
  }
  // No gap, and the entry this one was written after is nowhere: either the one before it
  // was altered and sealed again with a new hash, or entries were removed and the numbers
  // closed up. Both break the chain at the previous entry, so name that one.
  return {
    seq: previousSeq,
    problem: 'altered',
    message: `Entry ${previousSeq} was altered, or entries after it were removed: entry ${entry.seq} was written after an entry that is no longer in the record.`,
  };
}

function readHead(sqlite: Sqlite): { seq: number; hash: string } | null {
  const text = getMeta(sqlite, AUDIT_HEAD_KEY);
  return text ? (JSON.parse(text) as { seq: number; hash: string }) : null;
}
