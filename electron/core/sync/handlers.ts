import type { HandlersOf } from '#shared/ipc/contract';
import type { syncRequests } from '#shared/sync/contract';
import { signedIn } from '../caller';
import { actorFor } from './mutation-writer';
import type { SyncClient } from './sync-client';

export function syncHandlers(sync: SyncClient): HandlersOf<typeof syncRequests> {
  return {
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.enrol': (input) => sync.enrol(input.serverUrl, input.code, input.label),
    'sync.issues': () => sync.issues(),
    'sync.exportPending': () => sync.exportPending(),
    'sync.resolve': (input, caller) =>
      sync.resolve(actorFor(signedIn(caller)), input.issueId, input.choice),
  };
}
