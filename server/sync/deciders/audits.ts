/**
 * Deciders of audits and what hangs on them: rubrics, observations, defect actions and fee
 * receipts. An accepted audit is closed (sync.md §5); an observation that reaches an audit
 * already submitted is refused by the common steps, by the mutation's name.
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const auditDeciders = {
  audit_rubric: recordDecider(),
  audit: recordDecider({
    closedReason: (data) =>
      data['state'] === 'accepted'
        ? 'The audit was already accepted on the state server; its report is final.'
        : null,
  }),
  audit_observation: recordDecider(),
  audit_defect_action: recordDecider(),
  audit_fee_receipt: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
