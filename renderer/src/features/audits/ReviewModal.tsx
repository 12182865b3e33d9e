import { PasswordInput, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '#shared/audits/contract';
import { FormModal } from '../../components/FormModal';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import type { AuditModalProps } from './audit-modal-props';

/** The audit officer accepts the report (the certificate is issued) or returns it, with their password. */
export function ReviewModal({
  audit,
  decision,
  onClose,
  onDone,
}: AuditModalProps & { audit: AuditDetail; decision: 'accept' | 'return' }) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const review = useRequest('audits.review');
  const [banner, setBanner] = useState<string | null>(null);
  const accepting = decision === 'accept';
  const { register, handleSubmit, setError, formState } = useForm<{
    remarks: string;
    password: string;
  }>({ defaultValues: { remarks: '', password: '' } });
  const submit = handleSubmit(async ({ remarks, password }) => {
    setBanner(null);
    try {
      const saved = await review.mutateAsync({
        id: audit.id,
        baseVersion: audit.version,
        decision,
        remarks: remarks.trim() === '' ? null : remarks,
        password,
      });
      onDone(
        saved,
        accepting
          ? t('audits.review.accepted', { serial: saved.certificateSerial ?? '' })
          : t('audits.review.returned'),
      );
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['remarks', 'password'] as const));
    }
  });
  return (
    <FormModal
      title={accepting ? t('audits.review.acceptTitle') : t('audits.review.returnTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={accepting ? t('audits.review.acceptSubmit') : t('audits.review.returnSubmit')}
      submitting={formState.isSubmitting}
      color={accepting ? 'green.8' : 'orange.8'}
    >
      <Text size="sm">
        {accepting
          ? t('audits.review.acceptSummary', {
              society: audit.society.name,
              fy: audit.fy,
              grade: audit.grade ?? '',
            })
          : t('audits.review.returnSummary', { auditor: audit.auditorName })}
      </Text>
      <Textarea
        {...register('remarks', {
          validate: (value) =>
            accepting || value.trim() !== '' || t('audits.review.remarksRequired'),
        })}
        label={accepting ? t('audits.review.acceptRemarks') : t('audits.review.returnRemarks')}
        withAsterisk={!accepting}
        autosize
        minRows={accepting ? 2 : 3}
        maxRows={10}
        error={formState.errors.remarks?.message}
        data-autofocus={accepting ? undefined : true}
      />
      <PasswordInput
        {...register('password', { required: t('auth:auth.enterPassword') })}
        label={t('registration:decide.password')}
        description={t('audits.review.passwordHint')}
        error={formState.errors.password?.message}
        withAsterisk
        autoComplete="current-password"
        data-autofocus={accepting ? true : undefined}
      />
    </FormModal>
  );
}
