import type { AuditDetail } from '#shared/audits/contract';

/** What every audit step dialog is given: how to close it, and what to do with the saved audit. */
export interface AuditModalProps {
  onClose: () => void;
  onDone: (saved: AuditDetail, message: string) => void;
}
