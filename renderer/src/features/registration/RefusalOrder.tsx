import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dateText, instantText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { ApplicationDocument } from './ApplicationDocument';
import {
  DocumentRows,
  PrintableDocument,
  SignatureBlock,
} from '../../components/PrintableDocument';

/** The order refusing registration, with the registrar's reasons, ready to print. */
export function RefusalOrder({ id }: { id: string }) {
  const { t } = useTranslation('registration');
  return (
    <ApplicationDocument id={id}>
      {(data, reference, office) =>
        data.state !== 'refused' ? (
          <Alert color="yellow" variant="light" maw={760}>
            {t('refusal.notRefused')}
          </Alert>
        ) : (
          <PrintableDocument
            stateName={reference.stateName}
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
              <SignatureBlock
                name={data.decidedByName ?? ''}
                office={officeSignature(office?.name) ?? t('refusal.decidedBy')}
              />
            </Stack>
          </PrintableDocument>
        )
      }
    </ApplicationDocument>
  );
}

/** "Office of the Registrar …, Aizawl" signs as "Registrar …, Aizawl". */
export function officeSignature(officeName: string | undefined): string | undefined {
  return officeName?.replace(/^Office of the /u, '');
}
