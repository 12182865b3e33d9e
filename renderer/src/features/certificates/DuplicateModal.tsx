import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CertificateRow } from '#shared/certificates/contract';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { certificateKeys } from './queries';

const FIELDS = ['password'] as const;

/** A duplicate of a lost certificate, confirmed with the registrar's own password. */
export function DuplicateModal({
  certificate,
  onClose,
  onIssued,
}: {
  certificate: CertificateRow;
  onClose: () => void;
  onIssued: (duplicate: CertificateRow) => void;
}) {
  const { t } = useTranslation(['certificates', 'auth', 'registration']);
  const queryClient = useQueryClient();
  const issue = useRequest('certificates.issueDuplicate', () => {
    void queryClient.invalidateQueries({ queryKey: certificateKeys.all() });
  });
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ password: string }>({
    defaultValues: { password: '' },
  });
  const onSubmit = handleSubmit(async ({ password }) => {
    setBanner(null);
    try {
      onIssued(await issue.mutateAsync({ serial: certificate.serial, password }));
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, FIELDS));
    }
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('certificates.duplicateTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label={t('certificates.duplicateTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('certificates.duplicateBody', {
              serial: certificate.serial,
              society: certificate.societyName,
            })}
          </Text>
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          <PasswordInput
            {...register('password', { required: t('auth:auth.enterPassword') })}
            label={t('registration:decide.password')}
            error={formState.errors.password?.message}
            withAsterisk
            autoComplete="current-password"
            data-autofocus
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {t('certificates.duplicateSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
