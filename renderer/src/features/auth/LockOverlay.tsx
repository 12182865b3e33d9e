import { Alert, Anchor, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useRequest } from '../../lib/backend';
import { useApplyAuthStatus, useSignOut } from './use-auth-actions';

/**
 * The lock: drawn above the app, which stays mounted underneath so a half-filled form is
 * still there after unlocking. Nothing but the password (or signing out) gets past it.
 */
export function LockOverlay({ fullName }: { fullName: string }) {
  const { t } = useTranslation('auth');
  const queryClient = useQueryClient();
  const apply = useApplyAuthStatus();
  const unlock = useRequest('auth.unlock');
  const signOut = useSignOut();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { register, handleSubmit, setValue, setFocus, formState } = useForm<{
    password: string;
  }>({ defaultValues: { password: '' } });

  const onSubmit = handleSubmit(async ({ password }) => {
    setRefusal(null);
    try {
      apply(await unlock.mutateAsync({ password }));
      // Whatever failed while the screen was locked is fetched again.
      void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
    } catch (failure) {
      setRefusal(failure instanceof Error ? failure.message : String(failure));
      setValue('password', '');
      setFocus('password');
    }
  });

  return (
    <Modal
      opened
      onClose={() => {}}
      title={t('auth.lock.title')}
      centered
      zIndex={1000}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      overlayProps={{ backgroundOpacity: 0.9, blur: 10, color: '#1b1f3b' }}
      transitionProps={{ duration: 0 }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {/* Keys stay inside the lock: the app's shortcuts underneath must not act. */}
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        onKeyDown={(event) => event.stopPropagation()}
        aria-label={t('auth.lock.title')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('auth.lock.body', { name: fullName })}</Text>
          {refusal ? (
            <Alert color="red" variant="light" role="alert">
              {refusal}
            </Alert>
          ) : null}
          <PasswordInput
            {...register('password', { required: t('auth.enterPassword') })}
            label={t('auth.password')}
            error={formState.errors.password?.message}
            data-autofocus
            autoComplete="current-password"
          />
          <Group justify="space-between" align="center" mt="xs">
            <Text size="sm" c="dimmed">
              {t('auth.lock.notYou', { name: fullName })}{' '}
              <Anchor component="button" type="button" size="sm" onClick={signOut}>
                {t('session.signOut')}
              </Anchor>
            </Text>
            <Button type="submit" loading={formState.isSubmitting}>
              {t('auth.lock.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
