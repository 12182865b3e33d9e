import { AppError } from '#shared/errors';
import type { Prepare } from '../db/statement-cache';
import type { Clock, Logger } from '../ports';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import type { PasswordHasher } from './password-hasher';
import type { UserStore } from './user-store';

/** Wrong passwords allowed before the account waits. */
export const FREE_ATTEMPTS = 5;
/** The first wait; each further failure doubles it, up to the cap. */
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 60 * 60_000;

/** The one refusal for a wrong user name or password, so it does not tell which was wrong. */
export const WRONG_CREDENTIALS = 'The user name or password is wrong.';

/**
 * The password check behind sign-in, unlock and every confirmation, with the lockout
 * (counted in `user_credentials`, per user, on this computer).
 */
export class PasswordChecker {
  private readonly passwordChecks = new Map<string, Promise<void>>();

  constructor(
    private readonly prepare: Prepare,
    private readonly store: UserStore,
    private readonly writer: MutationWriter,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

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
    const credential = this.store.credential(userId);
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

function tooManyAttempts(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(
    'too_many_attempts',
    `Too many wrong passwords. This account waits ${wait} before the next try.`,
  );
}
