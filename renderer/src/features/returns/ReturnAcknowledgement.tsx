import { Alert, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Office } from '#shared/reference/contract';
import type { ReturnDetail } from '#shared/returns/contract';
import { ErrorState } from '../../components/ErrorState';
import { DocumentRows, PrintableDocument } from '../../components/PrintableDocument';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { lateText } from './late-text';
import { useReferenceData } from '../reference';
import { useReturn } from './queries';

/** What the acknowledgement of a filed return says; printed from the counter or the return page. */
export function ReturnAcknowledgementBody({ detail }: { detail: ReturnDetail }) {
  const { t } = useTranslation(['returns', 'registration']);
  const filed = detail.filed;
  if (!filed) return null;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="xs" c="dark.4" tt="uppercase">
            {t('returnPage.ackNo')}
          </Text>
          <Text fz={24} fw={700} ff="monospace" data-testid="return-ack-no">
            {filed.ackNo}
          </Text>
        </Stack>
        <Text size="sm" fw={600}>
          {t('returnAck.filedOn')}: {dateText(filed.filedOn)}
        </Text>
      </Group>
      <Text size="sm">{t('returnAck.received')}</Text>
      <DocumentRows
        rows={[
          { label: t('returnAck.society'), value: detail.societyName },
          { label: t('returnAck.regNo'), value: detail.regNo },
          { label: t('returnAck.fy'), value: detail.fy },
          { label: t('returnAck.dueOn'), value: dateText(detail.dueOn) },
          {
            label: t('returnAck.late'),
            value: lateText(t, filed),
          },
          {
            label: t('returnAck.declarant'),
            value: `${filed.declarantName}, ${filed.declarantDesignation}`,
          },
          { label: t('returnAck.counterClerk'), value: filed.counterClerkName },
        ]}
      />
      <Text size="xs" c="dark.4">
        {t('returnAck.note')}
      </Text>
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
  );
}

/** The acknowledgement of a filed return, from the return page. */
export function ReturnAcknowledgement({ societyId, fy }: { societyId: string; fy: string }) {
  const { t } = useTranslation(['returns', 'registration']);
  const detail = useReturn(societyId, fy);
  const reference = useReferenceData();
  if (detail.isPending || reference.isPending) {
    return (
      <Stack maw={820} aria-busy>
        <Skeleton height={36} />
        <Skeleton height={420} />
      </Stack>
    );
  }
  if (detail.isError || reference.isError) {
    return (
      <ErrorState
        title={t('returnPage.loadError')}
        error={detail.error ?? reference.error}
        onRetry={() => void detail.refetch()}
      />
    );
  }
  if (!detail.data.filed) {
    return (
      <Alert color="yellow" variant="light" maw={760}>
        {t('returnPage.notFiledBody', { fy })}
      </Alert>
    );
  }
  const office: Office | undefined = reference.data.offices.find(
    (candidate) => candidate.id === detail.data.officeId,
  );
  return (
    <PrintableDocument
      stateName={reference.data.stateName}
      office={office}
      title={t('returnAck.title')}
      backTo={paths.annualReturn(societyId, fy)}
      backLabel={t('returnPage.back')}
      testId="return-acknowledgement"
    >
      <ReturnAcknowledgementBody detail={detail.data} />
    </PrintableDocument>
  );
}
