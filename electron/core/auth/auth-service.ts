import { newId } from '../ids';
import { DEFAULT_IDLE_LOCK_MINUTES, type Role } from '#shared/auth/roles';
import { AppError } from '#shared/errors';
import type { AuthStatus, SessionUser, UserRow } from '#shared/auth/contract';
import { getMeta, setMeta } from '../db/app-meta';
import type { Sqlite } from '../db/open-database';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { Clock, Logger } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import {
  actorFor,
  type Actor,
  type MutationTx,
  type MutationWriter,
} from '../sync/mutation-writer';
import type { PasswordHasher } from './password-hasher';
import { rewordWrongPassword, wrongPasswordField } from './wrong-password';

/** Wrong passwords allowed before the account waits. */
export const FREE_ATTEMPTS = 5;
/** The first wait; each further failure doubles it, up to the cap. */
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 60 * 60_000;

const IDLE_LOCK_KEY = 'idle_lock_minutes';

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

interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  officeId: string;
  active: number;
  version: number;
}

interface CredentialRecord {
  passwordHash: string;
  mustChange: number;
  failedAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

const WRONG_CREDENTIALS = 'The user name or password is wrong.';

/**
 * Users, passwords and sessions (issue #3). Sessions are keyed by the transport's session
 * id (one per Electron window, one per browser-mode cookie); the renderer never holds a
 * credential. The idle lock is enforced here as well as drawn by the renderer.
 */
export class AuthService {
  private readonly sessions = new Map<string, Session>();
  private readonly passwordChecks = new Map<string, Promise<void>>();
  private readonly prepare: Prepare;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    // Preparing dominates the cost of a small query, so each SQL text is prepared once.
    this.prepare = statementCache(sqlite);
  }

  // ── sessions ──────────────────────────────────────────────────────────────────────────

  status(sessionId: string): AuthStatus {
    const session = this.liveSession(sessionId);
    const setupNeeded = this.userCount() === 0;
    if (!session) return { setupNeeded, session: null };
    const user = this.findUser(session.userId);
    const credential = this.credential(session.userId);
    // A user deactivated by any route (here, another process, or sync later) is signed out.
    if (!user || !credential || !user.active) {
      this.sessions.delete(sessionId);
      return { setupNeeded, session: null };
    }
    const sessionUser = this.sessionUser(user);
    return {
      setupNeeded,
      session: {
        // In counter mode the session acts with the secretary's narrow role, whoever opened it.
        user: session.counter ? { ...sessionUser, role: 'counter_secretary' } : sessionUser,
        counter: session.counter,
        locked: session.locked,
        mustChangePassword: Boolean(credential.mustChange),
        idleLockMinutes: this.idleLockMinutes(),
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
    await this.checkPassword(session.userId, password).catch(
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

  lock(sessionId: string): AuthStatus {
    const session = this.liveSession(sessionId);
    if (session && !session.locked) {
      session.locked = true;
      this.logger.info('auth.screen_locked', { userId: session.userId, reason: 'asked' });
    }
    return this.status(sessionId);
  }

  async unlock(sessionId: string, password: string): Promise<AuthStatus> {
    const session = this.requireSession(sessionId);
    // Nobody typed a user name on the lock screen: say only that the password is wrong.
    await this.checkPassword(session.userId, password).catch(
      rewordWrongPassword(new AppError('unauthenticated', 'Your password is wrong.')),
    );
    session.locked = false;
    session.lastActivityMs = this.clock.now().getTime();
    this.logger.info('auth.screen_unlocked', { userId: session.userId });
    return this.status(sessionId);
  }

  logout(sessionId: string): AuthStatus {
    const session = this.sessions.get(sessionId);
    if (session) this.logger.info('auth.signed_out', { userId: session.userId });
    this.sessions.delete(sessionId);
    return this.status(sessionId);
  }

  /** Ends every session of a user (deactivated, or password reset by the administrator). */
  private endSessionsOf(userId: string): void {
    for (const [id, session] of this.sessions)
      if (session.userId === userId) this.sessions.delete(id);
  }

  // ── first start and sign-in ───────────────────────────────────────────────────────────

  async setup(
    sessionId: string,
    input: { username: string; fullName: string; officeId: string; password: string },
  ): Promise<AuthStatus> {
    if (this.userCount() > 0) {
      throw new AppError('forbidden', 'The administrator account already exists. Sign in instead.');
    }
    this.checkOffice(input.officeId);
    this.checkPasswordNotName(input.password, input.username);
    const passwordHash = await this.hasher.hash(input.password);
    // The administrator's own creation is recorded under the administrator's id.
    const administratorId = newId();
    // Checked again inside the transaction: two first starts at once make one administrator.
    const id = this.writer.run(
      { userId: administratorId, role: 'administrator', officeId: input.officeId },
      (tx) => {
        if (this.userCount() > 0) {
          throw new AppError(
            'forbidden',
            'The administrator account already exists. Sign in instead.',
          );
        }
        return this.insertUser(
          tx,
          { ...input, role: 'administrator' },
          passwordHash,
          false,
          administratorId,
        );
      },
    );
    this.logger.info('auth.administrator_created', { userId: id });
    this.startSession(sessionId, id);
    return this.status(sessionId);
  }

  async login(sessionId: string, username: string, password: string): Promise<AuthStatus> {
    const user = this.prepare(
      `SELECT id, username, full_name AS fullName, role, office_id AS officeId, active, version
       FROM users WHERE username = ? AND deleted_at IS NULL`,
    ).get(username.trim().toLowerCase()) as UserRecord | undefined;
    if (!user) {
      // Spend the same time as a real check, so timing does not tell which names exist.
      await this.hasher.verify(DUMMY_HASH, password);
      this.logger.info('auth.sign_in_failed', { reason: 'unknown_user' });
      throw new AppError('unauthenticated', WRONG_CREDENTIALS);
    }
    await this.checkPassword(user.id, password);
    if (!user.active) {
      this.logger.info('auth.sign_in_failed', { userId: user.id, reason: 'inactive' });
      throw new AppError(
        'forbidden',
        'This account has been deactivated. Ask the administrator if you need it again.',
      );
    }
    this.prepare(
      `INSERT INTO user_credentials (user_id, last_login_at) VALUES (?, ?)
       ON CONFLICT (user_id) DO UPDATE SET last_login_at = excluded.last_login_at`,
    ).run(user.id, this.clock.now().toISOString());
    this.logger.info('auth.signed_in', { userId: user.id, role: user.role });
    this.startSession(sessionId, user.id);
    return this.status(sessionId);
  }

  async changePassword(
    sessionId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<AuthStatus> {
    const session = this.requireSession(sessionId);
    const user = this.findUser(session.userId);
    if (!user) throw new AppError('unauthenticated', 'Sign in again.');
    await this.checkPassword(user.id, currentPassword).catch(
      rewordWrongPassword(wrongPasswordField('currentPassword', 'Your current password is wrong.')),
    );
    this.checkPasswordNotName(newPassword, user.username, 'newPassword');
    if (await this.hasher.verify(this.credential(user.id)?.passwordHash ?? '', newPassword)) {
      throw new AppError('invalid_input', 'Choose a password different from the current one.', {
        newPassword: 'Choose a password different from the current one.',
      });
    }
    const passwordHash = await this.hasher.hash(newPassword);
    this.writer.run(actorFor(user), (tx) =>
      this.writePassword(tx, user.id, passwordHash, {
        mustChange: false,
        name: 'user.changePassword',
        said: '(changed by the user)',
      }),
    );
    this.logger.info('auth.password_changed', { userId: user.id });
    return this.status(sessionId);
  }

  /**
   * Checks a password for sign-in, unlock and confirmation, with the lockout: after
   * FREE_ATTEMPTS failures the account waits 30 s, then twice as long after each further
   * failure, up to an hour. A good password clears the count and upgrades an old hash.
   */
  checkPassword(userId: string, password: string): Promise<void> {
    // One check at a time per user: the count of failures is read before the slow hash and
    // written after it, so parallel guesses would otherwise all see the same count and
    // never reach the lockout.
    const previous = this.passwordChecks.get(userId) ?? Promise.resolve();
    const check = previous.then(
      () => this.checkPasswordNow(userId, password),
      () => this.checkPasswordNow(userId, password),
    );
    const settled = check.catch(() => undefined);
    this.passwordChecks.set(userId, settled);
    void settled.then(() => {
      if (this.passwordChecks.get(userId) === settled) this.passwordChecks.delete(userId);
    });
    return check;
  }

  private async checkPasswordNow(userId: string, password: string): Promise<void> {
    const credential = this.credential(userId);
    if (!credential) throw new AppError('unauthenticated', WRONG_CREDENTIALS);
    const nowMs = this.clock.now().getTime();
    if (credential.lockedUntil && Date.parse(credential.lockedUntil) > nowMs) {
      throw tooManyAttempts(Date.parse(credential.lockedUntil) - nowMs);
    }
    const good = await this.hasher.verify(credential.passwordHash, password);
    if (!good) {
      const failures = credential.failedAttempts + 1;
      const waitMs =
        failures >= FREE_ATTEMPTS
          ? Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS))
          : 0;
      this.prepare(
        `INSERT INTO user_credentials (user_id, failed_attempts, locked_until) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until`,
      ).run(userId, failures, waitMs > 0 ? new Date(nowMs + waitMs).toISOString() : null);
      this.logger.warn('auth.wrong_password', { userId, failures });
      if (waitMs > 0) throw tooManyAttempts(waitMs);
      throw new AppError(
        'unauthenticated',
        failures === FREE_ATTEMPTS - 1
          ? `${WRONG_CREDENTIALS} One more wrong try and the account waits before the next.`
          : WRONG_CREDENTIALS,
      );
    }
    this.prepare(
      'UPDATE user_credentials SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?',
    ).run(userId);
    if (this.hasher.needsRehash(credential.passwordHash)) {
      const upgraded = await this.hasher.hash(password);
      const user = this.findUser(userId);
      // The same password under today's parameters: it syncs like any change of it.
      if (user) {
        this.writer.run(actorFor(user), (tx) =>
          this.writePassword(tx, userId, upgraded, {
            mustChange: Boolean(credential.mustChange),
            name: 'user.rehashPassword',
            said: '(the same password, stored under stronger parameters)',
          }),
        );
      }
      this.logger.info('auth.password_rehashed', { userId });
    }
  }

  // ── administration ───────────────────────────────────────────────────────────────────

  listUsers(): UserRow[] {
    return (
      this.prepare(
        `SELECT u.id, u.username, u.full_name AS fullName, u.role, u.office_id AS officeId,
                u.active, u.version, p.must_change AS mustChange, c.last_login_at AS lastLoginAt
         FROM users u LEFT JOIN user_passwords p ON p.user_id = u.id AND p.deleted_at IS NULL
         LEFT JOIN user_credentials c ON c.user_id = u.id
         WHERE u.deleted_at IS NULL ORDER BY u.active DESC, u.full_name COLLATE NOCASE`,
      ).all() as (UserRecord & { mustChange: number | null; lastLoginAt: string | null })[]
    ).map((row) => this.userRow(row, row));
  }

  async createUser(
    actor: Actor,
    input: {
      username: string;
      fullName: string;
      role: Role;
      officeId: string;
      temporaryPassword: string;
    },
  ): Promise<UserRow> {
    this.checkOffice(input.officeId);
    this.checkUsernameFree(input.username);
    this.checkPasswordNotName(input.temporaryPassword, input.username, 'temporaryPassword');
    const passwordHash = await this.hasher.hash(input.temporaryPassword);
    const id = this.writer.run(actor, (tx) => {
      this.checkUsernameFree(input.username);
      return this.insertUser(tx, input, passwordHash, true);
    });
    this.logger.info('auth.user_created', { userId: id, role: input.role, by: actor.userId });
    return this.getUser(id);
  }

  updateUser(
    actor: Actor,
    input: { id: string; baseVersion: number; fullName: string; role: Role; officeId: string },
  ): UserRow {
    this.checkOffice(input.officeId);
    this.writer.run(actor, (tx) => {
      const user = this.findUser(input.id);
      if (!user) throw new AppError('not_found', 'This user does not exist.');
      if (user.version !== input.baseVersion) {
        throw new AppError(
          'conflict',
          'Someone else changed this user after you opened it. Reload to see their changes.',
        );
      }
      if (user.id === actor.userId && input.role !== 'administrator') {
        throw new AppError(
          'invalid_input',
          'You cannot take the administrator role from yourself.',
          {
            role: 'You cannot take the administrator role from yourself.',
          },
        );
      }
      const patch: Record<string, unknown> = {};
      const base: Record<string, unknown> = {};
      const before = { fullName: user.fullName, role: user.role, officeId: user.officeId };
      for (const field of ['fullName', 'role', 'officeId'] as const) {
        if (before[field] !== input[field]) {
          patch[field] = input[field];
          base[field] = before[field];
        }
      }
      if (Object.keys(patch).length === 0) return;
      this.prepare(
        `UPDATE users SET full_name = ?, role = ?, office_id = ?, version = version + 1, updated_at = ?, updated_by = ?
         WHERE id = ?`,
      ).run(input.fullName, input.role, input.officeId, tx.now, tx.userId, input.id);
      tx.record({
        name: 'user.update',
        entity: 'user',
        entityId: input.id,
        args: patch,
        baseVersion: input.baseVersion,
        base,
      });
    });
    return this.getUser(input.id);
  }

  setActive(actor: Actor, id: string, active: boolean): UserRow {
    if (id === actor.userId && !active) {
      throw new AppError('invalid_input', 'You cannot deactivate your own account.');
    }
    this.writer.run(actor, (tx) => {
      const user = this.findUser(id);
      if (!user) throw new AppError('not_found', 'This user does not exist.');
      if (Boolean(user.active) === active) return;
      this.prepare(
        'UPDATE users SET active = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
      ).run(active ? 1 : 0, tx.now, tx.userId, id);
      tx.record({
        name: active ? 'user.reactivate' : 'user.deactivate',
        entity: 'user',
        entityId: id,
        args: { active },
        baseVersion: user.version,
        base: { active: !active },
      });
    });
    if (!active) this.endSessionsOf(id);
    this.logger.info(active ? 'auth.user_reactivated' : 'auth.user_deactivated', {
      userId: id,
      by: actor.userId,
    });
    return this.getUser(id);
  }

  async resetPassword(actor: Actor, id: string, temporaryPassword: string): Promise<UserRow> {
    const user = this.findUser(id);
    if (!user) throw new AppError('not_found', 'This user does not exist.');
    this.checkPasswordNotName(temporaryPassword, user.username, 'temporaryPassword');
    const passwordHash = await this.hasher.hash(temporaryPassword);
    this.writer.run(actor, (tx) => {
      this.writePassword(tx, id, passwordHash, {
        mustChange: true,
        name: 'user.resetPassword',
        said: '(temporary, to be changed at next sign-in)',
      });
      this.prepare(
        'UPDATE user_credentials SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?',
      ).run(id);
    });
    this.endSessionsOf(id);
    this.logger.info('auth.password_reset', { userId: id, by: actor.userId });
    return this.getUser(id);
  }

  idleLockMinutes(): number {
    const stored = Number(getMeta(this.sqlite, IDLE_LOCK_KEY));
    return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_LOCK_MINUTES;
  }

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

  // ── internals ────────────────────────────────────────────────────────────────────────

  private startSession(sessionId: string, userId: string): void {
    this.sessions.set(sessionId, {
      userId,
      lastActivityMs: this.clock.now().getTime(),
      locked: false,
      counter: null,
    });
  }

  /** The session, locked if it has been idle too long; null when nobody is signed in. */
  private liveSession(sessionId: string): Session | null {
    const session = this.sessions.get(sessionId);
    if (!session) return null;
    const idleMs = this.clock.now().getTime() - session.lastActivityMs;
    if (!session.locked && idleMs >= this.idleLockMinutes() * 60_000) {
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

  private userCount(): number {
    return (
      this.prepare('SELECT count(*) AS n FROM users WHERE deleted_at IS NULL').get() as {
        n: number;
      }
    ).n;
  }

  /**
   * A user as the services see a signed-in one, for work the app finishes on their behalf
   * later (a provisional number replaced at sync, under the name of whoever gave it).
   */
  userById(id: string): SessionUser | null {
    const user = this.findUser(id);
    return user ? this.sessionUser(user) : null;
  }

  private findUser(id: string): UserRecord | undefined {
    return this.prepare(
      `SELECT id, username, full_name AS fullName, role, office_id AS officeId, active, version
       FROM users WHERE id = ? AND deleted_at IS NULL`,
    ).get(id) as UserRecord | undefined;
  }

  private getUser(id: string): UserRow {
    const user = this.findUser(id);
    if (!user) throw new AppError('not_found', 'This user does not exist.');
    const credential = this.credential(id);
    return this.userRow(user, {
      mustChange: credential?.mustChange ?? 0,
      lastLoginAt: credential?.lastLoginAt ?? null,
    });
  }

  private credential(userId: string): CredentialRecord | undefined {
    return this.prepare(
      `SELECT p.password_hash AS passwordHash, p.must_change AS mustChange,
              coalesce(c.failed_attempts, 0) AS failedAttempts, c.locked_until AS lockedUntil,
              c.last_login_at AS lastLoginAt
       FROM user_passwords p LEFT JOIN user_credentials c ON c.user_id = p.user_id
       WHERE p.user_id = ? AND p.deleted_at IS NULL`,
    ).get(userId) as CredentialRecord | undefined;
  }

  private sessionUser(user: UserRecord): SessionUser {
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      officeId: user.officeId,
      officeName: this.officeName(user.officeId),
    };
  }

  private userRow(
    user: UserRecord,
    credential: { mustChange: number | null; lastLoginAt: string | null },
  ): UserRow {
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      officeId: user.officeId,
      officeName: this.officeName(user.officeId),
      active: Boolean(user.active),
      mustChangePassword: Boolean(credential.mustChange),
      lastLoginAt: credential.lastLoginAt,
      version: user.version,
    };
  }

  private officeName(officeId: string): string {
    return this.reference.get().offices.find((office) => office.id === officeId)?.shortName ?? '—';
  }

  private checkOffice(officeId: string): void {
    if (!this.reference.get().offices.some((office) => office.id === officeId)) {
      throw new AppError('invalid_input', 'Choose the office.', { officeId: 'Choose the office.' });
    }
  }

  private checkUsernameFree(username: string): void {
    const taken = this.prepare('SELECT 1 FROM users WHERE username = ? AND deleted_at IS NULL').get(
      username,
    );
    if (taken) {
      throw new AppError('invalid_input', `The user name ${username} is already taken.`, {
        username: `The user name ${username} is already taken.`,
      });
    }
  }

  private checkPasswordNotName(password: string, username: string, field = 'password'): void {
    if (password.toLowerCase().includes(username.toLowerCase())) {
      const message = 'The password must not contain the user name.';
      throw new AppError('invalid_input', message, { [field]: message });
    }
  }

  /**
   * A new user with their password: the user row and the password row (both synced), and
   * record-of-changes entries saying a password was set, never what it is.
   * `temporary` passwords must be changed at first sign-in.
   */
  private insertUser(
    tx: MutationTx,
    input: { username: string; fullName: string; role: Role; officeId: string },
    passwordHash: string,
    temporary: boolean,
    id = tx.newId(),
  ): string {
    this.prepare(
      `INSERT INTO users (id, version, created_at, created_by, updated_at, updated_by, username, full_name, role, office_id, active)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ).run(
      id,
      tx.now,
      tx.userId,
      tx.now,
      tx.userId,
      input.username,
      input.fullName,
      input.role,
      input.officeId,
    );
    tx.record({
      name: 'user.create',
      entity: 'user',
      entityId: id,
      args: {
        username: input.username,
        fullName: input.fullName,
        role: input.role,
        officeId: input.officeId,
        active: true,
      },
      baseVersion: null,
      base: null,
    });
    this.writePassword(tx, id, passwordHash, {
      mustChange: temporary,
      name: 'user.setPassword',
      said: temporary ? '(temporary, to be changed at first sign-in)' : '(set)',
    });
    return id;
  }

  /**
   * Sets a user's password hash (synced to the computers of their office), in the caller's
   * transaction. The server compares the hashes like any field; the record of changes says
   * only `said`.
   */
  private writePassword(
    tx: MutationTx,
    userId: string,
    passwordHash: string,
    change: { mustChange: boolean; name: string; said: string },
  ): void {
    const current = this.prepare(
      `SELECT version, password_hash AS passwordHash, must_change AS mustChange, changed_at AS changedAt
       FROM user_passwords WHERE user_id = ?`,
    ).get(userId) as
      { version: number; passwordHash: string; mustChange: number; changedAt: string } | undefined;
    const args = { passwordHash, mustChange: change.mustChange, changedAt: tx.now };
    if (current) {
      this.prepare(
        `UPDATE user_passwords SET password_hash = ?, must_change = ?, changed_at = ?, version = version + 1,
           updated_at = ?, updated_by = ?, deleted_at = NULL
         WHERE user_id = ?`,
      ).run(passwordHash, change.mustChange ? 1 : 0, tx.now, tx.now, tx.userId, userId);
    } else {
      this.prepare(
        `INSERT INTO user_passwords (id, version, created_at, created_by, updated_at, updated_by, user_id, password_hash,
           must_change, changed_at)
         VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        userId,
        tx.now,
        tx.userId,
        tx.now,
        tx.userId,
        userId,
        passwordHash,
        change.mustChange ? 1 : 0,
        tx.now,
      );
    }
    tx.record({
      name: change.name,
      entity: 'user_password',
      entityId: userId,
      subjectId: userId,
      args,
      baseVersion: current?.version ?? null,
      base: current
        ? {
            passwordHash: current.passwordHash,
            mustChange: Boolean(current.mustChange),
            changedAt: current.changedAt,
          }
        : null,
      shownAs: { passwordHash: [current ? '(previous)' : null, change.said] },
    });
  }
}

/** A valid argon2id hash of a random string, verified against when the user name is unknown. */
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=1$cRpPvTfDbxxxPZ6hsKL7uQ$C6s1Af4aiDgoqnn4li4TIt67Jh3dPFdFL7AVJy0PQ04';

function tooManyAttempts(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(
    'too_many_attempts',
    `Too many wrong passwords. This account waits ${wait} before the next try.`,
  );
}
