import type { HandlersOf } from '#shared/ipc/contract';
import type { societyRequests } from '#shared/societies/contract';
import { signedIn } from '../caller';
import type { ChangeLog } from '../changes/change-log';
import { actorFor } from '../sync/mutation-writer';
import type { SocietyService } from './society-service';

export function societyHandlers(
  societies: SocietyService,
  changes: ChangeLog,
): HandlersOf<typeof societyRequests> {
  const { finder, records, entry, corrections } = societies;
  return {
    'societies.search': (input) => finder.search(input.query, input.limit, input.filter),
    'societies.list': (input) => finder.list(input.filter, input.sort, input.offset, input.limit),
    'societies.get': (input) => records.get(input.id),
    'societies.create': (input, caller) =>
      entry.create(input.society, actorFor(signedIn(caller)), input.confirmedDistinctFrom ?? []),
    'societies.update': (input, caller) =>
      corrections.update(
        input.id,
        input.baseVersion,
        input.fields,
        input.nameChangeReason ?? null,
        actorFor(signedIn(caller)),
        input.confirmedDistinctFrom ?? [],
      ),
    'societies.history': (input) => changes.history(input.societyId, input.offset, input.limit),
  };
}
