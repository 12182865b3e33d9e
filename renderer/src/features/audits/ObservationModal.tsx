import { SegmentedControl, Select, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  defectCategories,
  defectCategoryLabels,
  type DefectCategory,
  type ObservationKind,
} from '#shared/audits/audits';
import type { AuditDetail, AuditObservation } from '#shared/audits/contract';
import { DateInput } from '../../components/DateInput';
import { dayMonthYearToIso, isoToDayMonthYear } from '../../components/date-text';
import { FormModal } from '../../components/FormModal';
import { MoneyInput } from '../../components/MoneyInput';
import { paiseToRupeeText, rupeeTextToPaise } from '../../components/money-text';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import type { AuditModalProps } from './audit-modal-props';

interface ObservationValues {
  kind: ObservationKind;
  category: DefectCategory | null;
  amount: string;
  description: string;
  recommendation: string;
  rectificationDueOn: string;
}

/** Adds an observation or defect to the report, or corrects one (a new entry replaces it). */
export function ObservationModal({
  audit,
  editing,
  onClose,
  onDone,
}: AuditModalProps & { audit: AuditDetail; editing: AuditObservation | null }) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const add = useRequest('audits.addObservation');
  const revise = useRequest('audits.reviseObservation');
  const [banner, setBanner] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<ObservationValues>({
    defaultValues: editing
      ? {
          kind: editing.kind,
          category: editing.category,
          amount: paiseToRupeeText(editing.amountPaise),
          description: editing.description,
          recommendation: editing.recommendation,
          rectificationDueOn: isoToDayMonthYear(editing.rectificationDueOn),
        }
      : {
          kind: 'defect',
          category: null,
          amount: '',
          description: '',
          recommendation: '',
          rectificationDueOn: isoToDayMonthYear(audit.rectificationDueDefault),
        },
  });
  const kind = useWatch({ control, name: 'kind' });
  const submit = handleSubmit(async (values) => {
    setBanner(null);
    const amountPaise = rupeeTextToPaise(values.amount);
    if (amountPaise === undefined) {
      setError('amount', { message: t('audits.form.badAmount') });
      return;
    }
    if (!values.category) {
      setError('category', { message: t('audits.observation.chooseCategory') });
      return;
    }
    const observation = {
      kind: values.kind,
      category: values.category,
      amountPaise,
      description: values.description,
      recommendation: values.recommendation,
      rectificationDueOn:
        values.kind === 'defect' ? dayMonthYearToIso(values.rectificationDueOn) || null : null,
    };
    try {
      const saved = editing
        ? await revise.mutateAsync({ observationId: editing.id, observation })
        : await add.mutateAsync({ auditId: audit.id, observation });
      onDone(saved, editing ? t('audits.observation.corrected') : t('audits.observation.added'));
    } catch (failure) {
      setBanner(
        showServerErrors(failure, setError, [
          'description',
          'recommendation',
          'rectificationDueOn',
        ] as const),
      );
    }
  });
  return (
    <FormModal
      title={
        editing
          ? t('audits.observation.correctTitle', { para: editing.para })
          : t('audits.observation.addTitle')
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={
        editing ? t('audits.observation.saveCorrection') : t('audits.observation.addSubmit')
      }
      submitting={formState.isSubmitting}
      size="xl"
    >
      <Controller
        control={control}
        name="kind"
        render={({ field }) => (
          <SegmentedControl
            value={field.value}
            onChange={(value) => field.onChange(value as ObservationKind)}
            data={[
              { value: 'defect', label: t('audits.observation.kind.defect') },
              { value: 'observation', label: t('audits.observation.kind.observation') },
            ]}
          />
        )}
      />
      <Controller
        control={control}
        name="category"
        render={({ field }) => (
          <Select
            label={t('audits.observation.category')}
            data={defectCategories.map((value) => ({
              value,
              label: defectCategoryLabels[value],
            }))}
            value={field.value}
            onChange={(value) => field.onChange(value as DefectCategory | null)}
            error={formState.errors.category?.message}
            searchable
            withAsterisk
            data-autofocus
          />
        )}
      />
      <Textarea
        {...register('description')}
        label={t('audits.observation.description')}
        withAsterisk
        autosize
        minRows={3}
        maxRows={10}
        error={formState.errors.description?.message}
      />
      <Controller
        control={control}
        name="amount"
        render={({ field }) => (
          <MoneyInput
            label={t('audits.observation.amount')}
            description={t('audits.observation.amountHint')}
            value={field.value}
            onChange={field.onChange}
            error={formState.errors.amount?.message}
            w={260}
          />
        )}
      />
      <Textarea
        {...register('recommendation')}
        label={t('audits.observation.recommendation')}
        withAsterisk={kind === 'defect'}
        autosize
        minRows={2}
        maxRows={8}
        error={formState.errors.recommendation?.message}
      />
      {kind === 'defect' ? (
        <Controller
          control={control}
          name="rectificationDueOn"
          render={({ field }) => (
            <DateInput
              label={t('audits.observation.dueOn')}
              description={t('audits.observation.dueOnHint')}
              value={field.value}
              onChange={field.onChange}
              error={formState.errors.rectificationDueOn?.message}
              withAsterisk
              w={260}
            />
          )}
        />
      ) : null}
    </FormModal>
  );
}
