/**
 * Deciders of status orders (a society's change of status, proposed and then approved or
 * rejected by the registrar): the common steps alone, the workflow of the order being
 * checked by the three-way merge's stale-step rule (sync.md §5).
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const statusOrderDeciders = {
  status_order: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
