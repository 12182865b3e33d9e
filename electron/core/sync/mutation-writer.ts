import { newId } from '../ids';
import { formatHlc, nextHlc, parseHlc, type HlcState } from '#shared/sync/hlc';
import { AUDIT_HEAD_KEY, GENESIS_HASH, hashEntry, type ChainEntry } from '../changes/audit-chain';
import { getMeta, setMeta } from '../db/app-meta';
import { withoutInsertTriggers, type Db, type Sqlite, type SyncedTable } from '../db/open-database';
import type { Clock } from '../ports';

/** Who makes a change: written to the record of changes with every entry. */
export interface Actor {
  userId: string;
  role: string;
  officeId: string | null;
}

/** The actor for a signed-in user. */
export function actorFor(user: { id: string; role: string; officeId: string }): Actor {
  return { userId: user.id, role: user.role, officeId: user.officeId };
}

/** Changes the application makes itself (the demo register on first start). */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system', officeId: null };

/** One change to one synced row, as it goes into the outbox (sync.md §3). */
export interface RecordedChange {
  /** Named mutation, `<entity>.<verb>`: `society.create`, `society.update`. */
  name: string;
  /** Bump when the meaning of `args` changes, so the server can upcast old clients. */
  mutationVersion?: number;
  entity: string;
  entityId: string;
  /** The fields this change sets (a patch; the whole row for a create). */
  args: Record<string, unknown>;
  /** Version of the row the user saw; null for a new row. */
  baseVersion: number | null;
  /** Before-values of the patched fields; null for a new row. */
  base: Record<string, unknown> | null;
  /** The record a person would look under in the History tab; defaults to `entityId`. */
  subjectId?: string;
  /**
   * Fields the record of changes shows as these words, [before, after], instead of their
   * values (a password's hash syncs, but no one reads it in the history).
   */
  shownAs?: Record<string, [string | null, string]>;
}

/** What a write inside the mutation layer sees. */
export interface MutationTx {
  db: Db;
  sqlite: Sqlite;
  userId: string;
  actor: Actor;
  /** ISO instant of this transaction, the same for every row it writes. */
  now: string;
  /** A new UUIDv7 row id. */
  newId(): string;
  /** Writes the outbox row and the record-of-changes entry for one change, in this transaction. */
  record(change: RecordedChange): void;
  /**
   * Writes a record-of-changes entry only, for a change that does not sync as a row (a
   * password set or reset: the entry says it happened, never what the password is).
   */
  note(change: Omit<RecordedChange, 'mutationVersion'>): void;
}

/** The latest state server time seen (ms), below which no change is stamped. */
const HLC_FLOOR_KEY = 'sync_hlc_floor';

/**
 * The single write path of the app. `run` opens one IMMEDIATE transaction, opens the write
 * guard (so the database accepts writes to synced tables), lets the service write its rows
 * and record each change, and commits domain rows and outbox rows together or not at all.
 * The audit trail will be written by `record` as well, in the same transaction.
 */
export class MutationWriter {
  private hlc: HlcState;
  private readonly insertOutbox;
  private readonly insertAudit;
  private readonly openGuard;
  private readonly closeGuard;
  private readonly attributeTouched;
  private readonly clearTouched;

  constructor(
    private readonly db: Db,
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
    private deviceId: string,
  ) {
    const last = sqlite.prepare('SELECT max(hlc) AS hlc FROM outbox').get() as {
      hlc: string | null;
    };
    this.hlc = last.hlc ? parseHlc(last.hlc) : { wallMs: 0, counter: 0 };
    const floor = Number(getMeta(sqlite, HLC_FLOOR_KEY) ?? 0);
    if (floor > this.hlc.wallMs) this.hlc = { wallMs: floor, counter: 0 };
    this.insertOutbox = sqlite.prepare(
      `INSERT INTO outbox (mutation_id, name, mutation_version, entity, entity_id, args, base_version, base, hlc, user_id, created_at)
       VALUES (@mutationId, @name, @mutationVersion, @entity, @entityId, @args, @baseVersion, @base, @hlc, @userId, @createdAt)`,
    );
    this.insertAudit = sqlite.prepare(
      `INSERT INTO audit_trail (id, at, user_id, role, office_id, device_id, action, entity, entity_id, subject_id, changes, prev_hash, hash)
       VALUES (@id, @at, @userId, @role, @officeId, @deviceId, @action, @entity, @entityId, @subjectId, @changes, @prevHash, @hash)`,
    );
    this.openGuard = sqlite.prepare('INSERT INTO temp.mutation_guard (open) VALUES (1)');
    this.closeGuard = sqlite.prepare('DELETE FROM temp.mutation_guard');
    this.attributeTouched = sqlite.prepare(
      'INSERT OR IGNORE INTO outbox_rows (seq, table_name, row_id) SELECT ?, table_name, row_id FROM temp.touched_rows',
    );
    this.clearTouched = sqlite.prepare('DELETE FROM temp.touched_rows');
  }

  /**
   * The state server's time, seen at a sync: no later change of this computer is stamped
   * earlier. So a clock set back by hand cannot date a change before the last sync, and the
   * server sees that the clock was set back (the change's own time is behind its stamp).
   */
  observeServerTime(serverMs: number): void {
    if (!(serverMs > this.hlc.wallMs)) return;
    this.hlc = { wallMs: serverMs, counter: 0 };
    setMeta(this.sqlite, HLC_FLOOR_KEY, String(serverMs));
  }

  /** A computer enrolled again after a restore is a new device from then on (sync.md §2). */
  setDeviceId(deviceId: string): void {
    this.deviceId = deviceId;
  }

  /**
   * Writes rows that every device derives identically from the shipped resources (the
   * reference data, which the state server seeds from the same files), so there is nothing
   * to push: no outbox rows. Anything a user enters goes through `run`.
   */
  runUnrecorded<T>(work: (tx: Omit<MutationTx, 'record' | 'note'>) => T): T {
    return this.run(SYSTEM_ACTOR, (tx) =>
      work({
        db: tx.db,
        sqlite: tx.sqlite,
        userId: tx.userId,
        actor: tx.actor,
        now: tx.now,
        newId: tx.newId,
      }),
    );
  }

  /** Runs `work` as one atomic mutation by `actor`; returns what `work` returns. */
  run<T>(actor: Actor, work: (tx: MutationTx) => T): T {
    return this.runWith(actor, work, []);
  }

  /**
   * `run` for bulk writes of new rows into `tables` (legacy import, demo register): the
   * same transaction, outbox and record of changes, with the per-row INSERT triggers of
   * those tables lifted for the batch (see withoutInsertTriggers). The rows each change
   * inserted into them are found by rowid instead: SQLite gives a new row a rowid above
   * every rowid in its table, so the rows inserted since the previous change are those
   * above the highest rowid read then.
   */
  runBulk<T>(actor: Actor, tables: readonly SyncedTable[], work: (tx: MutationTx) => T): T {
    return this.runWith(
      actor,
      (tx) => withoutInsertTriggers(this.sqlite, tables, () => work(tx)),
      tables,
    );
  }

  private runWith<T>(
    actor: Actor,
    work: (tx: MutationTx) => T,
    bulkTables: readonly SyncedTable[],
  ): T {
    // A nested run would read the chain's head before the outer one wrote it and fork it.
    if (this.sqlite.inTransaction)
      throw new Error('MutationWriter.run cannot run inside a transaction.');
    const transaction = this.sqlite.transaction(() => {
      const now = this.clock.now();
      const nowIso = now.toISOString();
      this.openGuard.run();
      let head = this.readHead();
      const headBefore = head;
      // Rows written since the previous outbox entry belong to the next one; rows written
      // after the last entry belong to the last (see outbox_rows).
      let lastSeq: number | null = null;
      // Rows left by a write outside this layer (a demo seeder) are not this transaction's.
      this.clearTouched.run();
      const attributeBulkInserts = this.bulkInsertsInto(bulkTables);
      const attribute = (seq: number) => {
        this.attributeTouched.run(seq);
        this.clearTouched.run();
        attributeBulkInserts(seq);
      };
      const audit = (change: Omit<RecordedChange, 'mutationVersion'>) => {
        const entry: ChainEntry = {
          id: newId(),
          at: nowIso,
          userId: actor.userId,
          role: actor.role,
          officeId: actor.officeId,
          deviceId: this.deviceId,
          action: change.name,
          entity: change.entity,
          entityId: change.entityId,
          subjectId: change.subjectId ?? change.entityId,
          changes: JSON.stringify(beforeAndAfter(change)),
          prevHash: head.hash,
        };
        const hash = hashEntry(entry);
        const { lastInsertRowid } = this.insertAudit.run({ ...entry, hash });
        head = { seq: Number(lastInsertRowid), hash };
      };
      const tx: MutationTx = {
        db: this.db,
        sqlite: this.sqlite,
        userId: actor.userId,
        actor,
        now: nowIso,
        newId: () => newId(),
        record: (change) => {
          this.hlc = nextHlc(this.hlc, now.getTime());
          const outboxRow = this.insertOutbox.run({
            mutationId: newId(),
            name: change.name,
            mutationVersion: change.mutationVersion ?? 1,
            entity: change.entity,
            entityId: change.entityId,
            args: JSON.stringify(change.args),
            baseVersion: change.baseVersion,
            base: change.base === null ? null : JSON.stringify(change.base),
            hlc: formatHlc(this.hlc, this.deviceId),
            userId: actor.userId,
            createdAt: nowIso,
          });
          lastSeq = Number(outboxRow.lastInsertRowid);
          attribute(lastSeq);
          audit(change);
        },
        note: audit,
      };
      const result = work(tx);
      if (lastSeq !== null) attribute(lastSeq);
      this.clearTouched.run();
      // The head moves once per transaction, not once per entry: a bulk import stays fast.
      if (head !== headBefore) setMeta(this.sqlite, AUDIT_HEAD_KEY, JSON.stringify(head));
      this.closeGuard.run();
      return result;
    });
    const saved = this.hlc;
    try {
      return transaction.immediate();
    } catch (error) {
      this.hlc = saved; // the outbox rows were rolled back with everything else
      throw error;
    }
  }

  /**
   * Attributes to an outbox entry the rows inserted into `tables` since the previous
   * entry: those the touched-rows trigger would have recorded had it not been lifted. One
   * statement for all the tables and one for their highest rowids, since this runs for
   * every society of an import.
   */
  private bulkInsertsInto(tables: readonly SyncedTable[]): (seq: number) => void {
    if (tables.length === 0) return () => {};
    const highest = this.sqlite
      .prepare(
        `SELECT ${tables.map((table) => `(SELECT coalesce(max(rowid), 0) FROM main.${table})`).join(', ')}`,
      )
      .raw();
    const attribute = this.sqlite.prepare(
      `INSERT OR IGNORE INTO outbox_rows (seq, table_name, row_id) ${tables
        .map(
          (table, n) => `SELECT @seq, '${table}', id FROM main.${table} WHERE rowid > @after${n}`,
        )
        .join(' UNION ALL ')}`,
    );
    let seen = highest.get() as number[];
    return (seq) => {
      attribute.run({ seq, ...Object.fromEntries(seen.map((rowid, n) => [`after${n}`, rowid])) });
      seen = highest.get() as number[];
    };
  }

  private readHead(): { seq: number; hash: string } {
    const text = getMeta(this.sqlite, AUDIT_HEAD_KEY);
    return text
      ? (JSON.parse(text) as { seq: number; hash: string })
      : { seq: 0, hash: GENESIS_HASH };
  }
}

/**
 * Field → [before, after] for the record of changes; before is null for a new record,
 * whose empty fields are left out (they say nothing, and a bulk import writes millions).
 */
function beforeAndAfter(
  change: Pick<RecordedChange, 'args' | 'base' | 'shownAs'>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, after] of Object.entries(change.args)) {
    if (change.base === null && (after == null || (Array.isArray(after) && after.length === 0))) {
      continue;
    }
    changes[field] = change.shownAs?.[field] ?? [change.base?.[field] ?? null, after ?? null];
  }
  return changes;
}
