import type { HandlersOf } from '#shared/ipc/contract';
import type { registrationRequests } from '#shared/registration/contract';
import { signedIn } from '../caller';
import type { RegistrationService } from './registration-service';

export function registrationHandlers(
  registration: RegistrationService,
): HandlersOf<typeof registrationRequests> {
  return {
    'applications.receive': (input, caller) =>
      registration.receive(signedIn(caller), input.application),
    'applications.get': (input) => registration.get(input.id),
    'applications.list': (input, caller) => registration.list(signedIn(caller), input),
    'applications.startScrutiny': (input, caller) =>
      registration.startScrutiny(signedIn(caller), input.id, input.baseVersion),
    'applications.recordScrutiny': (input, caller) =>
      registration.recordScrutiny(signedIn(caller), input.id, input.baseVersion, input.items),
    'applications.issueDeficiency': (input, caller) =>
      registration.issueDeficiency(signedIn(caller), input.id, input.baseVersion, input.items),
    'applications.recordReply': (input, caller) =>
      registration.recordReply(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.replyOn,
        input.note,
      ),
    'applications.decide': (input, caller) =>
      registration.decide(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.decision,
        input.reasons,
      ),
    'applications.recordDeemed': (input, caller) =>
      registration.recordDeemed(signedIn(caller), input.id, input.baseVersion),
    'applications.withdraw': (input, caller) =>
      registration.withdraw(signedIn(caller), input.id, input.baseVersion, input.reason),
    'names.reserve': (input, caller) => registration.reserveName(signedIn(caller), input),
    'names.list': (_input, caller) => registration.listReservations(signedIn(caller)),
  };
}
