import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequest } from '../../lib/backend';
import { useApplyAuthStatus, useAuthStatus } from '../auth';
import { returnKeys } from './queries';

/** Which return the counter was open for: where the clerk's screens come back to. */
export interface ClosedCounter {
  societyId: string;
  fy: string;
}

/** The clerk's password closes the counter; the clerk's own screens come back. */
export function HandBackModal({
  onClose,
  onClosed,
}: {
  onClose: () => void;
  /** Called before the clerk's screens come back, so they open on the counter's return. */
  onClosed: (counter: ClosedCounter) => void;
}) {
  const { t } = useTranslation('returns');
  const queryClient = useQueryClient();
  const apply = useApplyAuthStatus();
  const counter = useAuthStatus().data?.session?.counter ?? null;
  const close = useRequest('returns.closeCounter');
  const [password, setPassword] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('counter.handBackTitle')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          close.mutate(
            { password },
            {
              onSuccess: (status) => {
                void queryClient.invalidateQueries({ queryKey: returnKeys.all() });
                if (counter) onClosed(counter);
                apply(status);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('counter.handBackBody')}</Text>
          <PasswordInput
            label={t('counter.password')}
            data-autofocus
            value={password}
            autoComplete="current-password"
            error={close.isError ? close.error.message : undefined}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={close.isPending}>
              {t('counter.handBackSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
