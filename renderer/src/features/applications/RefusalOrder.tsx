import { Alert, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useApplication, useReferenceData } from '../../lib/backend';
import { dateText, instantText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { DocumentRows, PrintableDocument } from './PrintableDocument';

/** The order refusing registration, with the registrar's reasons, ready to print. */
export function RefusalOrder({ id }: { id: string }) {
  const { t } = useTranslation();
  const application = useApplication(id);
  const reference = useReferenceData();

  if (application.isPending || reference.isPending) {
    return (
      <Stack maw={820} aria-busy>
        <Skeleton height={36} />
        <Skeleton height={420} />
      </Stack>
    );
  }
  if (application.isError || reference.isError) {
    return (
      <ErrorState
        title={t('application.loadError')}
        error={application.error ?? reference.error}
        onRetry={() => void application.refetch()}
      />
    );
  }
  const data = application.data;
  if (data.state !== 'refused') {
    return (
      <Alert color="yellow" variant="light" maw={760}>
        {t('refusal.notRefused')}
      </Alert>
    );
  }
  const office = reference.data.offices.find((candidate) => candidate.id === data.officeId);
  return (
    <PrintableDocument
      stateName={reference.data.stateName}
      office={office}
      title={t('refusal.title')}
      backTo={paths.application(data.id)}
      backLabel={t('slip.openApplication')}
      testId="refusal-order"
    >
      <Stack gap="lg">
        <Group justify="space-between">
          <Text size="sm" ff="monospace" fw={600}>
            {data.ackNo}
          </Text>
          <Text size="sm" fw={600}>
            {t('refusal.decidedOn')}: {instantText(data.decidedAt).slice(0, 10)}
          </Text>
        </Group>
        <Text size="sm">{t('refusal.intro')}</Text>
        <DocumentRows
          rows={[
            { label: t('slip.name'), value: data.proposedName },
            { label: t('slip.type'), value: data.typeName },
            { label: t('slip.receivedOn'), value: dateText(data.receivedOn) },
          ]}
        />
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t('refusal.reasons')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="refusal-reasons">
            {data.decisionReasons}
          </Text>
        </Stack>
        <Group justify="flex-end" mt={56}>
          <Text
            size="xs"
            c="dark.4"
            pt={4}
            ta="right"
            style={{ borderTop: '1px solid #555', width: 260 }}
          >
            {data.decidedByName}
            <br />
            {office?.name.replace(/^Office of the /u, '') ?? t('refusal.decidedBy')}
          </Text>
        </Group>
      </Stack>
    </PrintableDocument>
  );
}
