/**
 * Deciders of certificates and the numbers given to them (sync.md §6). The common steps
 * decide them: a new number must lie in a block leased to the computer, and one given to a
 * record refused for good is kept as void.
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const certificateDeciders = {
  number_allocation: recordDecider(),
  certificate: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
