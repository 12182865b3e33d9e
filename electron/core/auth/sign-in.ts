import { newId } from '../ids';
import { AppError } from '#shared/errors';
import type { AuthStatus } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import type { Clock, Logger } from '../ports';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import type { PasswordChecker } from './password-checker';
import type { PasswordHasher } from './password-hasher';
import type { Sessions } from './sessions';
import { checkPasswordNotName, type UserStore } from './user-store';
import { rewordWrongPassword, wrongPasswordField } from './wrong-password';

/**
 * Getting signed in (issue #3): the administrator made at first start, sign-in by user
 * name and password (the lockout is the password check's), and a user changing their
 * own password.
 */
export class SignIn {
  constructor(
    private readonly prepare: Prepare,
    private readonly store: UserStore,
    private readonly sessions: Sessions,
    private readonly passwords: PasswordChecker,
    private readonly writer: MutationWriter,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * First start: makes the administrator account and signs it in on this session. Refused
   * (`forbidden`) once any user exists, even when two first starts race.
   */
  async setup(
    sessionId: string,
    input: { username: string; fullName: string; officeId: string; password: string },
  ): Promise<AuthStatus> {
    if (this.store.userCount() > 0) {
      throw new AppError('forbidden', 'The administrator account already exists. Sign in instead.');
    }
    this.store.checkOffice(input.officeId);
    checkPasswordNotName(input.password, input.username);
    const passwordHash = await this.hasher.hash(input.password);
    // The administrator's own creation is recorded under the administrator's id.
    const administratorId = newId();
    // Checked again inside the transaction: two first starts at once make one administrator.
    const id = this.writer.run(
      { userId: administratorId, role: 'administrator', officeId: input.officeId },
      (tx) => {
        if (this.store.userCount() > 0) {
          throw new AppError(
            'forbidden',
            'The administrator account already exists. Sign in instead.',
          );
        }
        return this.store.insertUser(
          tx,
          { ...input, role: 'administrator' },
          passwordHash,
          false,
          administratorId,
        );
      },
    );
    this.logger.info('auth.administrator_created', { userId: id });
    this.sessions.startSession(sessionId, id);
    return this.sessions.status(sessionId);
  }

  /**
   * Signs a user in on this session. A wrong name or password is `unauthenticated` with
   * one message for both; a lockout is `too_many_attempts`, under an unknown name as under
   * a real one; a deactivated account, with the right password, is `forbidden`.
   */
  async login(sessionId: string, username: string, password: string): Promise<AuthStatus> {
    // An unknown name is refused as a wrong password is, warnings, lockout and time alike.
    const user = await this.passwords.checkSignIn(username, password);
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
    this.sessions.startSession(sessionId, user.id);
    return this.sessions.status(sessionId);
  }

  /**
   * The signed-in user replaces their password, proving the current one (a field error on
   * `currentPassword` when wrong); the new one must differ and not contain the user name.
   */
  async changePassword(
    sessionId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<AuthStatus> {
    const user = this.store.findUser(this.sessions.requireUserId(sessionId));
    if (!user) throw new AppError('unauthenticated', 'Sign in again.');
    await this.passwords
      .checkPassword(user.id, currentPassword)
      .catch(
        rewordWrongPassword(
          wrongPasswordField('currentPassword', 'Your current password is wrong.'),
        ),
      );
    checkPasswordNotName(newPassword, user.username, 'newPassword');
    if (await this.hasher.verify(this.store.credential(user.id)?.passwordHash ?? '', newPassword)) {
      throw new AppError('invalid_input', 'Choose a password different from the current one.', {
        newPassword: 'Choose a password different from the current one.',
      });
    }
    const passwordHash = await this.hasher.hash(newPassword);
    this.writer.run(actorFor(user), (tx) =>
      this.store.writePassword(tx, user.id, passwordHash, {
        mustChange: false,
        name: 'user.changePassword',
        said: '(changed by the user)',
      }),
    );
    this.logger.info('auth.password_changed', { userId: user.id });
    return this.sessions.status(sessionId);
  }
}
