import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Registered names close to the proposed one, for the registrar to weigh before deciding. */
export function CloseNamesAlert({ names }: { names: readonly string[] }) {
  const { t } = useTranslation(['registration', 'certificates']);
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('application.closeNamesTitle')}
      data-testid="close-names"
    >
      <Text size="sm">{t('application.closeNamesBody')}</Text>
      <List size="sm" mt={4}>
        {names.map((name) => (
          <List.Item key={name}>{name}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
