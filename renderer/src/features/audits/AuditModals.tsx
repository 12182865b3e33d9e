import {
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  defectCategories,
  defectCategoryLabels,
  type AuditorKind,
  type DefectActionKind,
  type DefectCategory,
  type ObservationKind,
} from '#shared/audits/audits';
import { indiaDate } from '#shared/domain/dates';
import type { AuditDetail, AuditObservation } from '#shared/audits/contract';
import { DateInput } from '../../components/DateInput';
import { dayMonthYearToIso, isoToDayMonthYear } from '../../components/date-text';
import { FormModal } from '../../components/FormModal';
import { MoneyInput } from '../../components/MoneyInput';
import { paiseToRupeeText, rupeeTextToPaise } from '../../components/money-text';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { rupeeText } from '../../lib/format';
import { useAuditors } from './queries';

interface Done {
  onClose: () => void;
  onDone: (saved: AuditDetail, message: string) => void;
}

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
}: Done & { audit: AuditDetail; editing: AuditObservation | null }) {
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

/** The audit officer accepts the report (the certificate is issued) or returns it, with their password. */
export function ReviewModal({
  audit,
  decision,
  onClose,
  onDone,
}: Done & { audit: AuditDetail; decision: 'accept' | 'return' }) {
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

/** The society's reply to a defect, or the verdict of whoever checked what it did. */
export function FollowUpModal({
  observation,
  kind,
  onClose,
  onDone,
}: Done & { observation: AuditObservation; kind: DefectActionKind }) {
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

/** The registrar sets the fee by hand (or goes back to the rule), with the reason. */
export function FeeModal({ audit, onClose, onDone }: Done & { audit: AuditDetail }) {
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

/** Gives an audit not yet submitted to another auditor. */
export function ReassignModal({ audit, onClose, onDone }: Done & { audit: AuditDetail }) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const reassign = useRequest('audits.reassign');
  const [auditorId, setAuditorId] = useState<string | null>(audit.auditorId);
  const [kind, setKind] = useState<AuditorKind>(audit.auditorKind);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!auditorId) {
      setBanner(t('audits.chooseAuditor'));
      return;
    }
    setBusy(true);
    try {
      const saved = await reassign.mutateAsync({
        id: audit.id,
        baseVersion: audit.version,
        auditorId,
        auditorKind: kind,
      });
      onDone(saved, t('audits.reassigned', { auditor: saved.auditorName }));
    } catch (failure) {
      setBanner(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal
      title={t('audits.reassignTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={t('audits.reassignSubmit')}
      submitting={busy}
    >
      <AuditorChoice auditorId={auditorId} onAuditor={setAuditorId} kind={kind} onKind={setKind} />
    </FormModal>
  );
}

/** Which auditor, departmental or from the panel: for giving audits and for reassigning one. */
export function AuditorChoice({
  auditorId,
  onAuditor,
  kind,
  onKind,
}: {
  auditorId: string | null;
  onAuditor: (id: string | null) => void;
  kind: AuditorKind;
  onKind: (kind: AuditorKind) => void;
}) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const auditors = useAuditors();
  return (
    <>
      <Select
        label={t('audits.auditor')}
        placeholder={auditors.isPending ? t('common.loading') : undefined}
        data={(auditors.data ?? []).map((auditor) => ({
          value: auditor.id,
          label: `${auditor.fullName} (${auditor.officeName})`,
        }))}
        value={auditorId}
        onChange={onAuditor}
        searchable
        withAsterisk
        data-autofocus
        nothingFoundMessage={t('audits.noAuditors')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('audits.auditorKind')}
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(value) => onKind(value as AuditorKind)}
          data={[
            { value: 'departmental', label: t('audits.kind.departmental') },
            { value: 'panel', label: t('audits.kind.panel') },
          ]}
        />
      </Stack>
    </>
  );
}
