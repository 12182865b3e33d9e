import { Badge, Code, CopyButton, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Section } from '../../components/Section';
import { instantText } from '../../lib/format';
import { useOfficeKeys } from './queries';

/**
 * The offices' public signing keys: what the Verify screen checks against, listed so that
 * anyone can check a certificate with other software, and a retired key is still known.
 */
export function OfficeKeys() {
  const { t } = useTranslation('certificates');
  const keys = useOfficeKeys();
  return (
    <Section title={t('officeKeys.title')} id="sec-office-keys">
      <Text size="sm" c="dimmed" mb="xs">
        {t('officeKeys.intro')}
      </Text>
      {keys.isError ? (
        <ErrorState
          title={t('officeKeys.loadError')}
          error={keys.error}
          onRetry={() => void keys.refetch()}
        />
      ) : (keys.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {keys.isPending ? t('common.loading') : t('officeKeys.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" data-testid="office-keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('officeKeys.office')}</Table.Th>
              <Table.Th>{t('officeKeys.keyId')}</Table.Th>
              <Table.Th>{t('officeKeys.publicKey')}</Table.Th>
              <Table.Th>{t('officeKeys.since')}</Table.Th>
              <Table.Th>{t('officeKeys.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data!.map((key) => (
              <Table.Tr key={key.keyId}>
                <Table.Td>{key.officeName}</Table.Td>
                <Table.Td>
                  <Code>{key.keyId}</Code>
                </Table.Td>
                <Table.Td>
                  <Code style={{ wordBreak: 'break-all' }}>{key.publicKey}</Code>
                  <CopyButton value={key.publicKey}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="subtle" onClick={copy} ml={4}>
                        {copied ? t('officeKeys.copied') : t('officeKeys.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Table.Td>
                <Table.Td>{instantText(key.createdAt)}</Table.Td>
                <Table.Td>
                  {key.retiredAt ? (
                    <Badge color="gray" variant="light" radius="sm" tt="none">
                      {t('officeKeys.retired', { at: instantText(key.retiredAt) })}
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light" radius="sm" tt="none">
                      {t('officeKeys.inUse')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
