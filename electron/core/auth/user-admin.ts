import type { Role } from '#shared/auth/roles';
import { AppError } from '#shared/errors';
import type { SessionUser, UserRow } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import type { Logger } from '../ports';
import type { Actor, MutationWriter } from '../sync/mutation-writer';
import type { PasswordHasher } from './password-hasher';
import type { Sessions } from './sessions';
import { checkPasswordNotName, type UserRecord, type UserStore } from './user-store';

/**
 * The administrator's work on user accounts: the list, adding a user with a temporary
 * password, changing one's name, role or office, deactivating and reactivating, and
 * resetting a forgotten password. Every change is synced and in the record of changes.
 */
export class UserAdmin {
  constructor(
    private readonly prepare: Prepare,
    private readonly store: UserStore,
    private readonly sessions: Sessions,
    private readonly writer: MutationWriter,
    private readonly hasher: PasswordHasher,
    private readonly logger: Logger,
  ) {}

  /** Every user, active ones first, by full name. */
  listUsers(): UserRow[] {
    return (
      this.prepare(
        `SELECT u.id, u.username, u.full_name AS fullName, u.role, u.office_id AS officeId,
                u.active, u.version, p.must_change AS mustChange, c.last_login_at AS lastLoginAt
         FROM users u LEFT JOIN user_passwords p ON p.user_id = u.id AND p.deleted_at IS NULL
         LEFT JOIN user_credentials c ON c.user_id = u.id
         WHERE u.deleted_at IS NULL ORDER BY u.active DESC, u.full_name COLLATE NOCASE`,
      ).all() as (UserRecord & { mustChange: number | null; lastLoginAt: string | null })[]
    ).map((row) => this.store.userRow(row, row));
  }

  /**
   * Adds a user whose temporary password must be changed at first sign-in. Field errors
   * for an unknown office, a user name taken, or a password containing the user name.
   */
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
    this.store.checkOffice(input.officeId);
    this.store.checkUsernameFree(input.username);
    checkPasswordNotName(input.temporaryPassword, input.username, 'temporaryPassword');
    const passwordHash = await this.hasher.hash(input.temporaryPassword);
    const id = this.writer.run(actor, (tx) => {
      this.store.checkUsernameFree(input.username);
      return this.store.insertUser(tx, input, passwordHash, true);
    });
    this.logger.info('auth.user_created', { userId: id, role: input.role, by: actor.userId });
    return this.getUser(id);
  }

  /**
   * Changes a user's full name, role or office. `conflict` when someone changed the user
   * since `baseVersion`; the administrator cannot take the administrator role from themself.
   */
  updateUser(
    actor: Actor,
    input: { id: string; baseVersion: number; fullName: string; role: Role; officeId: string },
  ): UserRow {
    this.store.checkOffice(input.officeId);
    this.writer.run(actor, (tx) => {
      const user = this.store.findUser(input.id);
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

  /**
   * Deactivates (ending the user's sessions) or reactivates a user; the administrator
   * cannot deactivate themself.
   */
  setActive(actor: Actor, id: string, active: boolean): UserRow {
    if (id === actor.userId && !active) {
      throw new AppError('invalid_input', 'You cannot deactivate your own account.');
    }
    this.writer.run(actor, (tx) => {
      const user = this.store.findUser(id);
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
    if (!active) this.sessions.endSessionsOf(id);
    this.logger.info(active ? 'auth.user_reactivated' : 'auth.user_deactivated', {
      userId: id,
      by: actor.userId,
    });
    return this.getUser(id);
  }

  /**
   * Gives a user a temporary password to change at next sign-in, clears their lockout and
   * ends their sessions.
   */
  async resetPassword(actor: Actor, id: string, temporaryPassword: string): Promise<UserRow> {
    const user = this.store.findUser(id);
    if (!user) throw new AppError('not_found', 'This user does not exist.');
    checkPasswordNotName(temporaryPassword, user.username, 'temporaryPassword');
    const passwordHash = await this.hasher.hash(temporaryPassword);
    this.writer.run(actor, (tx) => {
      this.store.writePassword(tx, id, passwordHash, {
        mustChange: true,
        name: 'user.resetPassword',
        said: '(temporary, to be changed at next sign-in)',
      });
      this.prepare(
        'UPDATE user_credentials SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?',
      ).run(id);
    });
    this.sessions.endSessionsOf(id);
    this.logger.info('auth.password_reset', { userId: id, by: actor.userId });
    return this.getUser(id);
  }

  /**
   * A user as the services see a signed-in one, for work the app finishes on their behalf
   * later (a provisional number replaced at sync, under the name of whoever gave it).
   */
  userById(id: string): SessionUser | null {
    const user = this.store.findUser(id);
    return user ? this.store.sessionUser(user) : null;
  }

  private getUser(id: string): UserRow {
    const user = this.store.findUser(id);
    if (!user) throw new AppError('not_found', 'This user does not exist.');
    const credential = this.store.credential(id);
    return this.store.userRow(user, {
      mustChange: credential?.mustChange ?? 0,
      lastLoginAt: credential?.lastLoginAt ?? null,
    });
  }
}
