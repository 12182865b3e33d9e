/**
 * Deciders of the reference data the administrator keeps from the app: the letterhead
 * images (state emblem, department logo). Each change is a new row, an append-only fact
 * (sync.md §5), so the common steps alone decide it; the latest row of a kind stands.
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const referenceDeciders = {
  reference_image: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
