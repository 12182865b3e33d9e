import { v7 as uuidv7 } from 'uuid';
import { formatHlc, nextHlc, parseHlc, type HlcState } from '../../../shared/sync/hlc';
import type { Db, Sqlite } from '../db/open-database';
import type { Clock } from '../ports';

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
}

/** What a write inside the mutation layer sees. */
export interface MutationTx {
  db: Db;
  sqlite: Sqlite;
  userId: string;
  /** ISO instant of this transaction, the same for every row it writes. */
  now: string;
  /** A new UUIDv7 row id. */
  newId(): string;
  /** Writes the outbox row for one change, in this transaction. */
  record(change: RecordedChange): void;
}

/**
 * The single write path of the app. `run` opens one IMMEDIATE transaction, opens the write
 * guard (so the database accepts writes to synced tables), lets the service write its rows
 * and record each change, and commits domain rows and outbox rows together or not at all.
 * The audit trail will be written by `record` as well, in the same transaction.
 */
export class MutationWriter {
  private hlc: HlcState;
  private readonly insertOutbox;
  private readonly openGuard;
  private readonly closeGuard;

  constructor(
    private readonly db: Db,
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
    private readonly deviceId: string,
  ) {
    const last = sqlite.prepare('SELECT max(hlc) AS hlc FROM outbox').get() as {
      hlc: string | null;
    };
    this.hlc = last.hlc ? parseHlc(last.hlc) : { wallMs: 0, counter: 0 };
    this.insertOutbox = sqlite.prepare(
      `INSERT INTO outbox (mutation_id, name, mutation_version, entity, entity_id, args, base_version, base, hlc, user_id, created_at)
       VALUES (@mutationId, @name, @mutationVersion, @entity, @entityId, @args, @baseVersion, @base, @hlc, @userId, @createdAt)`,
    );
    this.openGuard = sqlite.prepare('INSERT INTO temp.mutation_guard (open) VALUES (1)');
    this.closeGuard = sqlite.prepare('DELETE FROM temp.mutation_guard');
  }

  /**
   * Writes rows that every device derives identically from the shipped resources (the
   * reference data, which the state server seeds from the same files), so there is nothing
   * to push: no outbox rows. Anything a user enters goes through `run`.
   */
  runUnrecorded<T>(work: (tx: Omit<MutationTx, 'record'>) => T): T {
    return this.run('system', (tx) =>
      work({ db: tx.db, sqlite: tx.sqlite, userId: tx.userId, now: tx.now, newId: tx.newId }),
    );
  }

  /** Runs `work` as one atomic mutation by `userId`; returns what `work` returns. */
  run<T>(userId: string, work: (tx: MutationTx) => T): T {
    const transaction = this.sqlite.transaction(() => {
      const now = this.clock.now();
      const nowIso = now.toISOString();
      this.openGuard.run();
      const tx: MutationTx = {
        db: this.db,
        sqlite: this.sqlite,
        userId,
        now: nowIso,
        newId: () => uuidv7(),
        record: (change) => {
          this.hlc = nextHlc(this.hlc, now.getTime());
          this.insertOutbox.run({
            mutationId: uuidv7(),
            name: change.name,
            mutationVersion: change.mutationVersion ?? 1,
            entity: change.entity,
            entityId: change.entityId,
            args: JSON.stringify(change.args),
            baseVersion: change.baseVersion,
            base: change.base === null ? null : JSON.stringify(change.base),
            hlc: formatHlc(this.hlc, this.deviceId),
            userId,
            createdAt: nowIso,
          });
        },
      };
      const result = work(tx);
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
}
