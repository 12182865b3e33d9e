import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { offices } from './reference';

/**
 * The people who use the registry (domain.md §1): one role and one office each. Synced, so
 * every device of the state knows who recorded what. Deactivated users keep their row: the
 * records they made still name them.
 */
export const users = sqliteTable(
  'users',
  {
    ...syncedColumns(),
    /** Lower-case sign-in name. */
    username: text().notNull(),
    fullName: text().notNull(),
    role: text().notNull(),
    officeId: text()
      .notNull()
      .references(() => offices.id),
    active: integer({ mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('users_username_uq')
      .on(t.username)
      .where(sql`${t.deletedAt} is null`),
    check(
      'users_role_ck',
      sql`${t.role} in ('clerk', 'registrar', 'auditor', 'inspector', 'counter_secretary', 'administrator', 'viewer')`,
    ),
  ],
);

/**
 * Each user's password hash (argon2id, PHC string), synced to the computers of the user's
 * office so the same person signs in on any of them, the auditor's laptop in a village
 * included. One row per user, with the user's id as its own. Kept apart from `users` so
 * that nothing that lists users ever carries a hash; the record of changes says only that
 * a password was set or changed.
 */
export const userPasswords = sqliteTable('user_passwords', {
  ...syncedColumns(),
  // No foreign key: a pulled password may arrive before its user's latest row, or for a
  // user this computer left out (a clashing user name); it waits harmlessly.
  userId: text().notNull().unique(),
  /** PHC string: algorithm, parameters, salt and hash, so parameters can change later. */
  passwordHash: text().notNull(),
  /** Set by an administrator's reset: the user must choose a new password at sign-in. */
  mustChange: integer({ mode: 'boolean' }).notNull().default(false),
  changedAt: text().notNull(),
});

/** The sign-in state of a user on this computer only: wrong tries and the last sign-in. */
export const userCredentials = sqliteTable('user_credentials', {
  userId: text()
    .primaryKey()
    .references(() => users.id),
  /** Wrong passwords since the last good one. */
  failedAttempts: integer().notNull().default(0),
  /** No sign-in is tried before this instant (after 5 failures, longer each time). */
  lockedUntil: text(),
  lastLoginAt: text(),
});
