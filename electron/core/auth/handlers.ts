import type { authRequests } from '#shared/auth/contract';
import type { HandlersOf } from '#shared/ipc/contract';
import { signedIn } from '../caller';
import { actorFor } from '../sync/mutation-writer';
import type { AuthService } from './auth-service';

export function authHandlers(auth: AuthService): HandlersOf<typeof authRequests> {
  const { sessions, signIn, users, idleLock } = auth;
  return {
    'auth.status': (_input, caller) => sessions.status(caller.sessionId),
    'auth.setup': (input, caller) => signIn.setup(caller.sessionId, input),
    'auth.login': (input, caller) => signIn.login(caller.sessionId, input.username, input.password),
    'auth.logout': (_input, caller) => sessions.logout(caller.sessionId),
    'auth.lock': (_input, caller) => sessions.lock(caller.sessionId),
    'auth.unlock': (input, caller) => sessions.unlock(caller.sessionId, input.password),
    'auth.touch': (_input, caller) => sessions.status(caller.sessionId),
    'auth.changePassword': (input, caller) =>
      signIn.changePassword(caller.sessionId, input.currentPassword, input.newPassword),
    'settings.update': (input, caller) => {
      idleLock.setIdleLockMinutes(actorFor(signedIn(caller)), input.idleLockMinutes);
      return sessions.status(caller.sessionId);
    },
    'users.list': () => users.listUsers(),
    'users.create': (input, caller) => users.createUser(actorFor(signedIn(caller)), input),
    'users.update': (input, caller) => users.updateUser(actorFor(signedIn(caller)), input),
    'users.setActive': (input, caller) =>
      users.setActive(actorFor(signedIn(caller)), input.id, input.active),
    'users.resetPassword': (input, caller) =>
      users.resetPassword(actorFor(signedIn(caller)), input.id, input.temporaryPassword),
  };
}
