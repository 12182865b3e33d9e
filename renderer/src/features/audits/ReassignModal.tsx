import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditorKind } from '#shared/audits/audits';
import type { AuditDetail } from '#shared/audits/contract';
import { FormModal } from '../../components/FormModal';
import { useRequest } from '../../lib/backend';
import type { AuditModalProps } from './audit-modal-props';
import { AuditorChoice } from './AuditorChoice';

/** Gives an audit not yet submitted to another auditor. */
export function ReassignModal({
  audit,
  onClose,
  onDone,
}: AuditModalProps & { audit: AuditDetail }) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const reassign = useRequest('audits.reassign');
  const [auditorId, setAuditorId] = useState<string | null>(audit.auditorId);
  const [kind, setKind] = useState<AuditorKind>(audit.auditorKind);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!auditorId) {
      setBanner(t('audits.chooseAuditor'));
      return;
    }
    setBusy(true);
    try {
      const saved = await reassign.mutateAsync({
        id: audit.id,
        baseVersion: audit.version,
        auditorId,
        auditorKind: kind,
      });
      onDone(saved, t('audits.reassigned', { auditor: saved.auditorName }));
    } catch (failure) {
      setBanner(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal
      title={t('audits.reassignTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={t('audits.reassignSubmit')}
      submitting={busy}
    >
      <AuditorChoice auditorId={auditorId} onAuditor={setAuditorId} kind={kind} onKind={setKind} />
    </FormModal>
  );
}
