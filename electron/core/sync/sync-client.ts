/**
 * The desktop's side of sync (sync.md §3): enrols with the state server, pushes the outbox
 * in seq order with the rows each change wrote, pulls its buckets page by page into the
 * local tables, and keeps the office's sync issues for the inbox. One run at a time; a
 * local write during a run makes it run again.
 */
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ENTITY_TABLES,
  LOCAL_COLUMNS,
  byTableOrder,
  isSyncTable,
  type SyncEntity,
  type SyncTable,
} from '#shared/sync/entities';
import {
  PUSH_MAX_BYTES,
  PUSH_MAX_MUTATIONS,
  SYNC_PROTOCOL_VERSION,
  enrolResponseSchema,
  numbersResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  societyOfBucket,
  syncIssueSchema,
  MINE_DECIDABLE,
  setAsideRefusal,
  type ClientInfo,
  type ExportFile,
  type ExportPayload,
  type NumberLease,
  type OfficeKey,
  type PullResponse,
  type PulledRow,
  type SyncIssue,
  type Verdict,
  type WireMutation,
} from '#shared/sync/protocol';
import { columnOf } from '#shared/column-name';
import { AUDIT_HEAD_KEY } from '../changes/audit-chain';
import { deleteMeta, getMeta, setMeta } from '../db/app-meta';
import { newId } from '../ids';
import type { Sqlite } from '../db/open-database';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { Clock, HostPort, Logger } from '../ports';
import { z } from 'zod';
import { AppError } from '#shared/errors';
import type { Actor, MutationWriter } from './mutation-writer';
import type { SyncStatus } from '#shared/sync/contract';

export type { SyncStatus };
import { societyRowConditions } from './society-rows';

export interface SyncClientOptions {
  sqlite: Sqlite;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  appVersion: string;
  schemaVersion: number;
  writer: MutationWriter;
  /** Where an export of pending changes is saved and shown. */
  host: Pick<HostPort, 'chooseSavePath' | 'revealInFolder' | 'presentFile'>;
  /** The network; the fault harness passes a faulty one. */
  fetch?: typeof fetch;
  /** Rows per pulled page (the server's default when absent); tests make pages small. */
  pullPageRows?: number;
  /** After a pulled page is written: which tables changed and which societies to reindex. */
  onPulled(change: { tables: ReadonlySet<SyncTable>; societyIds: ReadonlySet<string> }): void;
  /**
   * Inside the transaction that forgets societies this computer no longer holds, before
   * their rows go: drops what is kept beside them (the full-text index).
   */
  onForgetting(societyIds: readonly string[]): void;
  /** Every status change, for the status indicator. */
  onStatus?(status: SyncStatus): void;
  /** The numbers this computer gives, leased by the state server (sync.md §6). */
  numbers: NumberLeasing;
}

/** What sync needs of the numbering of records: leases in, provisional numbers replaced. */
export interface NumberLeasing {
  /** From enrolment on, only leased numbers are given. */
  startLeasing(): void;
  /**
   * The series running low, for a computer enrolled for `officeId`; with null (a field
   * laptop, which registers nothing as a rule) only the series it has given numbers in.
   */
  wantedSeries(now: Date, officeId: string | null): { series: string; holding: string[] }[];
  storeLeases(leases: readonly NumberLease[], now: string): void;
  /** Gives records their final numbers where leased ones are there; returns how many. */
  replaceProvisional(): number;
}

const META = {
  url: 'sync_server_url',
  token: 'sync_token',
  office: 'sync_office_id',
  cursors: 'sync_cursors',
  lastSync: 'sync_last_sync_at',
  mustReenrol: 'sync_must_reenrol',
  /** The user whose field laptop this is, from the enrolment. */
  fieldUser: 'sync_field_user_id',
  /** Societies whose bucket the server stopped giving, to forget once nothing waits on them. */
  departed: 'sync_departed_societies',
  /** The server's countersignature of this computer's audit-trail head, as last received. */
  checkpoint: 'sync_checkpoint',
} as const;

const DONE_VERDICTS: readonly Verdict[] = ['applied', 'merged', 'duplicate'];
const REQUEST_TIMEOUT_MS = 30_000;
/** A run stops pulling after this many pages and carries on at the next run. */
const MAX_PAGES_PER_RUN = 500;

/** A failure the user must act on (not enrolled, revoked, restored, too old): no retry. */
export class SyncStopped extends Error {}

export class SyncClient {
  private running: Promise<SyncStatus> | null = null;
  private rerun = false;
  private online: boolean | null = null;
  private problem: string | null = null;
  private lastAttemptAt: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly fetch: typeof fetch;
  private figures: RunFigures = emptyFigures();
  private readonly prepare: Prepare;

  constructor(private readonly options: SyncClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.prepare = statementCache(options.sqlite);
  }

  status(): SyncStatus {
    const { sqlite } = this.options;
    const pending = this.prepare(
      "SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state = 'pending'",
    ).get() as { n: number; oldest: string | null };
    const issues = (this.prepare('SELECT count(*) AS n FROM sync_issues').get() as { n: number }).n;
    return {
      enrolled: Boolean(getMeta(sqlite, META.token)),
      serverUrl: getMeta(sqlite, META.url) ?? null,
      officeId: getMeta(sqlite, META.office) ?? null,
      online: this.online,
      running: this.running !== null,
      lastSyncAt: getMeta(sqlite, META.lastSync) ?? null,
      lastAttemptAt: this.lastAttemptAt,
      pending: pending.n,
      oldestPendingAt: pending.oldest,
      issues,
      problem: this.problem,
      mustReenrol: this.restoredFromBackup() || getMeta(sqlite, META.mustReenrol) === '1',
      fieldLaptopOf: this.fieldLaptopOf(),
      // Real time, never the injected clock: it orders statuses, it dates nothing.
      takenAt: performance.timeOrigin + performance.now(),
    };
  }

  private fieldLaptopOf(): string | null {
    const userId = getMeta(this.options.sqlite, META.fieldUser);
    if (!userId) return null;
    return this.userName(userId) ?? 'its auditor';
  }

  /** A user's full name as this computer holds it; undefined for one it does not. */
  private userName(id: string): string | undefined {
    const user = this.prepare('SELECT full_name AS name FROM users WHERE id = ?').get(id) as
      { name: string } | undefined;
    return user?.name;
  }

  /** The office's sync issues as last fetched, newest first, with names a person reads. */
  issues(): SyncIssueRow[] {
    const rows = this.prepare(
      'SELECT data FROM sync_issues ORDER BY fetched_at DESC, id',
    ).all() as {
      data: string;
    }[];
    const nameOf = (id: string | null) =>
      id ? (this.userName(id) ?? 'A user of another office') : null;
    return rows
      .map((row) => syncIssueSchema.parse(JSON.parse(row.data)))
      .sort((a, b) => b.madeAt.localeCompare(a.madeAt))
      .map((issue) => ({
        ...issue,
        recordLabel: this.recordLabel(issue.table, issue.entityId, issue.fields),
        madeByName: nameOf(issue.userId) ?? '',
        theirsByName: nameOf(issue.theirsBy),
        fromThisDevice: issue.deviceId === this.deviceId(),
      }));
  }

  /**
   * The registrar's decision on an issue, recorded as a `conflict.resolve` change: the
   * server applies it (keeping this side's values, or the server's) and every computer of
   * the office receives the result. The issue leaves the inbox at once.
   */
  resolve(actor: Actor, issueId: string, choice: 'mine' | 'theirs'): SyncStatus {
    const row = this.prepare('SELECT data FROM sync_issues WHERE id = ?').get(issueId) as
      { data: string } | undefined;
    if (!row)
      throw new AppError(
        'not_found',
        'That sync issue is no longer open. Sync to see the current list.',
      );
    const issue = syncIssueSchema.parse(JSON.parse(row.data));
    if (choice === 'mine' && !MINE_DECIDABLE.includes(issue.kind)) {
      throw new AppError(
        'invalid_input',
        'Only a conflict can keep this side’s values; a refused change can only be set aside.',
      );
    }
    const kept = choice === 'theirs' ? setAsideRefusal(issue) : null;
    if (kept) throw new AppError('invalid_input', kept);
    this.options.writer.run(actor, (tx) => {
      tx.record({
        name: 'conflict.resolve',
        entity: 'sync_issue',
        entityId: issueId,
        args: { choice },
        baseVersion: null,
        base: null,
        subjectId: issue.entityId,
      });
      this.prepare('DELETE FROM sync_issues WHERE id = ?').run(issueId);
    });
    // The decision goes up at once when the server can be reached.
    void this.syncNow();
    return this.status();
  }

  private recordLabel(table: string, id: string, fields: SyncIssue['fields']): string {
    const label = TABLE_LABELS[table] ?? table.replaceAll('_', ' ');
    if (!isSyncTable(table)) return label;
    const columns = this.columnsOf(table);
    const societyId =
      table === 'societies'
        ? id
        : columns.includes('society_id')
          ? ((
              this.prepare(`SELECT society_id AS s FROM ${table} WHERE id = ?`).get(id) as
                { s: string | null } | undefined
            )?.s ?? null)
          : null;
    const society = societyId
      ? (this.prepare('SELECT name FROM societies WHERE id = ?').get(societyId) as
          { name: string } | undefined)
      : undefined;
    if (society) return `${label}: ${society.name}`;
    // A society this computer does not hold (another computer's entry held as a likely
    // duplicate) is named by the change itself.
    const named = table === 'societies' ? fields['name']?.mine : undefined;
    return typeof named === 'string' ? `${label}: ${named}` : label;
  }

  /**
   * Enrols this computer with the state server using the administrator's one-time code.
   * Changes made before enrolment by the app itself (the demo register) stay on this
   * computer; everything people entered goes up at the first sync.
   */
  async enrol(serverUrl: string, code: string, label: string): Promise<SyncStatus> {
    let url: string;
    try {
      url = normaliseServerUrl(serverUrl);
    } catch {
      const message = 'That is not a server address: type it as the administrator gave it.';
      throw new AppError('invalid_input', message, { serverUrl: message });
    }
    // Enrolled before (a restored database, or moving to another server): from now on this
    // is a new device, so its change numbers never clash with what the server has.
    if (getMeta(this.options.sqlite, META.token) || this.status().mustReenrol) this.renewIdentity();
    let response: unknown;
    try {
      response = await this.request(url, '/sync/v1/enrol', null, {
        client: this.clientInfo(),
        code,
        label,
        afterSeq: this.settledSeq(),
      });
    } catch (error) {
      // The refusal goes next to the field it is about.
      const message = (error as Error).message;
      if (!(error instanceof HttpError)) {
        throw new AppError('invalid_input', message, { serverUrl: message });
      }
      if (error.status === 403) throw new AppError('invalid_input', message, { code: message });
      throw new AppError(error.status === 409 ? 'conflict' : 'invalid_input', message);
    }
    const enrolled = enrolResponseSchema.parse(response);
    const { sqlite } = this.options;
    sqlite.transaction(() => {
      deleteMeta(sqlite, META.mustReenrol);
      setMeta(sqlite, META.url, url);
      setMeta(sqlite, META.token, enrolled.token);
      setMeta(sqlite, META.office, enrolled.officeId);
      if (enrolled.fieldUserId) setMeta(sqlite, META.fieldUser, enrolled.fieldUserId);
      else deleteMeta(sqlite, META.fieldUser);
      setMeta(sqlite, META.cursors, '{}');
      this.prepare(
        "UPDATE outbox SET state = 'local' WHERE state = 'pending' AND user_id IN ('system', 'demo')",
      ).run();
      // A field laptop's own set-up (its administrator's accounts) stays on it: the server
      // takes only its auditor's work from it.
      if (enrolled.fieldUserId) {
        this.prepare(
          "UPDATE outbox SET state = 'local' WHERE state = 'pending' AND user_id <> ?",
        ).run(enrolled.fieldUserId);
      }
    })();
    this.options.numbers.startLeasing();
    // Its first blocks of numbers come with the enrolment, so the office can register at
    // once; if that fails, the first sync asks again.
    try {
      await this.leaseNumbers(url, enrolled.token);
    } catch (error) {
      this.options.logger.warn('sync.numbers_not_leased', { problem: (error as Error).message });
    }
    this.problem = null;
    this.options.logger.info('sync.enrolled', { officeId: enrolled.officeId });
    this.publish();
    return this.status();
  }

  /** A new device id and install epoch, in the database and in the file beside it. */
  private renewIdentity(): void {
    const { sqlite } = this.options;
    const deviceId = newId();
    const epoch = newId();
    sqlite.transaction(() => {
      setMeta(sqlite, 'device_id', deviceId);
      setMeta(sqlite, 'install_epoch', epoch);
      deleteMeta(sqlite, META.token, META.cursors);
    })();
    writeFileSync(join(this.options.dataDir, 'install-epoch'), epoch);
    this.options.writer.setDeviceId(deviceId);
    this.options.logger.info('sync.identity_renewed', { deviceId });
  }

  /** The last seq the server has already decided: a new enrolment goes on after it. */
  private settledSeq(): number {
    return (
      this.prepare(
        "SELECT coalesce(max(seq), 0) AS n FROM outbox WHERE state NOT IN ('pending', 'local')",
      ).get() as { n: number }
    ).n;
  }

  /**
   * Every change not yet decided by the server, signed into one file for the state office
   * to import when this computer has no network (or was withdrawn from sync). The changes
   * stay pending here: if they also arrive by sync later, the server answers duplicates.
   */
  async exportPending(): Promise<{ fileName: string; count: number; url: string | null }> {
    const file = this.pendingFile();
    const { host } = this.options;
    const chosen = await host.chooseSavePath(file.fileName);
    const path = chosen ?? join(this.options.dataDir, 'exports', file.fileName);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    if (chosen) {
      // The desktop shows where it went; browser mode offers it for download.
      await host.revealInFolder(path);
      return { fileName: file.fileName, count: file.count, url: null };
    }
    const { url } = await host.presentFile(path);
    return { fileName: file.fileName, count: file.count, url };
  }

  /** The signed file of every pending change. */
  private pendingFile(): { fileName: string; content: string; count: number } {
    const token = getMeta(this.options.sqlite, META.token);
    if (!token) {
      throw new AppError(
        'conflict',
        'This computer was never connected to a state server, so it cannot sign a file the server trusts. Connect it first.',
      );
    }
    const mutations: WireMutation[] = [];
    for (let batch = this.nextBatch(PUSH_MAX_MUTATIONS, 0); batch.length > 0;) {
      mutations.push(...batch);
      batch = this.nextBatch(PUSH_MAX_MUTATIONS, batch[batch.length - 1]!.seq);
    }
    if (mutations.length === 0) {
      throw new AppError(
        'conflict',
        'No change waits to go to the state server; there is nothing to export.',
      );
    }
    const createdAt = this.options.clock.now().toISOString();
    const payload = JSON.stringify({
      client: this.clientInfo(),
      createdAt,
      mutations,
      officeKeys: this.officeKeys(),
    } satisfies ExportPayload);
    const key = createHash('sha256').update(token).digest('hex');
    const file: ExportFile = {
      format: 'rcs-sync-export',
      version: 1,
      deviceId: this.deviceId(),
      payload,
      signature: createHmac('sha256', key).update(payload).digest('hex'),
    };
    this.options.logger.info('sync.exported', { mutations: mutations.length });
    return {
      fileName: `pending-changes-${createdAt.slice(0, 10)}-${this.deviceId().slice(-8)}.rcs-sync.json`,
      content: JSON.stringify(file),
      count: mutations.length,
    };
  }

  /** Runs sync now (or joins the run in progress, which then runs once more). */
  syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    // The answer is the status once the run is over: taken inside it, it would still say
    // "running", and a screen showing it would go on saying "Syncing…".
    this.running = this.runUntilQuiet()
      .finally(() => {
        this.running = null;
        this.publish();
      })
      .then(() => this.status());
    this.publish();
    return this.running;
  }

  /** Syncs in the background every `intervalMs`, backing off after failures. */
  start(intervalMs: number): void {
    this.stop();
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        if (!this.status().enrolled) return schedule(intervalMs);
        // A run that failed outright (an error the run did not catch) must not end the
        // background sync.
        void this.syncNow()
          .catch(() => undefined)
          .then(() => {
            // 1 s, 2 s, 4 s … up to five minutes after failures, with jitter (sync.md §3).
            const backoff =
              this.failures === 0
                ? intervalMs
                : Math.min(300_000, 1000 * 2 ** Math.min(this.failures, 9)) * (0.5 + Math.random());
            schedule(backoff);
          });
      }, delay);
      this.timer.unref?.();
    };
    schedule(1000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Waits for a run in progress (closing the app). */
  async settle(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
  }

  /** What the last run moved and how long it took (logged; read by the benchmark). */
  lastRunFigures(): RunFigures {
    return { ...this.figures };
  }

  private async runUntilQuiet(): Promise<void> {
    this.lastAttemptAt = this.options.clock.now().toISOString();
    this.figures = emptyFigures();
    try {
      for (let round = 0; round < 5; round++) {
        this.rerun = false;
        await this.runOnce();
        if (!this.rerun && this.pendingCount() === 0) break;
        if (!this.rerun) break;
      }
      this.failures = 0;
      this.problem = null;
      setMeta(this.options.sqlite, META.lastSync, this.options.clock.now().toISOString());
      this.options.logger.info('sync.run_finished', {
        pushed: this.figures.pushed,
        pulledRows: this.figures.pulledRows,
        pushMs: Math.round(this.figures.pushMs),
        pullMs: Math.round(this.figures.pullMs),
      });
    } catch (error) {
      this.failures++;
      this.problem = (error as Error).message;
      if (error instanceof HttpError && error.status === 409) {
        setMeta(this.options.sqlite, META.mustReenrol, '1');
      }
      this.options.logger.warn('sync.run_failed', { problem: this.problem });
    }
  }

  private async runOnce(): Promise<void> {
    const url = getMeta(this.options.sqlite, META.url);
    const token = getMeta(this.options.sqlite, META.token);
    if (!url || !token) throw new SyncStopped('This computer is not enrolled with a state server.');
    if (this.status().mustReenrol) {
      throw new SyncStopped(
        'This computer’s database was restored from a backup. Enrol it again before it syncs.',
      );
    }
    await this.leaseNumbers(url, token);
    let started = performance.now();
    await this.push(url, token);
    this.figures.pushMs += performance.now() - started;
    started = performance.now();
    await this.pull(url, token);
    this.figures.pullMs += performance.now() - started;
    await this.fetchIssues(url, token);
  }

  // ── numbers (sync.md §6) ──────────────────────────────────────────────────────────────

  /**
   * Asks for a fresh block of every series running low, then replaces the provisional
   * numbers given while none was left, so the push that follows carries the final ones.
   */
  private async leaseNumbers(url: string, token: string): Promise<void> {
    const { numbers, clock } = this.options;
    const fieldLaptop = Boolean(getMeta(this.options.sqlite, META.fieldUser));
    const officeId = fieldLaptop ? null : (getMeta(this.options.sqlite, META.office) ?? '');
    const wants = numbers.wantedSeries(clock.now(), officeId);
    if (wants.length > 0) {
      const response = await this.request(url, '/sync/v1/numbers', token, {
        client: this.clientInfo(),
        wants,
      });
      const { leases } = numbersResponseSchema.parse(response);
      numbers.storeLeases(leases, clock.now().toISOString());
      if (leases.length > 0)
        this.options.logger.info('sync.numbers_leased', { blocks: leases.length });
    }
    const replaced = numbers.replaceProvisional();
    if (replaced > 0) this.options.logger.info('sync.provisional_replaced', { replaced });
  }

  // ── push ──────────────────────────────────────────────────────────────────────────────

  private async push(url: string, token: string): Promise<void> {
    let batchSize = PUSH_MAX_MUTATIONS;
    for (let guard = 0; guard < 10_000; guard++) {
      const batch = this.nextBatch(batchSize);
      if (batch.length === 0) return;
      let response: unknown;
      try {
        response = await this.request(url, '/sync/v1/push', token, {
          client: this.clientInfo(),
          mutations: batch,
          officeKeys: this.officeKeys(),
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
      this.figures.pushed += batch.length;
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
  private nextBatch(limit: number, afterSeq = 0): WireMutation[] {
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

  // ── pull ──────────────────────────────────────────────────────────────────────────────

  private async pull(url: string, token: string): Promise<void> {
    for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
      const cursors = this.cursors();
      const response = pullResponseSchema.parse(
        await this.request(url, '/sync/v1/pull', token, {
          client: this.clientInfo(),
          cursors,
          ...(this.options.pullPageRows ? { limit: this.options.pullPageRows } : {}),
        }),
      );
      if (response.serverTime) {
        this.options.writer.observeServerTime(Date.parse(response.serverTime));
      }
      // A bucket the server no longer gives this device stops being followed. An office's
      // rows stay (the registrar may still need to read them); a society that left (a field
      // laptop's assignment ended, or it moved office) is forgotten once nothing waits to
      // go up from it (sync.md §3, §7).
      const kept = Object.fromEntries(
        Object.entries(cursors).filter(([bucket]) => response.buckets.includes(bucket)),
      );
      const departed = this.departedAfter(cursors, response);
      this.storeOfficeKeys(response.officeKeys);
      const next = response.bucket ? { ...kept, [response.bucket]: response.cursor } : kept;
      if (response.rows.length > 0) {
        const started = performance.now();
        this.applyPage(response.rows, next, departed);
        this.figures.applyMs += performance.now() - started;
        this.figures.pulledRows += response.rows.length;
      } else {
        this.options.sqlite.transaction(() => {
          setMeta(this.options.sqlite, META.cursors, JSON.stringify(next));
          setMeta(this.options.sqlite, META.departed, JSON.stringify(departed));
        })();
      }
      if (!response.more) {
        this.forgetDeparted();
        return;
      }
    }
  }

  /** Societies this computer is to forget, as last stored. */
  private departed(): string[] {
    const text = getMeta(this.options.sqlite, META.departed);
    return text ? z.array(z.string()).parse(JSON.parse(text)) : [];
  }

  /**
   * The societies to forget after this page: those whose bucket was followed and is no
   * longer given, and those the page says left its bucket; less those that came back (a
   * society bucket given again, a society row later than its leaving).
   */
  private departedAfter(cursors: Record<string, number>, page: PullResponse): string[] {
    const departed = new Set(this.departed());
    for (const bucket of Object.keys(cursors)) {
      const id = societyOfBucket(bucket);
      if (id && !page.buckets.includes(bucket)) departed.add(id);
    }
    for (const bucket of page.buckets) {
      const id = societyOfBucket(bucket);
      if (id) departed.delete(id);
    }
    const arrived = new Map<string, number>();
    for (const row of page.rows) if (row.table === 'societies') arrived.set(row.id, row.serverSeq);
    const left = new Map(page.departed.map((move) => [move.societyId, move.serverSeq]));
    for (const [id, seq] of arrived) if ((left.get(id) ?? 0) < seq) departed.delete(id);
    for (const [id, seq] of left) if ((arrived.get(id) ?? 0) < seq) departed.add(id);
    return [...departed];
  }

  /**
   * Deletes the local rows of societies this computer no longer holds (a field laptop's
   * audit was reassigned or closed; a society moved to another office), except one with
   * changes still waiting to go up: it is forgotten after a later sync, when the server
   * has decided them.
   */
  private forgetDeparted(): void {
    const departed = this.departed();
    if (departed.length === 0) return;
    const { sqlite } = this.options;
    const conditions = societyRowConditions();
    const pending = this.prepare(
      `SELECT 1 FROM outbox_rows r JOIN outbox o ON o.seq = r.seq
       WHERE o.state = 'pending' AND r.table_name = ? AND r.row_id = ? LIMIT 1`,
    );
    // Every row of each society, found before any goes (a child is found through its parent).
    const rowsOf = (society: string) =>
      [...conditions].map(([table, condition]) => ({
        table,
        ids: this.prepare(`SELECT id FROM ${table} WHERE ${condition}`)
          .pluck()
          .all({ society }) as string[],
      }));
    const plans = departed.map((society) => ({ society, rows: rowsOf(society) }));
    const ready = plans.filter(
      ({ rows }) => !rows.some(({ table, ids }) => ids.some((id) => pending.get(table, id))),
    );
    if (ready.length === 0) return;
    // A record of the office may still point at a forgotten one (a name reservation at the
    // application that used it): the reference stays, as it does for a row not yet pulled.
    sqlite.pragma('foreign_keys = OFF');
    try {
      sqlite.transaction(() => {
        this.options.onForgetting(ready.map(({ society }) => society));
        this.prepare('INSERT INTO temp.forget_guard (open) VALUES (1)').run();
        for (const { rows } of ready) {
          for (const { table, ids } of rows) {
            const drop = this.prepare(`DELETE FROM ${table} WHERE id = ?`);
            for (const id of ids) drop.run(id);
          }
        }
        this.prepare('DELETE FROM temp.forget_guard').run();
        const left = departed.filter((society) => !ready.some((plan) => plan.society === society));
        setMeta(sqlite, META.departed, JSON.stringify(left));
      })();
    } catch (error) {
      // Never a reason for the sync to stop: the rows stay, and the next run tries again.
      this.options.logger.warn('sync.forget_failed', { problem: (error as Error).message });
      return;
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
    this.options.logger.info('sync.societies_forgotten', { count: ready.length });
    this.options.onPulled({ tables: new Set(conditions.keys()), societyIds: new Set() });
  }

  /** The head of this computer's record of changes, for the server to countersign. */
  private auditHead(): { seq: number; hash: string } | null {
    const text = getMeta(this.options.sqlite, AUDIT_HEAD_KEY);
    return text ? (JSON.parse(text) as { seq: number; hash: string }) : null;
  }

  private officeKeys(): OfficeKey[] {
    return this.prepare(
      `SELECT key_id AS keyId, office_id AS officeId, public_key AS publicKey,
                created_at AS createdAt, retired_at AS retiredAt FROM office_keys`,
    ).all() as OfficeKey[];
  }

  /** Other offices' public keys, so certificates they print verify on this computer. */
  private storeOfficeKeys(keys: readonly OfficeKey[]): void {
    const insert = this.prepare(
      `INSERT INTO office_keys (key_id, office_id, public_key, created_at, retired_at)
       VALUES (@keyId, @officeId, @publicKey, @createdAt, @retiredAt)
       ON CONFLICT (key_id) DO UPDATE SET retired_at = coalesce(office_keys.retired_at, excluded.retired_at)
       WHERE office_keys.public_key = excluded.public_key`,
    );
    this.options.sqlite.transaction(() => {
      for (const key of keys) insert.run(key);
    })();
  }

  private cursors(): Record<string, number> {
    const text = getMeta(this.options.sqlite, META.cursors);
    return text ? z.record(z.string(), z.number()).parse(JSON.parse(text)) : {};
  }

  /**
   * Writes one pulled page and its cursor in one transaction (sync.md §3). A row with
   * changes still waiting to be pushed keeps the values of those changes (rebased on the
   * server's row); the server's decision on them arrives with a later page.
   */
  applyPage(
    rows: readonly PulledRow[],
    cursors: Record<string, number>,
    departed: readonly string[] = this.departed(),
  ): void {
    const { sqlite } = this.options;
    const ordered = rows.filter((row) => isSyncTable(row.table)).sort(byTableOrder);
    const pendingColumns = this.pendingColumns();
    const tables = new Set<SyncTable>();
    const societyIds = new Set<string>();
    // A page may hold a child before its parent (the parent changed later, so it comes in a
    // later page): foreign keys are checked when the pull is complete, not per page.
    sqlite.pragma('foreign_keys = OFF');
    try {
      sqlite.transaction(() => {
        this.prepare('INSERT INTO temp.mutation_guard (open) VALUES (1)').run();
        for (const row of ordered) {
          const table = row.table as SyncTable;
          const kept = pendingColumns.get(`${table}:${row.id}`);
          if (kept === 'all') continue;
          if (!this.upsertUnlessClashing(table, row, kept ?? new Set())) continue;
          tables.add(table);
          if (table === 'societies') societyIds.add(row.id);
          else if (typeof row.data['society_id'] === 'string')
            societyIds.add(row.data['society_id']);
        }
        setMeta(sqlite, META.cursors, JSON.stringify(cursors));
        setMeta(sqlite, META.departed, JSON.stringify(departed));
        this.prepare('DELETE FROM temp.touched_rows').run();
        this.prepare('DELETE FROM temp.mutation_guard').run();
      })();
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
    this.options.onPulled({ tables, societyIds });
  }

  /**
   * Rows with changes not yet decided by the server: the columns those changes set (the
   * mutation's own row), or 'all' for the other rows its transaction wrote.
   */
  private pendingColumns(): Map<string, Set<string> | 'all'> {
    const kept = new Map<string, Set<string> | 'all'>();
    const pending = this.prepare(
      "SELECT seq, entity, entity_id AS entityId, args FROM outbox WHERE state = 'pending'",
    ).all() as { seq: number; entity: string; entityId: string; args: string }[];
    if (pending.length === 0) return kept;
    for (const mutation of pending) {
      const table = ENTITY_TABLES[mutation.entity as SyncEntity];
      if (!table) continue;
      const key = `${table}:${mutation.entityId}`;
      const columns = kept.get(key);
      if (columns === 'all') continue;
      const set = columns ?? new Set<string>();
      for (const field of Object.keys(JSON.parse(mutation.args) as object))
        set.add(columnOf(field));
      kept.set(key, set);
    }
    const touched = this.prepare(
      `SELECT r.table_name AS tableName, r.row_id AS rowId FROM outbox_rows r
         JOIN outbox o ON o.seq = r.seq WHERE o.state = 'pending'`,
    ).all() as { tableName: string; rowId: string }[];
    for (const row of touched) {
      const key = `${row.tableName}:${row.rowId}`;
      if (!kept.has(key)) kept.set(key, 'all');
    }
    return kept;
  }

  private readonly columnCache = new Map<string, string[]>();

  private columnsOf(table: SyncTable): string[] {
    let columns = this.columnCache.get(table);
    if (!columns) {
      const local = LOCAL_COLUMNS[table] ?? [];
      columns = (
        this.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as {
          name: string;
        }[]
      )
        .map((column) => column.name)
        .filter((name) => !local.includes(name));
      this.columnCache.set(table, columns);
    }
    return columns;
  }

  /**
   * Writes a pulled row unless it clashes with a unique value held by another row of this
   * computer (a user name set up here before enrolment, a society this computer entered
   * that the server refused): that one row is left out and logged, and the rest of the
   * page goes on, so one clash never stops the sync.
   */
  private upsertUnlessClashing(
    table: SyncTable,
    row: PulledRow,
    keep: ReadonlySet<string>,
  ): boolean {
    const savepoint = this.prepare('SAVEPOINT pulled_row');
    const release = this.prepare('RELEASE pulled_row');
    savepoint.run();
    try {
      this.upsert(table, row, keep);
      release.run();
      return true;
    } catch (error) {
      this.prepare('ROLLBACK TO pulled_row').run();
      release.run();
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      this.options.logger.warn('sync.pulled_row_clashes', { table, id: row.id });
      return false;
    }
  }

  private upsert(table: SyncTable, row: PulledRow, keep: ReadonlySet<string>): void {
    const data: Record<string, unknown> = { ...row.data, id: row.id, version: row.version };
    // Columns this app version does not know stay on the server (sync.md §8).
    const columns = this.columnsOf(table).filter((column) => column in data);
    const values = columns.map((column) => bindable(data[column]));
    const updates = columns.filter((column) => column !== 'id' && !keep.has(column));
    const extraColumns = table === 'societies' ? ', search_rowid' : '';
    // A society new to this computer gets the next full-text row key of this computer.
    const extraValues =
      table === 'societies' ? ', (SELECT coalesce(max(search_rowid), 0) + 1 FROM societies)' : '';
    const sql = `INSERT INTO ${table} (${columns.join(', ')}${extraColumns})
      VALUES (${columns.map(() => '?').join(', ')}${extraValues})
      ON CONFLICT (id) DO ${
        updates.length > 0
          ? `UPDATE SET ${updates.map((column) => `${column} = excluded.${column}`).join(', ')}`
          : 'NOTHING'
      }`;
    this.prepare(sql).run(...values);
  }

  // ── issues ────────────────────────────────────────────────────────────────────────────

  private async fetchIssues(url: string, token: string): Promise<void> {
    const response = z
      .object({ issues: z.array(syncIssueSchema) })
      .parse(await this.request(url, '/sync/v1/issues', token, { client: this.clientInfo() }));
    const { sqlite } = this.options;
    const now = this.options.clock.now().toISOString();
    const insert = this.prepare(
      'INSERT INTO sync_issues (id, kind, data, fetched_at) VALUES (?, ?, ?, ?)',
    );
    sqlite.transaction(() => {
      this.prepare('DELETE FROM sync_issues').run();
      for (const issue of response.issues)
        insert.run(issue.id, issue.kind, JSON.stringify(issue), now);
    })();
  }

  // ── plumbing ──────────────────────────────────────────────────────────────────────────

  private pendingCount(): number {
    return (
      this.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as {
        n: number;
      }
    ).n;
  }

  private deviceId(): string {
    return getMeta(this.options.sqlite, 'device_id') ?? '';
  }

  private clientInfo(): ClientInfo {
    return {
      protocol: SYNC_PROTOCOL_VERSION,
      schemaVersion: this.options.schemaVersion,
      appVersion: this.options.appVersion,
      deviceId: this.deviceId(),
      installEpoch: getMeta(this.options.sqlite, 'install_epoch') ?? '',
    };
  }

  /** The epoch in the database differs from the one kept beside it: a restored backup. */
  private restoredFromBackup(): boolean {
    const file = join(this.options.dataDir, 'install-epoch');
    if (!existsSync(file)) return false;
    return readFileSync(file, 'utf8').trim() !== getMeta(this.options.sqlite, 'install_epoch');
  }

  private async request(
    url: string,
    path: string,
    token: string | null,
    body: unknown,
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      this.online = false;
      throw new Error(
        `The state server at ${url} cannot be reached (${(error as Error).message}). Work goes on here and syncs when it can.`,
        { cause: error },
      );
    }
    this.online = true;
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const message =
        (parsed as { error?: string } | null)?.error ??
        `The state server answered ${response.status}.`;
      throw new HttpError(response.status, message);
    }
    return parsed;
  }

  private publish(): void {
    this.options.onStatus?.(this.status());
  }
}

export interface RunFigures {
  /** Mutations sent (each counted once per batch that carried it). */
  pushed: number;
  pushMs: number;
  pulledRows: number;
  pullMs: number;
  /** Time spent writing pulled pages into the local tables. */
  applyMs: number;
}

function emptyFigures(): RunFigures {
  return { pushed: 0, pushMs: 0, pulledRows: 0, pullMs: 0, applyMs: 0 };
}

export type SyncIssueRow = SyncIssue & {
  recordLabel: string;
  madeByName: string;
  theirsByName: string | null;
  fromThisDevice: boolean;
};

const TABLE_LABELS: Record<string, string> = {
  societies: 'Society',
  society_area_villages: 'Area of operation',
  registration_applications: 'Application',
  annual_returns: 'Annual return',
  audits: 'Audit',
  audit_observations: 'Audit observation',
  certificates: 'Certificate',
  users: 'User',
  status_orders: 'Status order',
  number_allocations: 'Number given',
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** "registry.example:8787" → "http://registry.example:8787", without a trailing slash. */
export function normaliseServerUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const url = new URL(withScheme);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** SQLite takes numbers, strings, bigints, buffers and null; JSON values become text. */
function bindable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
