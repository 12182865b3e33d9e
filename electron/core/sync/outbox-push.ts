/**
 * Push (sync.md §3): the outbox drained in seq order, in batches of at most
 * PUSH_MAX_MUTATIONS / PUSH_MAX_BYTES, each mutation with the rows its transaction wrote;
 * the server's verdicts stored in one transaction per batch.
 */
import {
  ENTITY_TABLES,
  LOCAL_COLUMNS,
  isSyncTable,
  type SyncEntity,
  type SyncTable,
} from '#shared/sync/entities';
import {
  PUSH_MAX_BYTES,
  PUSH_MAX_MUTATIONS,
  pushResponseSchema,
  type Verdict,
  type WireMutation,
} from '#shared/sync/protocol';
import { AUDIT_HEAD_KEY } from '../changes/audit-chain';
import { getMeta, setMeta } from '../db/app-meta';
import type { Prepare } from '../db/statement-cache';
import { officeKeys } from './office-keys';
import { HttpError, type ServerConnection } from './server-connection';
import { META, type RunFigures, type SyncClientOptions } from './sync-context';

const DONE_VERDICTS: readonly Verdict[] = ['applied', 'merged', 'duplicate'];

export class OutboxPush {
  constructor(
    private readonly options: SyncClientOptions,
    private readonly prepare: Prepare,
    private readonly server: ServerConnection,
  ) {}

  /**
   * Sends every pending mutation, halving the batch on 413, and stores each verdict. A gap
   * (the server holds fewer of this device's changes than were pushed) sends the rest
   * again. Fails as the request does; what was decided before the failure stays decided.
   */
  async push(url: string, token: string, figures: RunFigures): Promise<void> {
    let batchSize = PUSH_MAX_MUTATIONS;
    for (let guard = 0; guard < 10_000; guard++) {
      const batch = this.nextBatch(batchSize);
      if (batch.length === 0) return;
      let response: unknown;
      try {
        response = await this.server.request(url, '/sync/v1/push', token, {
          client: this.server.clientInfo(),
          mutations: batch,
          officeKeys: officeKeys(this.prepare),
          auditHead: this.auditHead(),
        });
      } catch (error) {
        // 413: the batch is too large for the server; halve it (sync.md §3).
        if (error instanceof HttpError && error.status === 413 && batchSize > 1) {
          batchSize = Math.max(1, Math.floor(batchSize / 2));
          continue;
        }
        throw error;
      }
      const { verdicts, checkpoint } = pushResponseSchema.parse(response);
      if (checkpoint) setMeta(this.options.sqlite, META.checkpoint, JSON.stringify(checkpoint));
      figures.pushed += batch.length;
      const { sqlite } = this.options;
      const setState = this.prepare('UPDATE outbox SET state = ?, verdict = ? WHERE seq = ?');
      let gapAt: number | null = null;
      sqlite.transaction(() => {
        for (const verdict of verdicts) {
          if (verdict.verdict === 'gap') {
            gapAt ??= verdict.expectedSeq ?? 0;
            continue;
          }
          const decided =
            verdict.verdict === 'duplicate' ? (verdict.original ?? 'applied') : verdict.verdict;
          setState.run(
            DONE_VERDICTS.includes(decided) ? 'done' : decided,
            JSON.stringify(verdict),
            verdict.seq,
          );
        }
        if (gapAt !== null) {
          // The server holds fewer of this device's changes than it pushed (its database
          // was restored): send everything after what it has again. Idempotency makes the
          // ones it still has come back as duplicates.
          this.prepare(
            "UPDATE outbox SET state = 'pending' WHERE seq > ? AND state <> 'local'",
          ).run(gapAt);
        }
      })();
      if (gapAt !== null) this.options.logger.warn('sync.gap', { expectedSeq: gapAt });
    }
  }

  /** The next pending mutations in seq order, each with the rows its transaction wrote. */
  nextBatch(limit: number, afterSeq = 0): WireMutation[] {
    const rows = this.prepare(
      `SELECT seq, mutation_id AS mutationId, name, mutation_version AS mutationVersion, entity,
                entity_id AS entityId, args, base_version AS baseVersion, base, hlc, user_id AS userId,
                created_at AS createdAt
         FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?`,
    ).all(afterSeq, limit) as (Omit<WireMutation, 'args' | 'base' | 'rows' | 'prevSeq'> & {
      args: string;
      base: string | null;
    })[];
    if (rows.length === 0) return [];
    let prevSeq = (
      this.prepare(
        "SELECT coalesce(max(seq), 0) AS n FROM outbox WHERE seq < ? AND state <> 'local'",
      ).get(rows[0]!.seq) as { n: number }
    ).n;
    const touched = this.prepare(
      'SELECT table_name AS tableName, row_id AS rowId FROM outbox_rows WHERE seq = ?',
    );
    const batch: WireMutation[] = [];
    let bytes = 0;
    for (const row of rows) {
      const table = ENTITY_TABLES[row.entity as SyncEntity] as SyncTable | undefined;
      const keys = touched.all(row.seq) as { tableName: string; rowId: string }[];
      if (table && !keys.some((key) => key.tableName === table && key.rowId === row.entityId)) {
        keys.unshift({ tableName: table, rowId: row.entityId });
      }
      const images = keys.flatMap((key) => {
        const data = this.readRow(key.tableName, key.rowId);
        return data ? [{ table: key.tableName, id: key.rowId, data }] : [];
      });
      const mutation: WireMutation = {
        ...row,
        prevSeq,
        args: JSON.parse(row.args) as Record<string, unknown>,
        base: row.base === null ? null : (JSON.parse(row.base) as Record<string, unknown>),
        rows: images,
      };
      const size = JSON.stringify(mutation).length;
      if (batch.length > 0 && bytes + size > PUSH_MAX_BYTES) break;
      batch.push(mutation);
      bytes += size;
      prevSeq = row.seq;
    }
    return batch;
  }

  /** A synced row as it is now, without the columns that stay on this computer. */
  private readRow(table: string, id: string): Record<string, unknown> | null {
    if (!isSyncTable(table)) return null;
    const row = this.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    if (!row) return null;
    for (const column of LOCAL_COLUMNS[table] ?? []) delete row[column];
    return row;
  }

  /** The head of this computer's record of changes, for the server to countersign. */
  private auditHead(): { seq: number; hash: string } | null {
    const text = getMeta(this.options.sqlite, AUDIT_HEAD_KEY);
    return text ? (JSON.parse(text) as { seq: number; hash: string }) : null;
  }
}
