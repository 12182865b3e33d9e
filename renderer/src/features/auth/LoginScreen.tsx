import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isBackendError, useRequest } from '../../lib/backend';
import { AuthFrame } from './AuthFrame';
import { useApplyAuthStatus } from './use-auth-actions';

interface LoginValues {
  username: string;
  password: string;
}

/**
 * Sign-in. A wrong name or password, and the wait after too many, are said in the
 * backend's own words; the password is cleared for the next try.
 */
export function LoginScreen() {
  const { t } = useTranslation('auth');
  const apply = useApplyAuthStatus();
  const login = useRequest('auth.login');
  const [refusal, setRefusal] = useState<{ message: string; waiting: boolean } | null>(null);
  const { register, handleSubmit, setValue, setFocus, formState } = useForm<LoginValues>({
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setRefusal(null);
    try {
      apply(await login.mutateAsync(values), { freshUser: true });
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      setRefusal({
        message,
        waiting: isBackendError(failure) && failure.code === 'too_many_attempts',
      });
      setValue('password', '');
      setFocus('password');
    }
  });

  const errors = formState.errors;
  return (
    <AuthFrame title={t('auth.login.title')}>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label={t('auth.login.title')}
      >
        <Stack gap="sm">
          {refusal ? (
            <Alert
              color={refusal.waiting ? 'orange' : 'red'}
              variant="light"
              role="alert"
              data-testid="login-refusal"
            >
              {refusal.message}
            </Alert>
          ) : null}
          <TextInput
            {...register('username', {
              validate: (value) => value.trim() !== '' || t('auth.enterUsername'),
            })}
            label={t('auth.username')}
            error={errors.username?.message}
            autoFocus
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
          />
          <PasswordInput
            {...register('password', { required: t('auth.enterPassword') })}
            label={t('auth.password')}
            error={errors.password?.message}
            autoComplete="current-password"
          />
          <Button type="submit" loading={formState.isSubmitting} mt="xs">
            {t('auth.login.submit')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('auth.login.help')}
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
