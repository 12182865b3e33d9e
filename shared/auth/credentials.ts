import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './roles';

/** Sign-in names: what a clerk types every morning, so short, lower-case and unambiguous. */
export const usernameSchema = z
  .string({ message: 'Enter the user name.' })
  .trim()
  .toLowerCase()
  .min(1, { message: 'Enter the user name.' })
  .max(32, { message: 'A user name can have at most 32 characters.' })
  .regex(/^[a-z][a-z0-9._-]{2,}$/u, {
    message:
      'A user name starts with a letter and has at least 3 of: small letters, digits, dot, dash, underscore.',
  });

/**
 * A new password: long rather than complicated (NIST SP 800-63B), with no composition rules.
 * Whether it equals the user name is checked where both are known.
 */
export const newPasswordSchema = z
  .string({ message: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, {
    message: `A password needs at least ${PASSWORD_MIN_LENGTH} characters; a short sentence works well.`,
  })
  .max(PASSWORD_MAX_LENGTH, {
    message: `A password can have at most ${PASSWORD_MAX_LENGTH} characters.`,
  })
  .refine((value) => new Set(value).size >= 4, {
    message: 'This password repeats too few characters to be safe.',
  });

/** A password being checked (sign-in, unlock, confirming an approval): only its presence. */
export const enteredPasswordSchema = z
  .string({ message: 'Enter your password.' })
  .min(1, { message: 'Enter your password.' })
  .max(PASSWORD_MAX_LENGTH * 4, { message: 'Enter your password.' });
