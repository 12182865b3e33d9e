import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import type { ReceivedState } from './NewApplicationScreen';
import { ApplicationDocument } from './ApplicationDocument';
import { DocumentRows, PrintableDocument } from '../../components/PrintableDocument';

/** The acknowledgement slip handed to the applicant at once, ready to print. */
export function AcknowledgementSlip({ id }: { id: string }) {
  const { t } = useTranslation('registration');
  const location = useLocation();
  const justReceived = Boolean((location.state as ReceivedState | null)?.received);
  return (
    <ApplicationDocument id={id}>
      {(data, reference, office) => {
        const chief = data.promoters.find((promoter) => promoter.isChief);
        return (
          <PrintableDocument
            stateName={reference.stateName}
            office={office}
            title={t('slip.title')}
            backTo={paths.application(data.id)}
            backLabel={t('slip.openApplication')}
            testId="acknowledgement-slip"
            notice={
              justReceived ? (
                <Alert color="green" variant="light" role="status" title={t('slip.recorded')} />
              ) : null
            }
          >
            <Stack gap="lg">
              <Group justify="space-between" align="flex-end">
                <Stack gap={0}>
                  <Text size="xs" c="dark.4" tt="uppercase">
                    {t('slip.ackNo')}
                  </Text>
                  <Text fz={26} fw={700} ff="monospace" data-testid="slip-ack-no">
                    {data.ackNo}
                  </Text>
                </Stack>
                <Stack gap={0} align="flex-end">
                  <Text size="xs" c="dark.4" tt="uppercase">
                    {t('slip.receivedOn')}
                  </Text>
                  <Text fz={20} fw={700}>
                    {dateText(data.receivedOn)}
                  </Text>
                </Stack>
              </Group>
              <Text size="sm">{t('slip.received')}</Text>
              <DocumentRows
                rows={[
                  {
                    label: t('slip.name'),
                    value: data.proposedNameMizo
                      ? `${data.proposedName} (${data.proposedNameMizo})`
                      : data.proposedName,
                  },
                  { label: t('slip.type'), value: data.typeName },
                  { label: t('slip.office'), value: office?.shortName ?? data.officeName },
                  { label: t('slip.mode'), value: t(`applicationForm.modes.${data.mode}`) },
                  { label: t('slip.chief'), value: chief?.name ?? t('common.none') },
                  { label: t('slip.promoters'), value: String(data.promoters.length) },
                  { label: t('slip.feeReceipt'), value: data.feeReceiptNo ?? t('common.none') },
                  { label: t('slip.receivedBy'), value: data.receivedByName },
                  {
                    label: t('slip.dueOn'),
                    value: data.clock ? dateText(data.clock.dueOn) : t('common.none'),
                  },
                ]}
              />
              <Text size="xs" c="dark.4">
                {t('slip.dueNote')}
              </Text>
              <Group justify="space-between" mt={48} align="flex-start">
                <Text
                  size="xs"
                  c="dark.4"
                  pt={4}
                  style={{ borderTop: '1px solid #555', width: 180 }}
                >
                  {t('slip.seal')}
                </Text>
                <Text
                  size="xs"
                  c="dark.4"
                  pt={4}
                  ta="right"
                  style={{ borderTop: '1px solid #555', width: 240 }}
                >
                  {t('slip.signature')}
                  <br />
                  {data.receivedByName}
                </Text>
              </Group>
            </Stack>
          </PrintableDocument>
        );
      }}
    </ApplicationDocument>
  );
}
