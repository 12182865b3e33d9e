import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequest } from '../../lib/backend';
import { useApplyAuthStatus } from '../auth';
import { returnKeys } from './queries';

/** The clerk's password closes the counter; the clerk's own screens come back. */
export function HandBackModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('returns');
  const queryClient = useQueryClient();
  const apply = useApplyAuthStatus();
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
