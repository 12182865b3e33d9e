import { AppError } from '#shared/errors';
import type { Caller, HandlersOf } from '#shared/ipc/contract';
import type { returnRequests } from '#shared/returns/contract';
import type { AuthService } from '../auth/auth-service';
import { signedIn } from '../caller';
import type { ReturnService } from './return-service';

export function returnHandlers(
  returns: ReturnService,
  auth: AuthService,
): HandlersOf<typeof returnRequests> {
  /** The return a counter session reaches; refused outside counter mode. */
  const counterTarget = (caller: Caller) => {
    const target = auth.counterOf(caller.sessionId);
    if (!target) throw new AppError('conflict', 'No counter session is open; a clerk opens one.');
    return target;
  };
  return {
    'returns.register': ({ offset, limit, ...filter }) =>
      returns.register(filter, { offset, limit }),
    'returns.counts': (input) => returns.counts(input),
    'returns.get': (input) => returns.get(input.societyId, input.fy),
    'returns.ofSociety': (input) => returns.ofSociety(input.societyId),
    'returns.openCounter': (input, caller) => {
      returns.assertCanFile(signedIn(caller), input.societyId, input.fy);
      return auth.openCounter(caller.sessionId, input);
    },
    'returns.counterForm': (_input, caller) => {
      const target = counterTarget(caller);
      return returns.get(target.societyId, target.fy);
    },
    'returns.file': (input, caller) =>
      returns.file(signedIn(caller), counterTarget(caller), input.filing),
    'returns.closeCounter': (input, caller) => auth.closeCounter(caller.sessionId, input.password),
    'returns.review': (input, caller) =>
      returns.review(signedIn(caller), input.id, input.baseVersion, input.decision, input.reasons),
    'returns.defaulterNotices': (input, caller) =>
      returns.defaulterNotices(signedIn(caller), input.officeId, input.fy),
    'returns.export': ({ format, ...filter }) => returns.export(filter, format),
    'returns.nonFunctionalCandidates': (input) => returns.nonFunctionalCandidates(input.officeId),
  };
}
