import type { SessionUser } from '#shared/auth/contract';
import type { SessionGate } from '../dispatch';
import type { Sqlite } from '../db/open-database';
import { statementCache } from '../db/statement-cache';
import type { Clock, Logger } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import type { MutationWriter } from '../sync/mutation-writer';
import { IdleLockSetting } from './idle-lock-setting';
import { PasswordChecker } from './password-checker';
import type { PasswordHasher } from './password-hasher';
import { Sessions } from './sessions';
import { SignIn } from './sign-in';
import { UserAdmin } from './user-admin';
import { UserStore } from './user-store';

/**
 * Users, passwords and sessions (issue #3). Sessions are keyed by the transport's session
 * id (one per Electron window, one per browser-mode cookie); the renderer never holds a
 * credential. The idle lock is enforced here as well as drawn by the renderer.
 *
 * Each part owns one of these; they share one statement cache and one store of user rows.
 * It is itself the dispatch's session gate (sessionState, touch, checkPassword); the rest of
 * the core calls the part that owns what it needs.
 */
export class AuthService implements SessionGate {
  /** The signed-in sessions: idle lock, lock screen, counter mode, sign-out. */
  readonly sessions: Sessions;
  /** First start, sign-in and a user changing their own password. */
  readonly signIn: SignIn;
  /** The password check with the lockout, behind sign-in, unlock and confirmations. */
  readonly passwords: PasswordChecker;
  /** The administrator's work on user accounts. */
  readonly users: UserAdmin;
  /** The minutes of inactivity after which a session locks. */
  readonly idleLock: IdleLockSetting;

  constructor(
    sqlite: Sqlite,
    writer: MutationWriter,
    reference: ReferenceService,
    hasher: PasswordHasher,
    clock: Clock,
    logger: Logger,
  ) {
    // Preparing dominates the cost of a small query, so each SQL text is prepared once.
    const prepare = statementCache(sqlite);
    const store = new UserStore(prepare, reference);
    this.idleLock = new IdleLockSetting(sqlite, writer);
    this.passwords = new PasswordChecker(prepare, store, writer, hasher, clock, logger);
    this.sessions = new Sessions(store, this.idleLock, this.passwords, clock, logger);
    this.signIn = new SignIn(
      prepare,
      store,
      this.sessions,
      this.passwords,
      writer,
      hasher,
      clock,
      logger,
    );
    this.users = new UserAdmin(prepare, store, this.sessions, writer, hasher, logger);
  }

  /** See {@link Sessions.sessionState}: the session's user after the idle lock, or null. */
  sessionState(
    sessionId: string,
  ): { user: SessionUser; locked: boolean; mustChangePassword: boolean } | null {
    return this.sessions.sessionState(sessionId);
  }

  /** See {@link Sessions.touch}: a request that keeps the screen unlocked. */
  touch(sessionId: string): void {
    this.sessions.touch(sessionId);
  }

  /** See {@link PasswordChecker.checkPassword}: rejects a wrong password, with the lockout. */
  checkPassword(userId: string, password: string): Promise<void> {
    return this.passwords.checkPassword(userId, password);
  }
}
