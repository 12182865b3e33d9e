import { AppError } from '#shared/errors';
import type { AuthStatus, SessionUser } from '#shared/auth/contract';
import type { Clock, Logger } from '../ports';
import type { IdleLockSetting } from './idle-lock-setting';
import type { PasswordChecker } from './password-checker';
import type { UserStore } from './user-store';
import { rewordWrongPassword } from './wrong-password';

/** One window's sign-in, held here and never in the renderer. */
interface Session {
  userId: string;
  lastActivityMs: number;
  locked: boolean;
  /**
   * Counter mode: the clerk handed the keyboard to a society's secretary, who may reach
   * only that society's return for that year until the clerk closes it with a password.
   */
  counter: CounterTarget | null;
}

/** The one return a counter session may reach. */
export interface CounterTarget {
  societyId: string;
  fy: string;
}

/**
 * The signed-in sessions, keyed by the transport's session id (one per Electron window,
 * one per browser-mode cookie), with the idle lock, the lock screen and counter mode.
 * They live in memory only: a restart signs everyone out.
 */
export class Sessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly store: UserStore,
    private readonly idleLock: IdleLockSetting,
    private readonly passwords: PasswordChecker,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Whether the first start still needs its administrator, and the session's sign-in. */
  status(sessionId: string): AuthStatus {
    const session = this.liveSession(sessionId);
    const setupNeeded = this.store.userCount() === 0;
    if (!session) return { setupNeeded, session: null };
    const user = this.store.findUser(session.userId);
    const credential = this.store.credential(session.userId);
    // A user deactivated by any route (here, another process, or sync later) is signed out.
    if (!user || !credential || !user.active) {
      this.sessions.delete(sessionId);
      return { setupNeeded, session: null };
    }
    const sessionUser = this.store.sessionUser(user);
    return {
      setupNeeded,
      session: {
        // In counter mode the session acts with the secretary's narrow role, whoever opened it.
        user: session.counter ? { ...sessionUser, role: 'counter_secretary' } : sessionUser,
        counter: session.counter,
        locked: session.locked,
        mustChangePassword: Boolean(credential.mustChange),
        idleLockMinutes: this.idleLock.idleLockMinutes(),
      },
    };
  }

  /**
   * The signed-in user of a session, after applying the idle lock. Null when nobody is
   * signed in (or the user was deactivated meanwhile).
   */
  sessionState(
    sessionId: string,
  ): { user: SessionUser; locked: boolean; mustChangePassword: boolean } | null {
    const status = this.status(sessionId).session;
    return status
      ? { user: status.user, locked: status.locked, mustChangePassword: status.mustChangePassword }
      : null;
  }

  /** Any request but `auth.status` counts as activity and keeps the screen unlocked. */
  touch(sessionId: string): void {
    const session = this.liveSession(sessionId);
    if (session && !session.locked) session.lastActivityMs = this.clock.now().getTime();
  }

  /**
   * Moves a sign-in to a new session id (browser mode replaces the cookie at every sign-in,
   * so an id planted in the browser beforehand never becomes a signed-in session).
   */
  moveSession(from: string, to: string): void {
    const session = this.sessions.get(from);
    if (!session) return;
    this.sessions.delete(from);
    this.sessions.set(to, session);
  }

  /** The clerk hands the keyboard to a secretary: this session now reaches one return only. */
  openCounter(sessionId: string, target: CounterTarget): AuthStatus {
    const session = this.requireSession(sessionId);
    if (session.counter) throw new AppError('conflict', 'A counter session is already open.');
    session.counter = { ...target };
    this.logger.info('auth.counter_opened', {
      userId: session.userId,
      societyId: target.societyId,
    });
    return this.status(sessionId);
  }

  /** The return the session's counter mode reaches, or null outside counter mode. */
  counterOf(sessionId: string): CounterTarget | null {
    return this.sessions.get(sessionId)?.counter ?? null;
  }

  /** The clerk takes the keyboard back, proving it with their own password. */
  async closeCounter(sessionId: string, password: string): Promise<AuthStatus> {
    const session = this.requireSession(sessionId);
    if (!session.counter) return this.status(sessionId);
    await this.passwords.checkPassword(session.userId, password).catch(
      rewordWrongPassword(
        new AppError(
          'unauthenticated',
          'That is not the password of the clerk who opened the counter.',
          {
            password: 'That is not the password of the clerk who opened the counter.',
          },
        ),
      ),
    );
    this.logger.info('auth.counter_closed', { userId: session.userId });
    session.counter = null;
    session.lastActivityMs = this.clock.now().getTime();
    return this.status(sessionId);
  }

  /** Locks the screen at the user's asking; the session stays signed in. */
  lock(sessionId: string): AuthStatus {
    const session = this.liveSession(sessionId);
    if (session && !session.locked) {
      session.locked = true;
      this.logger.info('auth.screen_locked', { userId: session.userId, reason: 'asked' });
    }
    return this.status(sessionId);
  }

  /** Unlocks the screen with the signed-in user's password (`unauthenticated` when wrong). */
  async unlock(sessionId: string, password: string): Promise<AuthStatus> {
    const session = this.requireSession(sessionId);
    // Nobody typed a user name on the lock screen: say only that the password is wrong.
    await this.passwords
      .checkPassword(session.userId, password)
      .catch(rewordWrongPassword(new AppError('unauthenticated', 'Your password is wrong.')));
    session.locked = false;
    session.lastActivityMs = this.clock.now().getTime();
    this.logger.info('auth.screen_unlocked', { userId: session.userId });
    return this.status(sessionId);
  }

  /** Signs the session out; signing out a session nobody holds does nothing. */
  logout(sessionId: string): AuthStatus {
    const session = this.sessions.get(sessionId);
    if (session) this.logger.info('auth.signed_out', { userId: session.userId });
    this.sessions.delete(sessionId);
    return this.status(sessionId);
  }

  /** Ends every session of a user (deactivated, or password reset by the administrator). */
  endSessionsOf(userId: string): void {
    for (const [id, session] of this.sessions)
      if (session.userId === userId) this.sessions.delete(id);
  }

  /** Signs a user in on this session, unlocked and outside counter mode. */
  startSession(sessionId: string, userId: string): void {
    this.sessions.set(sessionId, {
      userId,
      lastActivityMs: this.clock.now().getTime(),
      locked: false,
      counter: null,
    });
  }

  /** The session's user id; `unauthenticated` when nobody is signed in on it. */
  requireUserId(sessionId: string): string {
    return this.requireSession(sessionId).userId;
  }

  /** The session, locked if it has been idle too long; null when nobody is signed in. */
  private liveSession(sessionId: string): Session | null {
    const session = this.sessions.get(sessionId);
    if (!session) return null;
    const idleMs = this.clock.now().getTime() - session.lastActivityMs;
    if (!session.locked && idleMs >= this.idleLock.idleLockMinutes() * 60_000) {
      session.locked = true;
      this.logger.info('auth.screen_locked', { userId: session.userId, reason: 'idle' });
    }
    return session;
  }

  private requireSession(sessionId: string): Session {
    const session = this.liveSession(sessionId);
    if (!session) throw new AppError('unauthenticated', 'Sign in first.');
    return session;
  }
}
