/**
 * Deciders of documents attached to a record (append-only facts, sync.md §5): the common
 * steps alone.
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const documentDeciders = {
  document: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
