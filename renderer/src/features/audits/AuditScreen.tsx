import { Skeleton, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { defectVerifierRoles, editableAuditStates } from '#shared/audits/audits';
import { ErrorState } from '../../components/ErrorState';
import { paths } from '../../lib/paths';
import { useSession } from '../../lib/session';
import { DocumentsSection } from '../documents';
import { AuditDialogs } from './AuditDialogs';
import { AuditHeader } from './AuditHeader';
import { AuditNotices } from './AuditNotices';
import { AuditProgrammeSection } from './AuditProgrammeSection';
import { AuditReportForm } from './AuditReportForm';
import { FeeSection } from './FeeSection';
import { ObservationsSection } from './ObservationsSection';
import { useAuditScreen } from './use-audit-screen';

/**
 * One audit. The assigned auditor writes the report here (saved as they type) and
 * submits it; the audit officer accepts or returns it; after acceptance the office
 * prints the certificate, follows each defect and takes the fee.
 */
export function AuditScreen({ id }: { id: string }) {
  const { t } = useTranslation('audits');
  const navigate = useNavigate();
  const { user } = useSession();
  const {
    audit,
    certificates,
    print,
    submitting,
    can,
    form,
    dialog,
    setDialog,
    done,
    clearDone,
    refusal,
    stored,
    saved,
    submitReport,
    save,
  } = useAuditScreen(id);
  const back = () => void navigate(-1);
  useHotkeys(dialog ? [] : [['Escape', back]]);

  if (audit.isPending) {
    return (
      <Stack gap="md" aria-busy>
        <Skeleton height={34} width="50%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (audit.isError) {
    return (
      <ErrorState
        title={t('audits.page.loadError')}
        error={audit.error}
        onRetry={() => void audit.refetch()}
      />
    );
  }
  const data = audit.data;
  const mine = data.auditorId === user.id;
  const editable = mine && editableAuditStates.includes(data.state);
  const accepted = data.state === 'accepted';
  const certificate = certificates.data?.find((row) => row.serial === data.certificateSerial);
  // Until the society's certificates have loaded, Print is offered as before.
  const printable = Boolean(data.certificateSerial) && (certificate?.printable ?? true);

  return (
    <Stack gap="md" pb="xl" maw={1280}>
      <AuditHeader
        audit={data}
        onBack={back}
        canPrint={accepted && printable && can.print}
        printing={print.isPending}
        onPrint={() => print.mutate(data.certificateSerial!)}
        canSubmit={editable}
        submitting={submitting}
        onSubmit={() => void submitReport(data)}
      />
      <AuditNotices
        audit={data}
        done={done}
        onCloseDone={clearDone}
        refusal={refusal}
        printError={print.isError ? print.error.message : null}
      />

      <AuditProgrammeSection
        audit={data}
        certificate={certificate}
        canReview={can.review}
        onReview={(decision) => setDialog({ kind: 'review', decision })}
        onReassign={() => setDialog({ kind: 'reassign' })}
      />

      <AuditReportForm key={data.id} ref={form} detail={data} readOnly={!editable} save={save} />

      <ObservationsSection
        audit={data}
        editable={editable}
        followUp={accepted && can.followUp}
        canVerify={defectVerifierRoles.includes(user.role)}
        onEdit={(observation) => setDialog({ kind: 'observation', editing: observation })}
        onAdd={() => setDialog({ kind: 'observation', editing: null })}
        onAction={(observation, action) => setDialog({ kind: 'followUp', observation, action })}
      />

      <FeeSection
        audit={data}
        canSet={can.review}
        canReceive={can.receive}
        onSet={() => setDialog({ kind: 'fee' })}
        onReceive={() => setDialog({ kind: 'receive' })}
      />

      <DocumentsSection
        ownerEntity="audit"
        ownerId={data.id}
        readOnly={user.role === 'auditor' && !editable}
      />

      <AuditDialogs
        dialog={dialog}
        audit={data}
        onClose={() => setDialog(null)}
        onDone={saved}
        onReceived={(receiptNo, next) => {
          stored(next);
          setDialog(null);
          void navigate(paths.auditReceipt(id, receiptNo));
        }}
      />
    </Stack>
  );
}
