import { AppError } from '#shared/errors';

/**
 * A `catch` handler for a password check: a wrong password (`unauthenticated`, worded for
 * the sign-in screen) becomes `refusal`, worded for where the password was typed; a
 * lockout or anything else passes through unchanged.
 */
export function rewordWrongPassword(refusal: AppError): (error: unknown) => never {
  return (error) => {
    if (error instanceof AppError && error.code === 'unauthenticated') throw refusal;
    throw error;
  };
}

/** The field error for a password asked again to confirm an approval. */
export function wrongPasswordField(field: string, message = 'Your password is wrong.'): AppError {
  return new AppError('invalid_input', message, { [field]: message });
}
