/**
 * The desktop's side of sync (sync.md §3): enrols with the state server, pushes the outbox
 * in seq order with the rows each change wrote, pulls its buckets page by page into the
 * local tables, and keeps the office's sync issues for the inbox. One run at a time; a
 * local write during a run makes it run again.
 *
 * This class composes the parts (enrolment, number leases, push, pull, issues, export,
 * the background schedule), runs one sync through them and owns the status.
 */
import type { SyncStatus } from '#shared/sync/contract';
import { getMeta, setMeta } from '../db/app-meta';
import { statementCache, type Prepare } from '../db/statement-cache';
import { BucketPull } from './bucket-pull';
import { DepartedSocieties } from './departed-societies';
import { Enrolment } from './enrolment';
import type { Actor } from './mutation-writer';
import { NumberLeases } from './number-leases';
import { OutboxPush } from './outbox-push';
import { PendingExport } from './pending-export';
import { PulledPageWriter } from './pulled-page';
import { HttpError, ServerConnection } from './server-connection';
import {
  META,
  emptyFigures,
  travellingColumns,
  type RunFigures,
  type SyncClientOptions,
} from './sync-context';
import { SyncIssues, type SyncIssueRow } from './sync-issues';
import { SyncScheduler } from './sync-scheduler';

export type { SyncStatus };
export type { NumberLeasing, RunFigures, SyncClientOptions } from './sync-context';
export type { SyncIssueRow } from './sync-issues';
export { HttpError, normaliseServerUrl } from './server-connection';

/** A failure the user must act on (not enrolled, revoked, restored, too old): no retry. */
export class SyncStopped extends Error {}

export class SyncClient {
  private running: Promise<SyncStatus> | null = null;
  private rerun = false;
  private problem: string | null = null;
  private lastAttemptAt: string | null = null;
  private failures = 0;
  private figures: RunFigures = emptyFigures();
  private readonly prepare: Prepare;
  private readonly server: ServerConnection;
  private readonly enrolment: Enrolment;
  private readonly leases: NumberLeases;
  private readonly outbox: OutboxPush;
  private readonly departed: DepartedSocieties;
  private readonly page: PulledPageWriter;
  private readonly buckets: BucketPull;
  private readonly inbox: SyncIssues;
  private readonly pendingExport: PendingExport;
  private readonly scheduler: SyncScheduler;

  constructor(private readonly options: SyncClientOptions) {
    this.prepare = statementCache(options.sqlite);
    this.server = new ServerConnection(options);
    const columnsOf = travellingColumns(this.prepare);
    this.enrolment = new Enrolment(options, this.prepare, this.server);
    this.leases = new NumberLeases(options, this.server);
    this.outbox = new OutboxPush(options, this.prepare, this.server);
    this.departed = new DepartedSocieties(options, this.prepare);
    this.page = new PulledPageWriter(options, this.prepare, columnsOf);
    this.buckets = new BucketPull(options, this.prepare, this.server, this.page, this.departed);
    this.inbox = new SyncIssues(options, this.prepare, this.server, columnsOf);
    this.pendingExport = new PendingExport(options, this.prepare, this.server, this.outbox);
    this.scheduler = new SyncScheduler({
      enrolled: () => this.status().enrolled,
      syncNow: () => this.syncNow(),
      failures: () => this.failures,
    });
  }

  status(): SyncStatus {
    const { sqlite } = this.options;
    const pending = this.prepare(
      "SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state = 'pending'",
    ).get() as { n: number; oldest: string | null };
    return {
      enrolled: Boolean(getMeta(sqlite, META.token)),
      serverUrl: getMeta(sqlite, META.url) ?? null,
      officeId: getMeta(sqlite, META.office) ?? null,
      online: this.server.online,
      running: this.running !== null,
      lastSyncAt: getMeta(sqlite, META.lastSync) ?? null,
      lastAttemptAt: this.lastAttemptAt,
      pending: pending.n,
      oldestPendingAt: pending.oldest,
      issues: this.inbox.count(),
      problem: this.problem,
      mustReenrol: this.enrolment.mustReenrol(),
      fieldLaptopOf: this.enrolment.fieldLaptopOf(),
      // Real time, never the injected clock: it orders statuses, it dates nothing.
      takenAt: performance.timeOrigin + performance.now(),
    };
  }

  /** The office's sync issues as last fetched, newest first, with names a person reads. */
  issues(): SyncIssueRow[] {
    return this.inbox.list();
  }

  /**
   * The registrar's decision on an issue, recorded as a `conflict.resolve` change: the
   * server applies it (keeping this side's values, or the server's) and every computer of
   * the office receives the result. The issue leaves the inbox at once.
   */
  resolve(actor: Actor, issueId: string, choice: 'mine' | 'theirs'): SyncStatus {
    this.inbox.resolve(actor, issueId, choice);
    // The decision goes up at once when the server can be reached.
    void this.syncNow();
    return this.status();
  }

  /**
   * Enrols this computer with the state server using the administrator's one-time code.
   * Changes made before enrolment by the app itself (the demo register) stay on this
   * computer; everything people entered goes up at the first sync.
   */
  async enrol(serverUrl: string, code: string, label: string): Promise<SyncStatus> {
    const enrolled = await this.enrolment.enrol(serverUrl, code, label);
    // Its first blocks of numbers come with the enrolment, so the office can register at
    // once; if that fails, the first sync asks again.
    try {
      await this.leases.lease(enrolled.url, enrolled.token);
    } catch (error) {
      this.options.logger.warn('sync.numbers_not_leased', { problem: (error as Error).message });
    }
    this.problem = null;
    this.options.logger.info('sync.enrolled', { officeId: enrolled.officeId });
    this.publish();
    return this.status();
  }

  /**
   * Every change not yet decided by the server, signed into one file for the state office
   * to import when this computer has no network (or was withdrawn from sync). The changes
   * stay pending here: if they also arrive by sync later, the server answers duplicates.
   */
  exportPending(): Promise<{ fileName: string; count: number; url: string | null }> {
    return this.pendingExport.exportPending();
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
    this.scheduler.start(intervalMs);
  }

  stop(): void {
    this.scheduler.stop();
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
    await this.leases.lease(url, token);
    let started = performance.now();
    await this.outbox.push(url, token, this.figures);
    this.figures.pushMs += performance.now() - started;
    started = performance.now();
    await this.buckets.pull(url, token, this.figures);
    this.figures.pullMs += performance.now() - started;
    await this.inbox.fetch(url, token);
  }

  private pendingCount(): number {
    return (
      this.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as {
        n: number;
      }
    ).n;
  }

  private publish(): void {
    this.options.onStatus?.(this.status());
  }
}
