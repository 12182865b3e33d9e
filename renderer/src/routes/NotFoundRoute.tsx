import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../lib/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <Alert color="yellow" variant="light" title={t('errors.notFoundTitle')}>
        <Text size="sm">{t('errors.notFoundBody')}</Text>
        <Button component={Link} to={paths.register} mt="sm" size="xs" variant="white">
          {t('errors.goToRegister')}
        </Button>
      </Alert>
    </Stack>
  );
}
