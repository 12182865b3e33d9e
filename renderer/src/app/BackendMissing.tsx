import { Alert, Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown instead of the app when the host gave the page no bridge to the backend. */
export function BackendMissing() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="xl">
      <Alert color="red" variant="light" title={t('backendMissing.title')} role="alert" maw={640}>
        <Text size="sm">{t('backendMissing.body')}</Text>
      </Alert>
    </Center>
  );
}
