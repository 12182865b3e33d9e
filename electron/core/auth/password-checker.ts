import { randomBytes } from 'node:crypto';
import { AppError } from '#shared/errors';
import type { Prepare } from '../db/statement-cache';
import type { Clock, Logger } from '../ports';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import type { PasswordHasher } from './password-hasher';
import { UnknownNameCounts } from './unknown-name-counts';
import type { UserRecord, UserStore } from './user-store';

/** Wrong passwords allowed before the account waits. */
export const FREE_ATTEMPTS = 5;
/** The first wait; each further failure doubles it, up to the cap. */
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 60 * 60_000;

/** The one refusal for a wrong user name or password, so it does not tell which was wrong. */
export const WRONG_CREDENTIALS = 'The user name or password is wrong.';

/**
 * The password check behind sign-in, unlock and every confirmation, with the lockout
 * (counted in `user_credentials`, per user, on this computer; for a sign-in name no user
 * has, in memory, per name: see UnknownNameCounts).
 */
export class PasswordChecker {
  private readonly passwordChecks = new Map<string, Promise<unknown>>();
  private readonly unknownNames = new UnknownNameCounts();
  /**
   * What an unknown name's password is checked against: a hash of a random secret, made
   * once under today's cost so its check takes as long as a real one. Begun here, not at
   * the first unknown name, so that name's answer does not also wait for the hashing.
   */
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly prepare: Prepare,
    private readonly store: UserStore,
    private readonly writer: MutationWriter,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.dummyHash = hasher.hash(randomBytes(32).toString('base64'));
    // Awaited at each unknown name; a failure surfaces there, not as an unhandled rejection.
    this.dummyHash.catch(() => undefined);
  }

  /**
   * Checks a sign-in's name and password and returns the user. A name no user has (or
   * whose password has not arrived yet) is refused exactly as a wrong password is, with
   * the same warnings, the same lockout counted under the name, and a password check of
   * the same cost, so neither the answers nor their time tell a stranger which names exist.
   */
  async checkSignIn(username: string, password: string): Promise<UserRecord> {
    const user = this.store.findByUsername(username);
    if (!user || !this.store.credential(user.id)) {
      // Counted as findByUsername matches, so a retyped name meets the same count.
      const name = username.trim().toLowerCase();
      return this.oneAtATime(`name:${name}`, () => this.refuseUnknownName(name, password));
    }
    await this.checkPassword(user.id, password);
    return user;
  }

  /**
   * Checks a password for sign-in, unlock and confirmation, with the lockout: after
   * FREE_ATTEMPTS failures the account waits 30 s, then twice as long after each further
   * failure, up to an hour. A good password clears the count and upgrades an old hash.
   */
  checkPassword(userId: string, password: string): Promise<void> {
    return this.oneAtATime(userId, () => this.checkPasswordNow(userId, password));
  }

  /**
   * Runs one check at a time per key (a user's id, or `name:` and an unknown name): the
   * count of failures is read before the slow hash and written after it, so parallel
   * guesses would otherwise all see the same count and never reach the lockout.
   */
  private oneAtATime<T>(key: string, check: () => Promise<T>): Promise<T> {
    const previous = this.passwordChecks.get(key) ?? Promise.resolve();
    const result = previous.then(check, check);
    const settled = result.catch(() => undefined);
    this.passwordChecks.set(key, settled);
    void settled.then(() => {
      if (this.passwordChecks.get(key) === settled) this.passwordChecks.delete(key);
    });
    return result;
  }

  /** An unknown name's wrong try: the same steps, and refusals, as checkPasswordNow's. */
  private async refuseUnknownName(name: string, password: string): Promise<never> {
    const nowMs = this.clock.now().getTime();
    const count = this.unknownNames.get(name, nowMs);
    if (count && count.lockedUntilMs > nowMs) throw tooManyAttempts(count.lockedUntilMs - nowMs);
    await this.hasher.verify(await this.dummyHash, password);
    const failures = (count?.failures ?? 0) + 1;
    const waitMs = waitAfter(failures);
    this.unknownNames.set(
      name,
      { failures, lockedUntilMs: waitMs > 0 ? nowMs + waitMs : 0 },
      nowMs,
    );
    // Logs hold ids, never names: an unknown name is not logged.
    this.logger.info('auth.sign_in_failed', { reason: 'unknown_user', failures });
    throw wrongTry(failures, waitMs);
  }

  private async checkPasswordNow(userId: string, password: string): Promise<void> {
    const credential = this.store.credential(userId);
    if (!credential) throw new AppError('unauthenticated', WRONG_CREDENTIALS);
    const nowMs = this.clock.now().getTime();
    if (credential.lockedUntil && Date.parse(credential.lockedUntil) > nowMs) {
      throw tooManyAttempts(Date.parse(credential.lockedUntil) - nowMs);
    }
    const good = await this.hasher.verify(credential.passwordHash, password);
    if (!good) {
      const failures = credential.failedAttempts + 1;
      const waitMs = waitAfter(failures);
      this.prepare(
        `INSERT INTO user_credentials (user_id, failed_attempts, locked_until) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until`,
      ).run(userId, failures, waitMs > 0 ? new Date(nowMs + waitMs).toISOString() : null);
      this.logger.warn('auth.wrong_password', { userId, failures });
      throw wrongTry(failures, waitMs);
    }
    this.prepare(
      'UPDATE user_credentials SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?',
    ).run(userId);
    if (this.hasher.needsRehash(credential.passwordHash)) {
      const upgraded = await this.hasher.hash(password);
      const user = this.store.findUser(userId);
      // The same password under today's parameters: it syncs like any change of it.
      if (user) {
        this.writer.run(actorFor(user), (tx) =>
          this.store.writePassword(tx, userId, upgraded, {
            mustChange: Boolean(credential.mustChange),
            name: 'user.rehashPassword',
            said: '(the same password, stored under stronger parameters)',
          }),
        );
      }
      this.logger.info('auth.password_rehashed', { userId });
    }
  }
}

/** How long the account waits after this many wrong tries in a row (0: not at all). */
function waitAfter(failures: number): number {
  return failures >= FREE_ATTEMPTS
    ? Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS))
    : 0;
}

/** The refusal of a wrong try: the lockout, or "wrong" with a warning before the last free one. */
function wrongTry(failures: number, waitMs: number): AppError {
  if (waitMs > 0) return tooManyAttempts(waitMs);
  return new AppError(
    'unauthenticated',
    failures === FREE_ATTEMPTS - 1
      ? `${WRONG_CREDENTIALS} One more wrong try and the account waits before the next.`
      : WRONG_CREDENTIALS,
  );
}

function tooManyAttempts(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(
    'too_many_attempts',
    `Too many wrong passwords. This account waits ${wait} before the next try.`,
  );
}
