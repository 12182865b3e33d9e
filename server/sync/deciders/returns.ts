/**
 * Deciders of annual returns and the notices that call for them. An accepted return is
 * closed (sync.md §5).
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const returnDeciders = {
  annual_return: recordDecider({
    closedReason: (data) =>
      data['state'] === 'accepted'
        ? 'The return was already accepted on the state server; it can no longer be changed.'
        : null,
  }),
  return_notice: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
