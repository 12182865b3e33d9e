/**
 * Background sync: a run every interval while enrolled, backing off with jitter after
 * failures (1 s to 5 min, sync.md §3). The timer never keeps the process alive.
 */
export interface ScheduledSync {
  enrolled(): boolean;
  /** Runs sync now, or joins the run in progress. */
  syncNow(): Promise<unknown>;
  /** Runs that failed in a row, 0 after one that succeeded. */
  failures(): number;
}

export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sync: ScheduledSync) {}

  /** Syncs in the background every `intervalMs`, backing off after failures. */
  start(intervalMs: number): void {
    this.stop();
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        if (!this.sync.enrolled()) return schedule(intervalMs);
        // A run that failed outright (an error the run did not catch) must not end the
        // background sync.
        void this.sync
          .syncNow()
          .catch(() => undefined)
          .then(() => {
            // 1 s, 2 s, 4 s … up to five minutes after failures, with jitter (sync.md §3).
            const failures = this.sync.failures();
            const backoff =
              failures === 0
                ? intervalMs
                : Math.min(300_000, 1000 * 2 ** Math.min(failures, 9)) * (0.5 + Math.random());
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
}
