import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPasswordSchema } from '#shared/auth/credentials';
import type { UserRow } from '#shared/auth/contract';
import { useRequest } from '../../../lib/backend';
import { showServerErrors } from '../../../lib/form-errors';

const schema = z.object({ temporaryPassword: newPasswordSchema });

/** A new temporary password for a user who forgot theirs or is locked out. */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: UserRow;
  onClose: () => void;
  onDone: (saved: UserRow) => void;
}) {
  const { t } = useTranslation('auth');
  const reset = useRequest('users.resetPassword');
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ temporaryPassword: string }>({
    defaultValues: { temporaryPassword: '' },
    resolver: zodResolver(schema),
  });
  const onSubmit = handleSubmit(async ({ temporaryPassword }) => {
    setBanner(null);
    try {
      onDone(await reset.mutateAsync({ id: user.id, temporaryPassword }));
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['temporaryPassword']));
    }
  });
  const title = t('users.resetTitle', { name: user.fullName });
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label={title}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('users.resetBody')}
          </Text>
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          <PasswordInput
            {...register('temporaryPassword')}
            label={t('users.temporaryPassword')}
            description={t('users.temporaryHint')}
            error={formState.errors.temporaryPassword?.message}
            withAsterisk
            data-autofocus
            autoComplete="new-password"
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {t('users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
