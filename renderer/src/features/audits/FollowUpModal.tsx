import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DefectActionKind } from '#shared/audits/audits';
import type { AuditObservation } from '#shared/audits/contract';
import { indiaDate } from '#shared/domain/dates';
import { DateInput } from '../../components/DateInput';
import { dayMonthYearToIso, isoToDayMonthYear } from '../../components/date-text';
import { FormModal } from '../../components/FormModal';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import type { AuditModalProps } from './audit-modal-props';

/** The society's reply to a defect, or the verdict of whoever checked what it did. */
export function FollowUpModal({
  observation,
  kind,
  onClose,
  onDone,
}: AuditModalProps & { observation: AuditObservation; kind: DefectActionKind }) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const followUp = useRequest('audits.followUp');
  const [banner, setBanner] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<{
    actedOn: string;
    note: string;
  }>({ defaultValues: { actedOn: isoToDayMonthYear(indiaDate(new Date())), note: '' } });
  const submit = handleSubmit(async ({ actedOn, note }) => {
    setBanner(null);
    try {
      const saved = await followUp.mutateAsync({
        observationId: observation.id,
        kind,
        actedOn: dayMonthYearToIso(actedOn),
        note,
      });
      onDone(saved, t(`audits.followUp.done.${kind}`, { para: observation.para }));
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['actedOn', 'note'] as const));
    }
  });
  return (
    <FormModal
      title={t(`audits.followUp.title.${kind}`, { para: observation.para })}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={t(`audits.followUp.submit.${kind}`)}
      submitting={formState.isSubmitting}
      color={kind === 'rectified' ? 'green.8' : kind === 'not_accepted' ? 'orange.8' : undefined}
    >
      <Text size="sm" c="dimmed" lineClamp={3}>
        {observation.description}
      </Text>
      <Controller
        control={control}
        name="actedOn"
        render={({ field }) => (
          <DateInput
            label={t(`audits.followUp.date.${kind}`)}
            value={field.value}
            onChange={field.onChange}
            error={formState.errors.actedOn?.message}
            withAsterisk
            w={220}
          />
        )}
      />
      <Textarea
        {...register('note')}
        label={t(`audits.followUp.note.${kind}`)}
        withAsterisk
        autosize
        minRows={3}
        maxRows={10}
        error={formState.errors.note?.message}
        data-autofocus
      />
    </FormModal>
  );
}
