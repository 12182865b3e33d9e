import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a clerk sees when a screen fails to draw: plain words, the technical line, a way out. */
export function ScreenError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Stack p="md" maw={720}>
      <Alert color="red" variant="light" title={t('errors.screenTitle')} role="alert">
        <Text size="sm">{t('errors.screenBody')}</Text>
        <Code block mt="sm">
          {message}
        </Code>
        <Group mt="md">
          <Button color="red" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
        </Group>
      </Alert>
    </Stack>
  );
}
