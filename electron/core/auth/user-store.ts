import type { Role } from '#shared/auth/roles';
import { AppError } from '#shared/errors';
import type { SessionUser, UserRow } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import type { ReferenceService } from '../reference/reference-service';
import type { MutationTx } from '../sync/mutation-writer';

/** A row of `users` as the auth parts read it. */
export interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  officeId: string;
  active: number;
  version: number;
}

/** A user's password row joined with their sign-in counters. */
export interface CredentialRecord {
  passwordHash: string;
  mustChange: number;
  failedAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

/**
 * The user and password rows the auth parts share: reading them, shaping them for the
 * wire, and writing a new user or a password inside the caller's transaction.
 */
export class UserStore {
  constructor(
    private readonly prepare: Prepare,
    private readonly reference: ReferenceService,
  ) {}

  /** Users not deleted; zero means the first start still needs its administrator. */
  userCount(): number {
    return (
      this.prepare('SELECT count(*) AS n FROM users WHERE deleted_at IS NULL').get() as {
        n: number;
      }
    ).n;
  }

  /** The user with this id, active or not; undefined when there is none. */
  findUser(id: string): UserRecord | undefined {
    return this.prepare(
      `SELECT id, username, full_name AS fullName, role, office_id AS officeId, active, version
       FROM users WHERE id = ? AND deleted_at IS NULL`,
    ).get(id) as UserRecord | undefined;
  }

  /** The user signing in under this name (trimmed, any case); undefined when there is none. */
  findByUsername(username: string): UserRecord | undefined {
    return this.prepare(
      `SELECT id, username, full_name AS fullName, role, office_id AS officeId, active, version
       FROM users WHERE username = ? AND deleted_at IS NULL`,
    ).get(username.trim().toLowerCase()) as UserRecord | undefined;
  }

  /** The user's password and sign-in counters; undefined when no password is set. */
  credential(userId: string): CredentialRecord | undefined {
    return this.prepare(
      `SELECT p.password_hash AS passwordHash, p.must_change AS mustChange,
              coalesce(c.failed_attempts, 0) AS failedAttempts, c.locked_until AS lockedUntil,
              c.last_login_at AS lastLoginAt
       FROM user_passwords p LEFT JOIN user_credentials c ON c.user_id = p.user_id
       WHERE p.user_id = ? AND p.deleted_at IS NULL`,
    ).get(userId) as CredentialRecord | undefined;
  }

  /** A user as the services see a signed-in one. */
  sessionUser(user: UserRecord): SessionUser {
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      officeId: user.officeId,
      officeName: this.officeName(user.officeId),
    };
  }

  /** A user as the administrator's list shows one. */
  userRow(
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

  /** Refuses (`invalid_input` on `officeId`) an office the reference data does not know. */
  checkOffice(officeId: string): void {
    if (!this.reference.get().offices.some((office) => office.id === officeId)) {
      throw new AppError('invalid_input', 'Choose the office.', { officeId: 'Choose the office.' });
    }
  }

  /** Refuses (`invalid_input` on `username`) a user name another user already has. */
  checkUsernameFree(username: string): void {
    const taken = this.prepare('SELECT 1 FROM users WHERE username = ? AND deleted_at IS NULL').get(
      username,
    );
    if (taken) {
      throw new AppError('invalid_input', `The user name ${username} is already taken.`, {
        username: `The user name ${username} is already taken.`,
      });
    }
  }

  /**
   * A new user with their password: the user row and the password row (both synced), and
   * record-of-changes entries saying a password was set, never what it is.
   * `temporary` passwords must be changed at first sign-in.
   */
  insertUser(
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
  writePassword(
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

/** Refuses (`invalid_input` on `field`) a password that contains the user name. */
export function checkPasswordNotName(password: string, username: string, field = 'password'): void {
  if (password.toLowerCase().includes(username.toLowerCase())) {
    const message = 'The password must not contain the user name.';
    throw new AppError('invalid_input', message, { [field]: message });
  }
}
