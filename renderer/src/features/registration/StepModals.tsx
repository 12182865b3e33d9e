import { Checkbox, PasswordInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate, indiaDate } from '#shared/domain/dates';
import type { ApplicationDetail } from '#shared/registration/contract';
import { DateInput } from '../../components/DateInput';
import { isoToDayMonthYear, parseDayMonthYear } from '../../components/date-text';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { FormModal } from '../../components/FormModal';

interface StepModalProps {
  application: ApplicationDetail;
  onClose: () => void;
  onDone: (saved: ApplicationDetail) => void;
}

/**
 * The deficiency letter: tick what is wanting and say what is missing for each. Items the
 * checklist already found wanting come ticked, with their notes.
 */
export function DeficiencyModal({ application, onClose, onDone }: StepModalProps) {
  const { t } = useTranslation(['registration', 'auth']);
  const issue = useRequest('applications.issueDeficiency');
  const checklist = application.checklist;
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      checklist
        .filter((item) => item.result === 'wanting')
        .map((item) => [item.code, item.note ?? '']),
    ),
  );
  const [missing, setMissing] = useState<string[]>([]);
  const [noneTicked, setNoneTicked] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const ticked = checklist.filter((item) => notes[item.code] !== undefined);

  const submit = () => {
    setBanner(null);
    const empty = ticked.filter((item) => (notes[item.code] ?? '').trim() === '');
    setNoneTicked(ticked.length === 0);
    setMissing(empty.map((item) => item.code));
    if (ticked.length === 0 || empty.length > 0) {
      const first = empty[0];
      if (first) document.getElementById(`deficiency-note-${first.code}`)?.focus();
      return;
    }
    issue.mutate(
      {
        id: application.id,
        baseVersion: application.version,
        items: ticked.map((item) => ({ code: item.code, note: (notes[item.code] ?? '').trim() })),
      },
      { onSuccess: onDone, onError: (failure) => setBanner(failure.message) },
    );
  };

  return (
    <FormModal
      title={t('deficiency.title')}
      onClose={onClose}
      onSubmit={submit}
      banner={banner}
      submitLabel={t('deficiency.submit')}
      submitting={issue.isPending}
      size="xl"
    >
      <Text size="sm">{t('deficiency.intro')}</Text>
      {noneTicked ? (
        <Text size="sm" c="red.8" role="alert">
          {t('deficiency.noneTicked')}
        </Text>
      ) : null}
      <Stack gap="xs" role="group" aria-label={t('deficiency.title')}>
        {checklist.map((item, index) => {
          const on = notes[item.code] !== undefined;
          return (
            <Stack key={item.code} gap={4}>
              <Checkbox
                label={item.label}
                checked={on}
                data-autofocus={index === 0 ? true : undefined}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setNoteFor(item.code, checked ? '' : undefined);
                  if (checked) {
                    setTimeout(
                      () => document.getElementById(`deficiency-note-${item.code}`)?.focus(),
                      0,
                    );
                  }
                }}
              />
              {on ? (
                <Textarea
                  id={`deficiency-note-${item.code}`}
                  ml={30}
                  aria-label={t('deficiency.note', { item: item.label })}
                  value={notes[item.code] ?? ''}
                  autosize
                  minRows={1}
                  maxRows={4}
                  error={missing.includes(item.code) ? t('deficiency.noteRequired') : undefined}
                  onChange={(event) => setNoteFor(item.code, event.currentTarget.value)}
                  onKeyDown={(event) => {
                    // Enter moves on to the next item; Shift+Enter breaks the line.
                    if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey) {
                      event.preventDefault();
                      const boxes = Array.from(
                        event.currentTarget
                          .closest('[role="group"]')
                          ?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [],
                      );
                      boxes[index + 1]?.focus();
                    }
                  }}
                />
              ) : null}
            </Stack>
          );
        })}
      </Stack>
    </FormModal>
  );

  function setNoteFor(code: string, value: string | undefined) {
    setNotes((current) => {
      const next = { ...current };
      if (value === undefined) delete next[code];
      else next[code] = value;
      return next;
    });
  }
}

interface ReplyValues {
  replyOn: string;
  note: string;
}

/** The applicants answered the latest letter: its date and what they sent. */
export function ReplyModal({ application, onClose, onDone }: StepModalProps) {
  const { t } = useTranslation(['registration', 'auth']);
  const reply = useRequest('applications.recordReply');
  const [banner, setBanner] = useState<string | null>(null);
  const { control, register, handleSubmit, setError, formState } = useForm<ReplyValues>({
    defaultValues: { replyOn: isoToDayMonthYear(indiaDate(new Date())), note: '' },
  });
  const submit = handleSubmit(async ({ replyOn, note }) => {
    setBanner(null);
    try {
      onDone(
        await reply.mutateAsync({
          id: application.id,
          baseVersion: application.version,
          replyOn: parseDayMonthYear(replyOn) ?? replyOn,
          note,
        }),
      );
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['replyOn', 'note'] as const));
    }
  });
  return (
    <FormModal
      title={t('reply.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={t('reply.submit')}
      submitting={formState.isSubmitting}
    >
      <Controller
        control={control}
        name="replyOn"
        rules={{ validate: (value) => Boolean(parseDayMonthYear(value)) || t('reply.badDate') }}
        render={({ field }) => (
          <DateInput
            ref={field.ref}
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            label={t('reply.replyOn')}
            withAsterisk
            error={formState.errors.replyOn?.message}
            w={200}
          />
        )}
      />
      <Textarea
        {...register('note', {
          validate: (value) => value.trim() !== '' || t('reply.noteRequired'),
        })}
        label={t('reply.note')}
        withAsterisk
        autosize
        minRows={3}
        maxRows={8}
        error={formState.errors.note?.message}
        data-autofocus
      />
    </FormModal>
  );
}

/** The applicants withdrew: the reason is kept with the application. */
export function WithdrawModal({ application, onClose, onDone }: StepModalProps) {
  const { t } = useTranslation(['registration', 'auth']);
  const withdraw = useRequest('applications.withdraw');
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ reason: string }>({
    defaultValues: { reason: '' },
  });
  const submit = handleSubmit(async ({ reason }) => {
    setBanner(null);
    try {
      onDone(
        await withdraw.mutateAsync({
          id: application.id,
          baseVersion: application.version,
          reason,
        }),
      );
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['reason'] as const));
    }
  });
  return (
    <FormModal
      title={t('withdraw.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={t('withdraw.submit')}
      submitting={formState.isSubmitting}
      color="red.8"
    >
      <Textarea
        {...register('reason', {
          validate: (value) => value.trim() !== '' || t('withdraw.reasonRequired'),
        })}
        label={t('withdraw.reason')}
        withAsterisk
        autosize
        minRows={2}
        maxRows={6}
        error={formState.errors.reason?.message}
        data-autofocus
      />
    </FormModal>
  );
}

interface DecideValues {
  reasons: string;
  password: string;
}

/** The registrar approves (registers the society) or refuses with reasons, with their password. */
export function DecideApplicationModal({
  application,
  decision,
  officeName,
  onClose,
  onDone,
}: StepModalProps & { decision: 'approve' | 'refuse'; officeName: string }) {
  const { t } = useTranslation(['registration', 'auth']);
  const decide = useRequest('applications.decide');
  const [banner, setBanner] = useState<string | null>(null);
  const approving = decision === 'approve';
  const { register, handleSubmit, setError, formState } = useForm<DecideValues>({
    defaultValues: { reasons: '', password: '' },
  });
  const submit = handleSubmit(async ({ reasons, password }) => {
    setBanner(null);
    try {
      onDone(
        await decide.mutateAsync({
          id: application.id,
          baseVersion: application.version,
          decision,
          reasons: reasons.trim() === '' ? null : reasons,
          password,
        }),
      );
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['reasons', 'password'] as const));
    }
  });
  const title = approving ? t('decide.approveTitle') : t('decide.refuseTitle');
  const names = { name: application.proposedName, ackNo: application.ackNo, office: officeName };
  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={approving ? t('decide.approve') : t('decide.refuse')}
      submitting={formState.isSubmitting}
      color={approving ? 'green.8' : 'red.8'}
    >
      <Text size="sm">
        {approving ? t('decide.approveSummary', names) : t('decide.refuseSummary', names)}
      </Text>
      {approving ? null : (
        <Textarea
          {...register('reasons', {
            validate: (value) => value.trim() !== '' || t('decide.reasonsRequired'),
          })}
          label={t('decide.reasons')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={10}
          error={formState.errors.reasons?.message}
          data-autofocus
        />
      )}
      <PasswordInput
        {...register('password', { required: t('auth:auth.enterPassword') })}
        label={t('decide.password')}
        description={t('decide.passwordHint')}
        error={formState.errors.password?.message}
        withAsterisk
        autoComplete="current-password"
        data-autofocus={approving ? true : undefined}
      />
    </FormModal>
  );
}

/**
 * Deemed registration: the statutory period ran out with no decision, so the law registers
 * the society. The registrar confirms; the society is numbered and its certificate issued.
 */
export function DeemedModal({ application, onClose, onDone }: StepModalProps) {
  const { t } = useTranslation(['registration', 'auth']);
  const deem = useRequest('applications.recordDeemed');
  const [banner, setBanner] = useState<string | null>(null);
  const submit = () => {
    setBanner(null);
    deem.mutate(
      { id: application.id, baseVersion: application.version },
      { onSuccess: onDone, onError: (failure) => setBanner(failure.message) },
    );
  };
  return (
    <FormModal
      title={t('deemed.title')}
      onClose={onClose}
      onSubmit={submit}
      banner={banner}
      submitLabel={t('deemed.submit')}
      submitting={deem.isPending}
    >
      <Text size="sm">
        {t('deemed.body', {
          name: application.proposedName,
          due: application.clock ? formatDate(application.clock.dueOn) : '',
        })}
      </Text>
      <Text size="sm" c="dark.5">
        {t('deemed.consequence')}
      </Text>
    </FormModal>
  );
}
