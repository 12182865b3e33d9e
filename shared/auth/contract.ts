import { z } from 'zod';
import { roles } from './roles';
import { enteredPasswordSchema, newPasswordSchema, usernameSchema } from './credentials';
import { type RequestSpecs, empty, isoInstant, uuid } from '../ipc/wire';

export const sessionUserSchema = z.object({
  id: uuid,
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  officeId: uuid,
  officeName: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const authStatusSchema = z.object({
  /** No user exists yet: the first start asks for the administrator account. */
  setupNeeded: z.boolean(),
  session: z
    .object({
      user: sessionUserSchema,
      /** The screen is locked after idle time; only unlock or sign out work. */
      locked: z.boolean(),
      /** Set by an administrator's reset: only a password change works until it is done. */
      mustChangePassword: z.boolean(),
      idleLockMinutes: z.number().int(),
      /** Counter mode: the secretary of this society files this year's return, nothing else. */
      counter: z.object({ societyId: uuid, fy: z.string() }).nullable(),
    })
    .nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const userRowSchema = sessionUserSchema.extend({
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: isoInstant.nullable(),
  version: z.number().int(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const fullNameSchema = z
  .string({ message: 'Enter the full name.' })
  .trim()
  .min(1, { message: 'Enter the full name.' })
  .max(120, { message: 'A name can have at most 120 characters.' });

export const authRequests = {
  /** Who is signed in here, and whether the first start still needs an administrator. */
  'auth.status': { access: 'public', input: empty, output: authStatusSchema },
  /**
   * First start only: creates the administrator account and signs it in. Refused with
   * `forbidden` once any user exists.
   */
  'auth.setup': {
    access: 'public',
    input: z
      .object({
        username: usernameSchema,
        fullName: fullNameSchema,
        officeId: z.string().uuid({ message: 'Choose the office.' }),
        password: newPasswordSchema,
      })
      .strict(),
    output: authStatusSchema,
  },
  /**
   * Signs in. A wrong user name or password gives `unauthenticated` with the same message
   * either way; after 5 failures the account waits (`too_many_attempts`), longer each time.
   */
  'auth.login': {
    access: 'public',
    input: z.object({ username: z.string().max(64), password: enteredPasswordSchema }).strict(),
    output: authStatusSchema,
  },
  'auth.logout': { access: 'session', input: empty, output: authStatusSchema },
  /** Locks the screen now (idle timer or the user's own Lock button). */
  'auth.lock': { access: 'session', input: empty, output: authStatusSchema },
  /** Unlocks with the signed-in user's password; counts towards the lockout like a sign-in. */
  'auth.unlock': {
    access: 'session',
    input: z.object({ password: enteredPasswordSchema }).strict(),
    output: authStatusSchema,
  },
  /** The user is active in the window: keeps the backend's idle clock in step. */
  'auth.touch': { access: 'session', input: empty, output: authStatusSchema },
  'auth.changePassword': {
    access: 'session',
    input: z
      .object({ currentPassword: enteredPasswordSchema, newPassword: newPasswordSchema })
      .strict(),
    output: authStatusSchema,
  },
  /** The administrator's settings: minutes of idle time before the screen locks. */
  'settings.update': {
    access: ['administrator'],
    input: z
      .object({
        idleLockMinutes: z
          .number({ message: 'Enter the minutes.' })
          .int({ message: 'Enter whole minutes.' })
          .min(1, { message: 'Lock after at least 1 minute.' })
          .max(60, { message: 'Lock after at most 60 minutes.' }),
      })
      .strict(),
    output: authStatusSchema,
  },
  'users.list': { access: ['administrator'], input: empty, output: z.array(userRowSchema) },
  /** Adds a user with a temporary password, which they must change at first sign-in. */
  'users.create': {
    access: ['administrator'],
    input: z
      .object({
        username: usernameSchema,
        fullName: fullNameSchema,
        role: z.enum(roles, { message: 'Choose the role.' }),
        officeId: z.string().uuid({ message: 'Choose the office.' }),
        temporaryPassword: newPasswordSchema,
      })
      .strict(),
    output: userRowSchema,
  },
  'users.update': {
    access: ['administrator'],
    input: z
      .object({
        id: uuid,
        baseVersion: z.number().int().min(1),
        fullName: fullNameSchema,
        role: z.enum(roles, { message: 'Choose the role.' }),
        officeId: z.string().uuid({ message: 'Choose the office.' }),
      })
      .strict(),
    output: userRowSchema,
  },
  /** Deactivates (the user can no longer sign in; their records keep their name) or reactivates. */
  'users.setActive': {
    access: ['administrator'],
    input: z.object({ id: uuid, active: z.boolean() }).strict(),
    output: userRowSchema,
  },
  /** Sets a temporary password that the user must change at next sign-in; clears a lockout. */
  'users.resetPassword': {
    access: ['administrator'],
    input: z.object({ id: uuid, temporaryPassword: newPasswordSchema }).strict(),
    output: userRowSchema,
  },
} as const satisfies RequestSpecs<'auth' | 'settings' | 'users'>;
