import type { HandlersOf } from '#shared/ipc/contract';
import type { referenceRequests } from '#shared/reference/contract';
import type { ReferenceService } from './reference-service';

export function referenceHandlers(
  reference: ReferenceService,
): HandlersOf<typeof referenceRequests> {
  return {
    'reference.get': () => reference.get(),
    'reference.ruleParameters': () => reference.ruleParameters(),
  };
}
