import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '#shared/ipc/contract';
import { isBackendError, useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { AuthFrame } from './AuthFrame';
import { useApplyAuthStatus } from './use-auth-actions';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'repeat'] as const;

/** After the administrator set a temporary password: nothing else works until it is changed. */
export function ChangePasswordScreen({ fullName }: { fullName: string }) {
  const { t } = useTranslation('auth');
  const apply = useApplyAuthStatus();
  const change = useRequest('auth.changePassword');
  const logout = useRequest('auth.logout');
  const [banner, setBanner] = useState<string | null>(null);
  const [resolver] = useState(() =>
    zodResolver(
      contract.requests['auth.changePassword'].input
        .extend({ repeat: z.string() })
        .refine((value) => value.newPassword === value.repeat, {
          message: t('auth.mismatch'),
          path: ['repeat'],
        }),
    ),
  );
  const { register, handleSubmit, setError, formState } = useForm<ChangeValues>({
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
    resolver: resolver as never,
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setBanner(null);
    try {
      apply(await change.mutateAsync({ currentPassword, newPassword }));
    } catch (failure) {
      // A wrong current password is a sign-in refusal with no field: put it by the field.
      if (isBackendError(failure) && failure.code === 'unauthenticated') {
        setError(
          'currentPassword',
          { type: 'server', message: failure.message },
          { shouldFocus: true },
        );
        return;
      }
      setBanner(showServerErrors(failure, setError, FIELDS));
    }
  });

  const errors = formState.errors;
  return (
    <AuthFrame title={t('auth.change.title')} intro={t('auth.change.intro', { name: fullName })}>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label={t('auth.change.title')}
      >
        <Stack gap="sm">
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          <PasswordInput
            {...register('currentPassword')}
            label={t('auth.change.current')}
            error={errors.currentPassword?.message}
            autoFocus
            autoComplete="current-password"
          />
          <PasswordInput
            {...register('newPassword')}
            label={t('auth.change.newPassword')}
            description={t('auth.passwordHint')}
            error={errors.newPassword?.message}
            autoComplete="new-password"
          />
          <PasswordInput
            {...register('repeat')}
            label={t('auth.change.repeat')}
            error={errors.repeat?.message}
            autoComplete="new-password"
          />
          <Group justify="space-between" mt="xs">
            <Button
              variant="subtle"
              color="gray"
              onClick={() =>
                void logout.mutateAsync({}).then((status) => apply(status, { freshUser: true }))
              }
            >
              {t('session.signOut')}
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {t('auth.change.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
