import { canTake, type ApplicationStep } from '#shared/registration/registration';
import type { ApplicationDetail } from '#shared/registration/contract';
import { decisionBar, type DecisionBar } from '#shared/registration/scrutiny';
import type { SessionUser } from '#shared/auth/contract';
import { canUse } from '../../lib/session';

export type ApplicationAction =
  | 'startScrutiny'
  | 'issueDeficiency'
  | 'recordReply'
  | 'approve'
  | 'refuse'
  | 'recordDeemed'
  | 'withdraw';

/** Why a registrar who may otherwise decide cannot decide this one, shown instead of the buttons. */
export type DecideBlock = 'ownApplication' | 'otherOffice' | 'notRegistrar' | null;

const order: ApplicationAction[] = [
  'startScrutiny',
  'issueDeficiency',
  'recordReply',
  'approve',
  'refuse',
  'recordDeemed',
  'withdraw',
];

const requestOf = {
  startScrutiny: 'applications.startScrutiny',
  issueDeficiency: 'applications.issueDeficiency',
  recordReply: 'applications.recordReply',
  approve: 'applications.decide',
  refuse: 'applications.decide',
  recordDeemed: 'applications.recordDeemed',
  withdraw: 'applications.withdraw',
} as const;

/**
 * The steps this user may take on this application now: what the state allows (the shared
 * transition table), what the role may request, and for a decision, a registrar of the
 * application's office (or the state office) who did not receive it. Deemed registration
 * only once the statutory clock has run out, by a registrar of the office. Approval and
 * refusal wait for the scrutiny (`decisionBar`, the backend's gate): `approvalWaits` says
 * on what, for the registrar who would otherwise decide.
 */
export function availableActions(
  application: Pick<ApplicationDetail, 'state' | 'receivedBy' | 'officeId' | 'clock' | 'checklist'>,
  user: Pick<SessionUser, 'id' | 'role' | 'officeId'>,
  stateOffice: boolean,
): { actions: ApplicationAction[]; decideBlock: DecideBlock; approvalWaits: DecisionBar } {
  const decisionOpen =
    canTake('approve', application.state) || canTake('refuse', application.state);
  let decideBlock: DecideBlock = null;
  if (decisionOpen) {
    if (!canUse(user.role, 'applications.decide')) decideBlock = 'notRegistrar';
    else if (application.receivedBy === user.id) decideBlock = 'ownApplication';
    else if (application.officeId !== user.officeId && !stateOffice) decideBlock = 'otherOffice';
  }
  const bars = {
    approve: decisionBar('approve', application.checklist),
    refuse: decisionBar('refuse', application.checklist),
  };
  const actions = order.filter((action) => {
    if (!canTake(action as ApplicationStep, application.state)) return false;
    if (!canUse(user.role, requestOf[action])) return false;
    if ((action === 'approve' || action === 'refuse') && (decideBlock || bars[action]))
      return false;
    if (action === 'recordDeemed') {
      const expired = application.clock !== null && application.clock.daysLeft <= 0;
      const ownOffice = application.officeId === user.officeId || stateOffice;
      if (!expired || !ownOffice) return false;
    }
    return true;
  });
  const approvalWaits =
    canTake('approve', application.state) &&
    !decideBlock &&
    canUse(user.role, 'applications.decide')
      ? bars.approve
      : null;
  return { actions, decideBlock, approvalWaits };
}
