import { DEFAULT_IDLE_LOCK_MINUTES } from '#shared/auth/roles';
import { getMeta, setMeta } from '../db/app-meta';
import type { Sqlite } from '../db/open-database';
import type { Actor, MutationWriter } from '../sync/mutation-writer';

const IDLE_LOCK_KEY = 'idle_lock_minutes';

/** The minutes of inactivity after which a session locks, set by the administrator. */
export class IdleLockSetting {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly writer: MutationWriter,
  ) {}

  /** The stored minutes, or the default when none (or nothing sensible) is stored. */
  idleLockMinutes(): number {
    const stored = Number(getMeta(this.sqlite, IDLE_LOCK_KEY));
    return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_LOCK_MINUTES;
  }

  /** Stores new minutes with a record-of-changes note; the same minutes again write nothing. */
  setIdleLockMinutes(actor: Actor, minutes: number): void {
    const before = this.idleLockMinutes();
    if (before === minutes) return;
    this.writer.run(actor, (tx) => {
      setMeta(this.sqlite, IDLE_LOCK_KEY, String(minutes));
      tx.note({
        name: 'settings.update',
        entity: 'setting',
        entityId: IDLE_LOCK_KEY,
        args: { idleLockMinutes: minutes },
        baseVersion: null,
        base: { idleLockMinutes: before },
      });
    });
  }
}
