import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequest } from '../../../lib/backend';
import { useSession } from '../../../lib/session';
import { authKeys } from '../queries';

/** The administrator's one setting so far: idle minutes before the screen locks. */
export function IdleLockSettings() {
  const { t } = useTranslation('auth');
  const queryClient = useQueryClient();
  const { idleLockMinutes } = useSession();
  const update = useRequest('settings.update', (status) =>
    queryClient.setQueryData(authKeys.status(), status),
  );
  const [value, setValue] = useState<string | number>(idleLockMinutes);
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setSaved(null);
    setError(null);
    const minutes = typeof value === 'number' ? value : Number.NaN;
    try {
      await update.mutateAsync({ idleLockMinutes: minutes });
      setSaved(minutes);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="idle-lock-title">
      <Title order={2} size="h5" mb="sm" id="idle-lock-title" c="dark.6">
        {t('users.settingsTitle')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="xs">
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('users.idleLabel')}
              description={t('users.idleHint')}
              value={value}
              onChange={setValue}
              min={1}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              w={500}
              error={error}
            />
            <Button type="submit" variant="light" loading={update.isPending}>
              {t('users.idleSave')}
            </Button>
          </Group>
          {saved !== null ? (
            <Alert color="green" variant="light" role="status" p="xs">
              <Text size="sm">{t('users.idleSaved', { count: saved })}</Text>
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
