import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { editableAuditStates } from '#shared/audits/audits';
import type { AuditDetail } from '#shared/audits/contract';
import type { CertificateRow } from '#shared/certificates/contract';
import { FieldList } from '../../components/FieldList';
import { Section } from '../../components/Section';
import { dateText, instantText } from '../../lib/format';
import { CertificateStatus } from '../certificates';

/**
 * Who audits and when, the decision and certificate once accepted; the audit officer's
 * Accept / Return of a submitted report and Reassign of one still open.
 */
export function AuditProgrammeSection({
  audit: data,
  certificate,
  canReview,
  onReview,
  onReassign,
}: {
  audit: AuditDetail;
  /** The audit certificate's row among the society's, once they have loaded. */
  certificate: CertificateRow | undefined;
  canReview: boolean;
  onReview: (decision: 'accept' | 'return') => void;
  onReassign: () => void;
}) {
  const { t } = useTranslation('audits');
  const accepted = data.state === 'accepted';
  return (
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
              <Button color="green.8" onClick={() => onReview('accept')}>
                {t('audits.review.accept')}
              </Button>
              <Button variant="light" color="orange" onClick={() => onReview('return')}>
                {t('audits.review.return')}
              </Button>
            </>
          ) : null}
          {canReview && editableAuditStates.includes(data.state) ? (
            <Button variant="default" onClick={onReassign}>
              {t('audits.reassign')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Section>
  );
}
