import type { DefectActionKind } from '#shared/audits/audits';
import type { AuditDetail, AuditObservation } from '#shared/audits/contract';
import { FeeModal } from './FeeModal';
import { FollowUpModal } from './FollowUpModal';
import { ObservationModal } from './ObservationModal';
import { ReassignModal } from './ReassignModal';
import { ReceiveFeeModal } from './ReceiveFeeModal';
import { ReviewModal } from './ReviewModal';

/** The dialog open on the audit screen, with what it was opened on. */
export type AuditDialog =
  | { kind: 'observation'; editing: AuditObservation | null }
  | { kind: 'review'; decision: 'accept' | 'return' }
  | { kind: 'followUp'; observation: AuditObservation; action: DefectActionKind }
  | { kind: 'fee' }
  | { kind: 'receive' }
  | { kind: 'reassign' };

/** The open dialog of the audit screen, if any. */
export function AuditDialogs({
  dialog,
  audit: data,
  onClose,
  onDone,
  onReceived,
}: {
  dialog: AuditDialog | null;
  audit: AuditDetail;
  onClose: () => void;
  onDone: (saved: AuditDetail, message: string) => void;
  onReceived: (receiptNo: string, saved: AuditDetail) => void;
}) {
  return (
    <>
      {dialog?.kind === 'observation' ? (
        <ObservationModal audit={data} editing={dialog.editing} onClose={onClose} onDone={onDone} />
      ) : null}
      {dialog?.kind === 'review' ? (
        <ReviewModal audit={data} decision={dialog.decision} onClose={onClose} onDone={onDone} />
      ) : null}
      {dialog?.kind === 'followUp' ? (
        <FollowUpModal
          observation={dialog.observation}
          kind={dialog.action}
          onClose={onClose}
          onDone={onDone}
        />
      ) : null}
      {dialog?.kind === 'fee' ? <FeeModal audit={data} onClose={onClose} onDone={onDone} /> : null}
      {dialog?.kind === 'reassign' ? (
        <ReassignModal audit={data} onClose={onClose} onDone={onDone} />
      ) : null}
      {dialog?.kind === 'receive' ? (
        <ReceiveFeeModal audit={data} onClose={onClose} onReceived={onReceived} />
      ) : null}
    </>
  );
}
