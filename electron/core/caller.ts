import { AppError } from '#shared/errors';
import type { SessionUser } from '#shared/auth/contract';
import type { Caller } from '#shared/ipc/contract';

/** The caller of a role-restricted request: dispatch has already refused anyone not signed in. */
export function signedIn(caller: Caller): SessionUser {
  if (!caller.user) throw new AppError('unauthenticated', 'Sign in first.');
  return caller.user;
}
