import { AppError } from '#shared/errors';
import type { Caller, HandlersOf } from '#shared/ipc/contract';
import type { returnRequests } from '#shared/returns/contract';
import type { Sessions } from '../auth/sessions';
import { signedIn } from '../caller';
import type { ReturnService } from './return-service';

export function returnHandlers(
  returns: ReturnService,
  sessions: Sessions,
): HandlersOf<typeof returnRequests> {
  const { register, details, filings, notices, candidates, exports } = returns;
  /** The return a counter session reaches; refused outside counter mode. */
  const counterTarget = (caller: Caller) => {
    const target = sessions.counterOf(caller.sessionId);
    if (!target) throw new AppError('conflict', 'No counter session is open; a clerk opens one.');
    return target;
  };
  return {
    'returns.register': ({ offset, limit, ...filter }) =>
      register.register(filter, { offset, limit }),
    'returns.counts': (input) => register.counts(input),
    'returns.get': (input) => details.get(input.societyId, input.fy),
    'returns.ofSociety': (input) => details.ofSociety(input.societyId),
    'returns.openCounter': (input, caller) => {
      filings.assertCanFile(signedIn(caller), input.societyId, input.fy);
      return sessions.openCounter(caller.sessionId, input);
    },
    'returns.counterForm': (_input, caller) => {
      const target = counterTarget(caller);
      return details.get(target.societyId, target.fy);
    },
    'returns.file': (input, caller) =>
      filings.file(signedIn(caller), counterTarget(caller), input.filing),
    'returns.closeCounter': (input, caller) =>
      sessions.closeCounter(caller.sessionId, input.password),
    'returns.review': (input, caller) =>
      filings.review(signedIn(caller), input.id, input.baseVersion, input.decision, input.reasons),
    'returns.defaulterNotices': (input, caller) =>
      notices.defaulterNotices(signedIn(caller), input.officeId, input.fy),
    'returns.export': ({ format, ...filter }) => exports.export(filter, format),
    'returns.nonFunctionalCandidates': (input) =>
      candidates.nonFunctionalCandidates(input.officeId),
  };
}
