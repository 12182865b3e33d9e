import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '#shared/audits/contract';
import { FormModal } from '../../components/FormModal';
import { MoneyInput } from '../../components/MoneyInput';
import { paiseToRupeeText, rupeeTextToPaise } from '../../components/money-text';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { rupeeText } from '../../lib/format';
import type { AuditModalProps } from './audit-modal-props';

/** The registrar sets the fee by hand (or goes back to the rule), with the reason. */
export function FeeModal({ audit, onClose, onDone }: AuditModalProps & { audit: AuditDetail }) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const setFee = useRequest('audits.setFee');
  const [banner, setBanner] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<{
    fee: string;
    reason: string;
  }>({
    defaultValues: {
      fee: paiseToRupeeText(audit.fee.overridePaise),
      reason: audit.fee.overrideReason ?? '',
    },
  });
  const submit = handleSubmit(async ({ fee, reason }) => {
    setBanner(null);
    const feePaise = rupeeTextToPaise(fee);
    if (feePaise === undefined) {
      setError('fee', { message: t('audits.form.badAmount') });
      return;
    }
    try {
      const saved = await setFee.mutateAsync({
        id: audit.id,
        baseVersion: audit.version,
        feePaise,
        reason: reason.trim() === '' ? null : reason,
      });
      onDone(saved, t('audits.fee.set'));
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['reason'] as const));
    }
  });
  return (
    <FormModal
      title={t('audits.fee.setTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={t('audits.fee.setSubmit')}
      submitting={formState.isSubmitting}
    >
      <Text size="sm">
        {audit.fee.computedPaise === null
          ? t('audits.fee.noRuleYet')
          : t('audits.fee.byRule', { amount: rupeeText(audit.fee.computedPaise) })}
      </Text>
      <Controller
        control={control}
        name="fee"
        render={({ field }) => (
          <MoneyInput
            label={t('audits.fee.override')}
            description={t('audits.fee.overrideHint')}
            value={field.value}
            onChange={field.onChange}
            error={formState.errors.fee?.message}
            w={260}
            data-autofocus
          />
        )}
      />
      <Textarea
        {...register('reason')}
        label={t('audits.fee.reason')}
        autosize
        minRows={2}
        maxRows={6}
        error={formState.errors.reason?.message}
      />
    </FormModal>
  );
}
