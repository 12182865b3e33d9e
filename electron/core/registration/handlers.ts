import type { HandlersOf } from '#shared/ipc/contract';
import type { registrationRequests } from '#shared/registration/contract';
import { signedIn } from '../caller';
import type { RegistrationService } from './registration-service';

export function registrationHandlers(
  registration: RegistrationService,
): HandlersOf<typeof registrationRequests> {
  const { applications, scrutiny, decisions, names } = registration;
  return {
    'applications.receive': (input, caller) =>
      applications.receive(signedIn(caller), input.application),
    'applications.get': (input) => applications.get(input.id),
    'applications.list': (input, caller) => applications.list(signedIn(caller), input),
    'applications.startScrutiny': (input, caller) =>
      scrutiny.startScrutiny(signedIn(caller), input.id, input.baseVersion),
    'applications.recordScrutiny': (input, caller) =>
      scrutiny.recordScrutiny(signedIn(caller), input.id, input.baseVersion, input.items),
    'applications.issueDeficiency': (input, caller) =>
      scrutiny.issueDeficiency(signedIn(caller), input.id, input.baseVersion, input.items),
    'applications.recordReply': (input, caller) =>
      scrutiny.recordReply(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.replyOn,
        input.note,
      ),
    'applications.decide': (input, caller) =>
      decisions.decide(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.decision,
        input.reasons,
      ),
    'applications.recordDeemed': (input, caller) =>
      decisions.recordDeemed(signedIn(caller), input.id, input.baseVersion),
    'applications.withdraw': (input, caller) =>
      decisions.withdraw(signedIn(caller), input.id, input.baseVersion, input.reason),
    'names.reserve': (input, caller) => names.reserveName(signedIn(caller), input),
    'names.list': (_input, caller) => names.listReservations(signedIn(caller)),
  };
}
