import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roleLabels, roles } from '#shared/auth/roles';
import { contract } from '#shared/ipc/contract';
import { type ReferenceData } from '#shared/reference/contract';
import { type UserRow } from '#shared/auth/contract';
import { isBackendError, useRequest } from '../../../lib/backend';
import { showServerErrors } from '../../../lib/form-errors';

interface UserValues {
  username: string;
  fullName: string;
  role: string;
  officeId: string;
  temporaryPassword: string;
}

const FIELDS = ['username', 'fullName', 'role', 'officeId', 'temporaryPassword'] as const;

const createSchema = contract.requests['users.create'].input;
const updateSchema = contract.requests['users.update'].input.pick({
  fullName: true,
  role: true,
  officeId: true,
});

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** Add a user with a temporary password, or change a user's name, role or office. */
export function UserFormModal({
  user,
  reference,
  onClose,
  onSaved,
}: {
  /** null adds a new user. */
  user: UserRow | null;
  reference: ReferenceData;
  onClose: () => void;
  onSaved: (saved: UserRow, added: boolean) => void;
}) {
  const { t } = useTranslation(['auth', 'societies']);
  const create = useRequest('users.create');
  const update = useRequest('users.update');
  const [banner, setBanner] = useState<string | null>(null);
  const adding = user === null;
  const { register, control, handleSubmit, setError, formState } = useForm<UserValues>({
    defaultValues: {
      username: user?.username ?? '',
      fullName: user?.fullName ?? '',
      role: user?.role ?? '',
      officeId: user?.officeId ?? '',
      temporaryPassword: '',
    },
    resolver: zodResolver((adding ? createSchema : updateSchema) as never) as never,
    mode: 'onTouched',
  });
  const offices = reference.offices.map((office) => ({
    value: office.id,
    label: office.shortName,
  }));

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      const saved = adding
        ? await create.mutateAsync(values as never)
        : await update.mutateAsync({
            id: user.id,
            baseVersion: user.version,
            fullName: values.fullName,
            role: values.role as UserRow['role'],
            officeId: values.officeId,
          });
      onSaved(saved, adding);
    } catch (failure) {
      if (isBackendError(failure) && failure.code === 'conflict') setBanner(failure.message);
      else setBanner(showServerErrors(failure, setError, FIELDS));
    }
  });

  const errors = formState.errors;
  const title = adding ? t('users.addTitle') : t('users.editTitle', { name: user.fullName });
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label={title}>
        <Stack gap="sm">
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          <TextInput
            {...register('fullName')}
            label={t('auth.fullName')}
            error={errors.fullName?.message}
            withAsterisk
            data-autofocus
          />
          {adding ? (
            <TextInput
              {...register('username')}
              label={t('auth.username')}
              description={t('auth.usernameHint')}
              error={errors.username?.message}
              withAsterisk
              autoComplete="off"
              spellCheck={false}
            />
          ) : null}
          <Group grow align="flex-start">
            <Controller
              control={control}
              name="role"
              render={({ field }) => (
                <Select
                  {...field}
                  label={t('users.role')}
                  data={roleOptions}
                  placeholder={t('societies:form.choose')}
                  allowDeselect={false}
                  error={errors.role?.message}
                  withAsterisk
                  comboboxProps={{ zIndex: 400 }}
                />
              )}
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
                  placeholder={t('societies:form.choose')}
                  nothingFoundMessage={t('societies:form.nothingFound')}
                  allowDeselect={false}
                  error={errors.officeId?.message}
                  withAsterisk
                  comboboxProps={{ zIndex: 400 }}
                />
              )}
            />
          </Group>
          {adding ? (
            <PasswordInput
              {...register('temporaryPassword')}
              label={t('users.temporaryPassword')}
              description={t('users.temporaryHint')}
              error={errors.temporaryPassword?.message}
              withAsterisk
              autoComplete="new-password"
            />
          ) : null}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {adding ? t('users.add') : t('users.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
