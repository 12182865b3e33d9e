import {
  Alert,
  Anchor,
  Button,
  Group,
  Kbd,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  defectCategoryLabels,
  defectVerifierRoles,
  editableAuditStates,
  type DefectActionKind,
} from '#shared/audits/audits';
import type { AuditDetail, AuditObservation } from '#shared/audits/contract';
import { ErrorState } from '../../components/ErrorState';
import { FieldList } from '../../components/FieldList';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { ArrowLeftIcon } from '../../components/icons';
import { isBackendError, useBackend, useRequest } from '../../lib/backend';
import { dateText, instantText, rupeeText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useCan, useSession } from '../../lib/session';
import { CertificateStatus } from '../certificates';
import { DocumentsSection } from '../documents';
import { AuditStateBadge, DefectStatusBadge, GradeBadge } from './AuditBadges';
import {
  FeeModal,
  FollowUpModal,
  ObservationModal,
  ReassignModal,
  ReceiveFeeModal,
  ReviewModal,
} from './AuditModals';
import { AuditReportForm, type AuditReportHandle } from './AuditReportForm';
import { auditKeys, useAudit } from './queries';
import { useCertificates, usePrintCertificate } from '../certificates';

type Dialog =
  | { kind: 'observation'; editing: AuditObservation | null }
  | { kind: 'review'; decision: 'accept' | 'return' }
  | { kind: 'followUp'; observation: AuditObservation; action: DefectActionKind }
  | { kind: 'fee' }
  | { kind: 'receive' }
  | { kind: 'reassign' };

/**
 * One audit. The assigned auditor writes the report here (saved as they type) and
 * submits it; the audit officer accepts or returns it; after acceptance the office
 * prints the certificate, follows each defect and takes the fee.
 */
export function AuditScreen({ id }: { id: string }) {
  const { t } = useTranslation('audits');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
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
  const canReview = useCan('audits.review');
  const canFollowUp = useCan('audits.followUp');
  const canReceive = useCan('audits.receiveFee');
  const canPrint = useCan('certificates.print');
  const form = useRef<AuditReportHandle>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; reasons: string[] } | null>(null);
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
  const submitReport = async () => {
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

  return (
    <Stack gap="md" pb="xl" maw={1280}>
      <PageHeader
        title={data.society.name}
        badge={
          <Group gap={6} wrap="nowrap" preventGrowOverflow={false}>
            <AuditStateBadge status={data.state} size="md" />
            {data.overdue ? <AuditStateBadge status="overdue" size="md" /> : null}
            {accepted && data.grade ? <GradeBadge grade={data.grade} /> : null}
          </Group>
        }
        subtitle={
          <Group gap="md">
            <Text size="sm" ff="monospace" c="dark.5">
              {data.society.regNo}
            </Text>
            <Text size="sm" c="dimmed">
              {t('audits.page.subtitle', {
                fy: data.fy,
                due: dateText(data.dueOn),
                type: data.society.typeName,
                office: data.society.officeName,
              })}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<ArrowLeftIcon />}
              rightSection={<Kbd size="xs">Esc</Kbd>}
              onClick={back}
            >
              {t('audits.page.back')}
            </Button>
            <Button variant="default" component={Link} to={paths.society(data.society.id)}>
              {t('audits.page.openSociety')}
            </Button>
            {accepted && printable && canPrint ? (
              <Button
                loading={print.isPending}
                onClick={() => print.mutate(data.certificateSerial!)}
              >
                {t('audits.page.printCertificate')}
              </Button>
            ) : null}
            {editable ? (
              <Button
                color="green.8"
                loading={submit.isPending}
                onClick={() => void submitReport()}
              >
                {t('audits.page.submit')}
              </Button>
            ) : null}
          </>
        }
      />
      {done ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={done}
          withCloseButton
          onClose={() => setDone(null)}
        />
      ) : null}
      {refusal ? (
        <Alert color="red" variant="light" role="alert" title={t('audits.page.cannotSubmit')}>
          {refusal.reasons.length > 0 ? (
            <Stack gap={2}>
              {refusal.reasons.map((reason) => (
                <Text size="sm" key={reason}>
                  {reason}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm">{refusal.message}</Text>
          )}
        </Alert>
      ) : null}
      {print.isError ? (
        <Alert color="red" variant="light" role="alert" title={print.error.message} />
      ) : null}
      {data.state === 'returned' && data.reviewRemarks ? (
        <Alert color="orange" variant="light" title={t('audits.page.returnedTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.reviewRemarks}
          </Text>
        </Alert>
      ) : null}

      <Section title={t('audits.page.programme')} id="sec-audit-programme">
        <Group justify="space-between" align="flex-start">
          <FieldList
            items={[
              {
                label: t('audits.auditor'),
                value: `${data.auditorName} (${t(`audits.kind.${data.auditorKind}`)})`,
              },
              {
                label: t('audits.page.assigned'),
                value: t('audits.page.assignedBy', {
                  name: data.assignedByName,
                  date: dateText(data.assignedOn),
                }),
              },
              { label: t('audits.page.reportDue'), value: dateText(data.reportDueOn) },
              { label: t('audits.page.submittedOn'), value: dateText(data.submittedOn) },
              {
                label: t('audits.page.decided'),
                value: data.reviewedByName
                  ? `${data.reviewedByName}, ${instantText(data.reviewedAt)}`
                  : '',
              },
              ...(accepted
                ? [
                    { label: t('audits.page.remarks'), value: data.reviewRemarks ?? '' },
                    {
                      label: t('audits.page.certificate'),
                      value: certificate?.voidReason ? (
                        <Stack gap={4}>
                          <Text size="sm">{certificate.serial}</Text>
                          <CertificateStatus certificate={certificate} />
                        </Stack>
                      ) : (
                        (data.certificateSerial ?? '')
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Group gap="xs">
            {canReview && data.state === 'submitted' ? (
              <>
                <Button
                  color="green.8"
                  onClick={() => setDialog({ kind: 'review', decision: 'accept' })}
                >
                  {t('audits.review.accept')}
                </Button>
                <Button
                  variant="light"
                  color="orange"
                  onClick={() => setDialog({ kind: 'review', decision: 'return' })}
                >
                  {t('audits.review.return')}
                </Button>
              </>
            ) : null}
            {canReview && editableAuditStates.includes(data.state) ? (
              <Button variant="default" onClick={() => setDialog({ kind: 'reassign' })}>
                {t('audits.reassign')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Section>

      <AuditReportForm
        key={data.id}
        ref={form}
        detail={data}
        readOnly={!editable}
        save={async (input) => {
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
        }}
      />

      <Section title={t('audits.observation.title')} id="sec-audit-observations">
        <Stack gap="sm">
          {data.observations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('audits.observation.none')}
            </Text>
          ) : (
            data.observations.map((observation) => (
              <ObservationCard
                key={observation.id}
                observation={observation}
                editable={editable}
                followUp={accepted && canFollowUp}
                canVerify={defectVerifierRoles.includes(user.role)}
                onEdit={() => setDialog({ kind: 'observation', editing: observation })}
                onAction={(action) => setDialog({ kind: 'followUp', observation, action })}
              />
            ))
          )}
          {editable ? (
            <Group>
              <Button
                variant="light"
                onClick={() => setDialog({ kind: 'observation', editing: null })}
              >
                {t('audits.observation.add')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Section>

      <FeeSection
        audit={data}
        canSet={canReview}
        canReceive={canReceive}
        onSet={() => setDialog({ kind: 'fee' })}
        onReceive={() => setDialog({ kind: 'receive' })}
      />

      <DocumentsSection
        ownerEntity="audit"
        ownerId={data.id}
        readOnly={user.role === 'auditor' && !editable}
      />

      {dialog?.kind === 'observation' ? (
        <ObservationModal
          audit={data}
          editing={dialog.editing}
          onClose={() => setDialog(null)}
          onDone={saved}
        />
      ) : null}
      {dialog?.kind === 'review' ? (
        <ReviewModal
          audit={data}
          decision={dialog.decision}
          onClose={() => setDialog(null)}
          onDone={saved}
        />
      ) : null}
      {dialog?.kind === 'followUp' ? (
        <FollowUpModal
          observation={dialog.observation}
          kind={dialog.action}
          onClose={() => setDialog(null)}
          onDone={saved}
        />
      ) : null}
      {dialog?.kind === 'fee' ? (
        <FeeModal audit={data} onClose={() => setDialog(null)} onDone={saved} />
      ) : null}
      {dialog?.kind === 'reassign' ? (
        <ReassignModal audit={data} onClose={() => setDialog(null)} onDone={saved} />
      ) : null}
      {dialog?.kind === 'receive' ? (
        <ReceiveFeeModal
          audit={data}
          onClose={() => setDialog(null)}
          onReceived={(receiptNo, next) => {
            stored(next);
            setDialog(null);
            void navigate(paths.auditReceipt(id, receiptNo));
          }}
        />
      ) : null}
    </Stack>
  );
}

function ObservationCard({
  observation: o,
  editable,
  followUp,
  canVerify,
  onEdit,
  onAction,
}: {
  observation: AuditObservation;
  editable: boolean;
  followUp: boolean;
  canVerify: boolean;
  onEdit: () => void;
  onAction: (action: DefectActionKind) => void;
}) {
  const { t } = useTranslation('audits');
  const withdraw = useRequest('audits.reviseObservation');
  const [withdrawing, setWithdrawing] = useState(false);
  const queryClient = useQueryClient();
  const isDefect = o.kind === 'defect';
  const open = isDefect && o.status !== 'rectified';
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="observation">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap="xs">
            <Text size="sm" fw={700}>
              {t('audits.para', { para: o.para })}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`audits.observation.kind.${o.kind}`)} · {defectCategoryLabels[o.category]}
              {o.amountPaise
                ? ` · ${t('audits.observation.involved', { amount: rupeeText(o.amountPaise) })}`
                : ''}
            </Text>
            {isDefect ? <DefectStatusBadge status={o.status} /> : null}
            {o.overdue ? <AuditStateBadge status="overdue" /> : null}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {o.description}
          </Text>
          {o.recommendation ? (
            <Text size="sm" c="dark.5" style={{ whiteSpace: 'pre-wrap' }}>
              {t('audits.observation.recommends', { text: o.recommendation })}
            </Text>
          ) : null}
          {o.rectificationDueOn ? (
            <Text size="xs" c={o.overdue ? 'red.8' : 'dimmed'}>
              {t('audits.observation.rectifyBy', { date: dateText(o.rectificationDueOn) })}
            </Text>
          ) : null}
          {o.actions.length > 0 ? (
            <Table fz="xs" verticalSpacing={2} mt={4} aria-label={t('audits.followUp.history')}>
              <Table.Tbody>
                {o.actions.map((action) => (
                  <Table.Tr key={action.at}>
                    <Table.Td w={110} style={{ whiteSpace: 'nowrap' }}>
                      {dateText(action.actedOn)}
                    </Table.Td>
                    <Table.Td w={150}>{t(`audits.followUp.kind.${action.kind}`)}</Table.Td>
                    <Table.Td>{action.note}</Table.Td>
                    <Table.Td w={180} c="dimmed">
                      {action.byName}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {editable ? (
            <>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('audits.observation.correct')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(true)}>
                {t('audits.observation.withdraw')}
              </Button>
              {withdrawing ? (
                <FormModal
                  title={t('audits.observation.withdrawTitle', { para: o.para })}
                  onClose={() => setWithdrawing(false)}
                  onSubmit={() =>
                    withdraw.mutate(
                      { observationId: o.id, observation: null },
                      {
                        onSuccess: (next) => {
                          setWithdrawing(false);
                          queryClient.setQueryData(auditKeys.one(next.id), next);
                        },
                      },
                    )
                  }
                  banner={withdraw.isError ? withdraw.error.message : null}
                  submitLabel={t('audits.observation.withdrawSubmit')}
                  submitting={withdraw.isPending}
                  color="red"
                >
                  <Text size="sm">{t('audits.observation.withdrawBody')}</Text>
                </FormModal>
              ) : null}
            </>
          ) : null}
          {followUp && open ? (
            <>
              <Button size="xs" variant="light" onClick={() => onAction('reply')}>
                {t('audits.followUp.button.reply')}
              </Button>
              {canVerify && o.status === 'replied' ? (
                <>
                  <Button size="xs" color="green.8" onClick={() => onAction('rectified')}>
                    {t('audits.followUp.button.rectified')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="orange"
                    onClick={() => onAction('not_accepted')}
                  >
                    {t('audits.followUp.button.not_accepted')}
                  </Button>
                </>
              ) : null}
            </>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

function FeeSection({
  audit,
  canSet,
  canReceive,
  onSet,
  onReceive,
}: {
  audit: AuditDetail;
  canSet: boolean;
  canReceive: boolean;
  onSet: () => void;
  onReceive: () => void;
}) {
  const { t } = useTranslation('audits');
  const fee = audit.fee;
  return (
    <Section title={t('audits.fee.title')} id="sec-audit-fee">
      <Group justify="space-between" align="flex-start">
        <FieldList
          items={[
            {
              label: t('audits.fee.byRuleLabel'),
              value:
                fee.computedPaise === null
                  ? t('audits.fee.noRuleYet')
                  : rupeeText(fee.computedPaise),
            },
            ...(fee.overridePaise !== null
              ? [
                  {
                    label: t('audits.fee.override'),
                    value: `${rupeeText(fee.overridePaise)} · ${fee.overrideReason ?? ''}`,
                  },
                ]
              : []),
            { label: t('audits.fee.paid'), value: rupeeText(fee.paidPaise) },
            {
              label: t('audits.fee.outstandingLabel'),
              value: rupeeText(fee.outstandingPaise),
            },
          ]}
        />
        <Group gap="xs">
          {canSet ? (
            <Button variant="default" onClick={onSet}>
              {t('audits.fee.setButton')}
            </Button>
          ) : null}
          {canReceive && (fee.outstandingPaise ?? 0) > 0 ? (
            <Button onClick={onReceive}>{t('audits.fee.receiveButton')}</Button>
          ) : null}
        </Group>
      </Group>
      {fee.receipts.length > 0 ? (
        <Table fz="sm" verticalSpacing={4} mt="sm" aria-label={t('audits.fee.receipts')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audits.fee.receiptNo')}</Table.Th>
              <Table.Th>{t('audits.fee.receivedOn')}</Table.Th>
              <Table.Th ta="right">{t('audits.fee.amount')}</Table.Th>
              <Table.Th>{t('audits.fee.mode')}</Table.Th>
              <Table.Th>{t('audits.fee.receivedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fee.receipts.map((receipt) => (
              <Table.Tr key={receipt.receiptNo}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={paths.auditReceipt(audit.id, receipt.receiptNo)}
                    ff="monospace"
                    size="sm"
                  >
                    {receipt.receiptNo}
                  </Anchor>
                </Table.Td>
                <Table.Td>{dateText(receipt.receivedOn)}</Table.Td>
                <Table.Td ta="right">{rupeeText(receipt.amountPaise)}</Table.Td>
                <Table.Td>
                  {t(`audits.fee.modes.${receipt.mode}`)}
                  {receipt.reference ? ` · ${receipt.reference}` : ''}
                </Table.Td>
                <Table.Td>{receipt.receivedByName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Section>
  );
}
