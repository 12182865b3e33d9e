import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditDetail, AuditReport } from '#shared/audits/contract';
import { isBackendError, useBackend, useRequest } from '../../lib/backend';
import { useCan } from '../../lib/session';
import { useCertificates, usePrintCertificate } from '../certificates';
import type { AuditDialog } from './AuditDialogs';
import type { AuditReportHandle } from './use-report-draft';
import { auditKeys, useAudit } from './queries';

/** Why submitting the report was refused: the backend's sentence and its reasons, if any. */
export interface SubmitRefusal {
  message: string;
  reasons: string[];
}

/**
 * The audit screen's data and requests: the audit and its society's certificates, what the
 * user may do, the dialog open, the last outcome, saving the report and submitting it.
 */
export function useAuditScreen(id: string) {
  const { t } = useTranslation('audits');
  const queryClient = useQueryClient();
  const backend = useBackend();
  const audit = useAudit(id);
  // The society's certificates, for the audit certificate's standing (one the state server
  // refused is not valid, and is not offered for printing).
  const certificates = useCertificates(
    audit.data?.society.id,
    Boolean(audit.data?.certificateSerial),
  );
  const saveReport = useRequest('audits.saveReport');
  const submit = useRequest('audits.submit');
  const print = usePrintCertificate();
  const can = {
    review: useCan('audits.review'),
    followUp: useCan('audits.followUp'),
    receive: useCan('audits.receiveFee'),
    print: useCan('certificates.print'),
  };
  const form = useRef<AuditReportHandle>(null);
  const [dialog, setDialog] = useState<AuditDialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<SubmitRefusal | null>(null);

  const stored = (next: AuditDetail) => {
    queryClient.setQueryData(auditKeys.one(id), next);
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === 'audits' && query.queryKey[1] !== 'one',
    });
  };
  const saved = (next: AuditDetail, message: string) => {
    stored(next);
    setDialog(null);
    setRefusal(null);
    setDone(message);
  };
  const submitReport = async (data: AuditDetail) => {
    setRefusal(null);
    setDone(null);
    const flushed = (await form.current?.flush()) ?? { kind: 'clean' };
    if (flushed.kind === 'unsaved') {
      setRefusal({ message: t('audits.form.notSubmitted'), reasons: [] });
      return;
    }
    const latest =
      flushed.kind === 'saved'
        ? flushed.detail
        : (queryClient.getQueryData<AuditDetail>(auditKeys.one(id)) ?? data);
    try {
      saved(
        await submit.mutateAsync({ id, baseVersion: latest.version }),
        t('audits.page.submitted'),
      );
    } catch (failure) {
      setRefusal({
        message: failure instanceof Error ? failure.message : String(failure),
        reasons: isBackendError(failure) ? Object.values(failure.fields) : [],
      });
    }
  };
  const save = async (input: { id: string; baseVersion: number; report: AuditReport }) => {
    let next: AuditDetail;
    try {
      next = await saveReport.mutateAsync(input);
    } catch (failure) {
      // The registrar setting the fee or the programme moves the audit's version on
      // without touching the report, which only its auditor writes: save again on the
      // audit as it now is (a change of auditor or of stage is refused then).
      if (!isBackendError(failure) || failure.code !== 'conflict') throw failure;
      const fresh = await backend.call('audits.get', { id });
      next = await saveReport.mutateAsync({ ...input, baseVersion: fresh.version });
    }
    stored(next);
    return next;
  };

  return {
    audit,
    certificates,
    print,
    submitting: submit.isPending,
    can,
    form,
    dialog,
    setDialog,
    done,
    clearDone: () => setDone(null),
    refusal,
    stored,
    saved,
    submitReport,
    save,
  };
}
