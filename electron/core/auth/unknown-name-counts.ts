/** The most names remembered at once; past it, the name tried longest ago is forgotten. */
const MAX_NAMES = 10_000;
/** A name not tried for a day is forgotten. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** Wrong tries under one name, and the instant before which the name waits. */
export interface FailureCount {
  failures: number;
  /** 0 while the name does not wait. */
  lockedUntilMs: number;
}

/**
 * The lockout counters of sign-in names that no user has, so a stranger meets the same
 * warnings and waits under any name and cannot tell which names are real.
 *
 * A real user's counter is a row of `user_credentials`, keyed by the user's id (a foreign
 * key to `users`), so an unknown name has no row to be counted in, and a table of its own
 * would need a migration. Kept in memory instead, and bounded, because a stranger can try
 * a million names: at most MAX_NAMES, each forgotten a day after its last try. What that
 * costs: an unknown name's count is forgotten when the app restarts, after a day without a
 * try, or after MAX_NAMES other names have been tried since, where a real one's is kept
 * until its right password is given; telling names apart that way takes a day's wait or
 * ten thousand slow password checks, for one name.
 */
export class UnknownNameCounts {
  /** In order of the last try, oldest first (each update moves its name to the end). */
  private readonly counts = new Map<string, FailureCount & { lastTriedMs: number }>();

  constructor(
    private readonly maxNames = MAX_NAMES,
    private readonly forgetAfterMs = FORGET_AFTER_MS,
  ) {}

  /** The name's count so far; undefined for a name not tried, or forgotten. */
  get(name: string, nowMs: number): FailureCount | undefined {
    const count = this.counts.get(name);
    if (!count || nowMs - count.lastTriedMs > this.forgetAfterMs) return undefined;
    return { failures: count.failures, lockedUntilMs: count.lockedUntilMs };
  }

  /** Records the name's count after a wrong try, forgetting the names past their time. */
  set(name: string, count: FailureCount, nowMs: number): void {
    this.counts.delete(name);
    this.counts.set(name, { ...count, lastTriedMs: nowMs });
    for (const [oldest, { lastTriedMs }] of this.counts) {
      if (this.counts.size <= this.maxNames && nowMs - lastTriedMs <= this.forgetAfterMs) break;
      this.counts.delete(oldest);
    }
  }

  /** How many names are remembered now. */
  get size(): number {
    return this.counts.size;
  }
}
