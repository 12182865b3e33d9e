import type { authRequests } from '#shared/auth/contract';
import type { HandlersOf } from '#shared/ipc/contract';
import { signedIn } from '../caller';
import { actorFor } from '../sync/mutation-writer';
import type { AuthService } from './auth-service';

export function authHandlers(auth: AuthService): HandlersOf<typeof authRequests> {
  return {
    'auth.status': (_input, caller) => auth.status(caller.sessionId),
    'auth.setup': (input, caller) => auth.setup(caller.sessionId, input),
    'auth.login': (input, caller) => auth.login(caller.sessionId, input.username, input.password),
    'auth.logout': (_input, caller) => auth.logout(caller.sessionId),
    'auth.lock': (_input, caller) => auth.lock(caller.sessionId),
    'auth.unlock': (input, caller) => auth.unlock(caller.sessionId, input.password),
    'auth.touch': (_input, caller) => auth.status(caller.sessionId),
    'auth.changePassword': (input, caller) =>
      auth.changePassword(caller.sessionId, input.currentPassword, input.newPassword),
    'settings.update': (input, caller) => {
      auth.setIdleLockMinutes(actorFor(signedIn(caller)), input.idleLockMinutes);
      return auth.status(caller.sessionId);
    },
    'users.list': () => auth.listUsers(),
    'users.create': (input, caller) => auth.createUser(actorFor(signedIn(caller)), input),
    'users.update': (input, caller) => auth.updateUser(actorFor(signedIn(caller)), input),
    'users.setActive': (input, caller) =>
      auth.setActive(actorFor(signedIn(caller)), input.id, input.active),
    'users.resetPassword': (input, caller) =>
      auth.resetPassword(actorFor(signedIn(caller)), input.id, input.temporaryPassword),
  };
}
