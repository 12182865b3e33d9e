import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '#shared/audits/contract';
import { FormModal } from '../../components/FormModal';
import { MoneyInput } from '../../components/MoneyInput';
import { paiseToRupeeText, rupeeTextToPaise } from '../../components/money-text';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { rupeeText } from '../../lib/format';

/** Records a fee payment; the numbered receipt is then printed. */
export function ReceiveFeeModal({
  audit,
  onClose,
  onReceived,
}: {
  audit: AuditDetail;
  onClose: () => void;
  onReceived: (receiptNo: string, saved: AuditDetail) => void;
}) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const receive = useRequest('audits.receiveFee');
  const [banner, setBanner] = useState<string | null>(null);
  const outstanding = audit.fee.outstandingPaise ?? 0;
  const { register, control, handleSubmit, setError, formState } = useForm<{
    amount: string;
    mode: 'cash' | 'challan' | 'bank';
    reference: string;
  }>({
    defaultValues: {
      amount: paiseToRupeeText(outstanding),
      mode: 'cash',
      reference: '',
    },
  });
  const mode = useWatch({ control, name: 'mode' });
  const submit = handleSubmit(async ({ amount, mode: paidBy, reference }) => {
    setBanner(null);
    const amountPaise = rupeeTextToPaise(amount);
    if (amountPaise === undefined || amountPaise === null) {
      setError('amount', { message: t('audits.form.badAmount') });
      return;
    }
    try {
      const result = await receive.mutateAsync({
        id: audit.id,
        amountPaise,
        mode: paidBy,
        reference: reference.trim() === '' ? null : reference,
      });
      onReceived(result.receiptNo, result.audit);
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['reference'] as const));
    }
  });
  return (
    <FormModal
      title={t('audits.fee.receiveTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={t('audits.fee.receiveSubmit')}
      submitting={formState.isSubmitting}
    >
      <Text size="sm">{t('audits.fee.outstanding', { amount: rupeeText(outstanding) })}</Text>
      <Controller
        control={control}
        name="amount"
        render={({ field }) => (
          <MoneyInput
            label={t('audits.fee.amount')}
            value={field.value}
            onChange={field.onChange}
            error={formState.errors.amount?.message}
            withAsterisk
            w={260}
            data-autofocus
          />
        )}
      />
      <Controller
        control={control}
        name="mode"
        render={({ field }) => (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('audits.fee.mode')}
            </Text>
            <SegmentedControl
              value={field.value}
              onChange={(value) => field.onChange(value as 'cash' | 'challan' | 'bank')}
              data={(['cash', 'challan', 'bank'] as const).map((value) => ({
                value,
                label: t(`audits.fee.modes.${value}`),
              }))}
            />
          </Stack>
        )}
      />
      {mode === 'cash' ? null : (
        <TextInput
          {...register('reference')}
          label={t('audits.fee.reference')}
          withAsterisk
          error={formState.errors.reference?.message}
          w={320}
        />
      )}
    </FormModal>
  );
}
