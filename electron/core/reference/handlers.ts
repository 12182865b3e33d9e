import type { HandlersOf } from '#shared/ipc/contract';
import type { referenceRequests } from '#shared/reference/contract';
import { signedIn } from '../caller';
import type { ReferenceService } from './reference-service';

export function referenceHandlers(
  reference: ReferenceService,
): HandlersOf<typeof referenceRequests> {
  return {
    'reference.get': () => reference.get(),
    'reference.ruleParameters': () => reference.ruleParameters(),
    'reference.letterhead': () => reference.letterhead.view(),
    'reference.setLetterheadImage': (input, caller) =>
      reference.letterhead.set(signedIn(caller), input.kind, input.contentBase64),
    'reference.removeLetterheadImage': (input, caller) =>
      reference.letterhead.remove(signedIn(caller), input.kind),
  };
}
