import { Alert, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { DocumentRows, PrintableDocument } from '../../components/PrintableDocument';
import { dateText, rupeeText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useAudit } from './queries';
import { useReferenceData } from '../reference';

/** The receipt for an audit fee paid, printed for the society. */
export function FeeReceipt({ auditId, receiptNo }: { auditId: string; receiptNo: string }) {
  const { t } = useTranslation(['audits', 'registration', 'returns']);
  const audit = useAudit(auditId);
  const reference = useReferenceData();
  if (audit.isPending || reference.isPending) {
    return (
      <Stack maw={820} aria-busy>
        <Skeleton height={36} />
        <Skeleton height={360} />
      </Stack>
    );
  }
  if (audit.isError || reference.isError) {
    return (
      <ErrorState
        title={t('audits.page.loadError')}
        error={audit.error ?? reference.error}
        onRetry={() => void audit.refetch()}
      />
    );
  }
  const receipt = audit.data.fee.receipts.find((candidate) => candidate.receiptNo === receiptNo);
  if (!receipt) {
    return (
      <Alert color="yellow" variant="light" maw={760}>
        {t('audits.fee.noSuchReceipt', { receiptNo })}
      </Alert>
    );
  }
  const office = reference.data.offices.find((o) => o.id === audit.data.society.officeId);
  return (
    <PrintableDocument
      stateName={reference.data.stateName}
      office={office}
      title={t('audits.fee.receiptTitle')}
      backTo={paths.audit(auditId)}
      backLabel={t('audits.page.backToAudit')}
      testId="fee-receipt"
    >
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Text size="xs" c="dark.4" tt="uppercase">
              {t('audits.fee.receiptNo')}
            </Text>
            <Text fz={24} fw={700} ff="monospace" data-testid="receipt-no">
              {receipt.receiptNo}
            </Text>
          </Stack>
          <Text size="sm" fw={600}>
            {t('audits.fee.receivedOn')}: {dateText(receipt.receivedOn)}
          </Text>
        </Group>
        <Text size="sm">
          {t('audits.fee.receiptText', {
            amount: rupeeText(receipt.amountPaise),
            society: audit.data.society.name,
            fy: audit.data.fy,
          })}
        </Text>
        <DocumentRows
          rows={[
            { label: t('returns:returnAck.society'), value: audit.data.society.name },
            { label: t('returns:returnAck.regNo'), value: audit.data.society.regNo },
            { label: t('audits.fee.forAudit'), value: audit.data.fy },
            { label: t('audits.fee.amount'), value: rupeeText(receipt.amountPaise) },
            {
              label: t('audits.fee.mode'),
              value: `${t(`audits.fee.modes.${receipt.mode}`)}${receipt.reference ? ` · ${receipt.reference}` : ''}`,
            },
            {
              label: t('audits.fee.dueInAll'),
              value: rupeeText(audit.data.fee.duePaise),
            },
            {
              label: t('audits.fee.paidInAll'),
              value: rupeeText(audit.data.fee.paidPaise),
            },
            { label: t('audits.fee.receivedBy'), value: receipt.receivedByName },
          ]}
        />
        <Group justify="flex-end" mt={40}>
          <Text
            size="xs"
            c="dark.4"
            pt={4}
            style={{ borderTop: '1px solid #555', width: 240 }}
            ta="center"
          >
            {t('registration:slip.signature')}
          </Text>
        </Group>
      </Stack>
    </PrintableDocument>
  );
}
