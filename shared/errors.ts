/**
 * Errors that cross the contract. A handler throws `AppError` for what a user or the UI can
 * act on; `dispatch` turns anything else into `internal` and never sends its stack.
 */

export const errorCodes = [
  /** Unknown request name or a malformed envelope: a programming error in the caller. */
  'bad_request',
  /** The input failed its schema or a rule; `fields` says which field and why. */
  'invalid_input',
  /** The record does not exist (or was removed). */
  'not_found',
  /** Someone else saved the record first, or a unique value is already taken. */
  'conflict',
  /** The caller's role may not do this, or the rule forbids it (maker ≠ checker). */
  'forbidden',
  /** Nobody is signed in, or the user name or password is wrong. */
  'unauthenticated',
  /** The screen is locked after idle time; only unlock or sign out work. */
  'session_locked',
  /** The administrator reset the password; only a password change works until it is done. */
  'password_change_required',
  /** Too many wrong passwords: the account waits before the next try. */
  'too_many_attempts',
  /** Unexpected failure; details are in the backend log only. */
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Field path (dot-separated, e.g. `regNo` or `areaVillageIds.0`) → a sentence a clerk understands. */
export type FieldErrors = Record<string, string>;

export interface ErrorShape {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

/** The JSON-safe form of an error, as sent over every transport. */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof AppError) {
    return error.fields
      ? { code: error.code, message: error.message, fields: error.fields }
      : { code: error.code, message: error.message };
  }
  return {
    code: 'internal',
    message: 'Something went wrong. The details were written to the log.',
  };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };
