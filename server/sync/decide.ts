/**
 * Which decider decides a pushed change: one per kind of record the outbox names (the
 * mutation's entity, sync.md §3), in one table a new kind cannot be left out of; and the
 * registrar's `conflict.resolve`, which decides a sync issue rather than a record.
 */
import { ENTITY_TABLES, type SyncEntity, type SyncTable } from '#shared/sync/entities';
import type { Change, Decider, Outcome } from './decision';
import { auditDeciders } from './deciders/audits';
import { certificateDeciders } from './deciders/certificates';
import { documentDeciders } from './deciders/documents';
import { referenceDeciders } from './deciders/reference';
import { registrationDeciders } from './deciders/registration';
import { returnDeciders } from './deciders/returns';
import { societyDeciders } from './deciders/societies';
import { statusOrderDeciders } from './deciders/status-orders';
import { resolveIssue } from './deciders/sync-issues';
import { userDeciders } from './deciders/users';
import { decideRecordChange } from './record-change';
import { upcast } from './upcasters';

/** The decider of each kind of record: a kind without one fails to compile. */
export const DECIDERS = {
  ...societyDeciders,
  ...statusOrderDeciders,
  ...userDeciders,
  ...registrationDeciders,
  ...certificateDeciders,
  ...returnDeciders,
  ...documentDeciders,
  ...auditDeciders,
  ...referenceDeciders,
} satisfies Record<SyncEntity, Decider>;

/**
 * Decides one change, as received from the device: at today's version of its mutation,
 * by the decider of its kind.
 */
export async function decide(change: Change): Promise<Outcome> {
  // An older app's change is taken at today's version; a newer app's waits (sync.md §8).
  const current = upcast(change.mutation);
  if ('held' in current) return { verdict: 'held', reason: current.held };
  const { mutation } = current;
  if (mutation.name === 'conflict.resolve') return resolveIssue({ ...change, mutation });
  const table = ENTITY_TABLES[mutation.entity as SyncEntity] as SyncTable | undefined;
  if (!table) {
    return {
      verdict: 'rejected',
      reason: `The state server does not know records of kind "${mutation.entity}".`,
    };
  }
  // Only the table's own entries: an entity every object inherits ("constructor") is looked
  // up above as it always was, and takes the common steps.
  const decider: Decider = Object.hasOwn(DECIDERS, mutation.entity)
    ? DECIDERS[mutation.entity as SyncEntity]
    : decideRecordChange;
  return decider({ ...change, mutation, table });
}
