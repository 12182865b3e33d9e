import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '#shared/ipc/contract';
import { ErrorState } from '../../components/ErrorState';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { AuthFrame } from './AuthFrame';
import { useApplyAuthStatus } from './use-auth-actions';
import { useReferenceData } from '../reference';

interface SetupValues {
  username: string;
  fullName: string;
  officeId: string;
  password: string;
  repeat: string;
}

const FIELDS = ['username', 'fullName', 'officeId', 'password', 'repeat'] as const;

/** First start: the administrator's account, made here because no password is built in. */
export function SetupScreen() {
  const { t } = useTranslation(['auth', 'societies']);
  const reference = useReferenceData();
  const apply = useApplyAuthStatus();
  const setup = useRequest('auth.setup');
  const [banner, setBanner] = useState<string | null>(null);
  const [resolver] = useState(() =>
    zodResolver(
      contract.requests['auth.setup'].input
        .extend({ repeat: z.string() })
        .refine((value) => value.password === value.repeat, {
          message: t('auth.mismatch'),
          path: ['repeat'],
        }),
    ),
  );
  const form = useForm<SetupValues>({
    defaultValues: { username: '', fullName: '', officeId: '', password: '', repeat: '' },
    resolver: resolver as never,
    mode: 'onTouched',
  });
  const { register, control, handleSubmit, setError, formState } = form;

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      const { repeat: _repeat, ...input } = values;
      apply(await setup.mutateAsync(input), { freshUser: true });
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, FIELDS));
    }
  });

  if (reference.isError) {
    return (
      <AuthFrame title={t('auth.setup.title')}>
        <ErrorState
          title={t('auth.setup.officesError')}
          error={reference.error}
          onRetry={() => void reference.refetch()}
        />
      </AuthFrame>
    );
  }

  const offices = (reference.data?.offices ?? []).map((office) => ({
    value: office.id,
    label: office.shortName,
  }));
  const errors = formState.errors;
  return (
    <AuthFrame title={t('auth.setup.title')} intro={t('auth.setup.intro')} width={520}>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label={t('auth.setup.title')}
      >
        <Stack gap="sm">
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          <TextInput
            {...register('username')}
            label={t('auth.username')}
            description={t('auth.usernameHint')}
            error={errors.username?.message}
            withAsterisk
            autoFocus
            autoComplete="username"
            spellCheck={false}
          />
          <TextInput
            {...register('fullName')}
            label={t('auth.fullName')}
            error={errors.fullName?.message}
            withAsterisk
            autoComplete="name"
          />
          <Controller
            control={control}
            name="officeId"
            render={({ field }) => (
              <Select
                {...field}
                label={t('auth.office')}
                data={offices}
                searchable
                disabled={reference.isPending}
                placeholder={t('societies:form.choose')}
                nothingFoundMessage={t('societies:form.nothingFound')}
                error={errors.officeId?.message}
                withAsterisk
              />
            )}
          />
          <PasswordInput
            {...register('password')}
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            error={errors.password?.message}
            withAsterisk
            autoComplete="new-password"
          />
          <PasswordInput
            {...register('repeat')}
            label={t('auth.repeatPassword')}
            error={errors.repeat?.message}
            withAsterisk
            autoComplete="new-password"
          />
          <Button type="submit" loading={formState.isSubmitting} mt="xs">
            {t('auth.setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
