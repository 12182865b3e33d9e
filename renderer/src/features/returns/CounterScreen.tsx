import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  Paper,
  PasswordInput,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  categoryTotalProblem,
  genderTotalProblem,
  type ReturnFiling,
} from '#shared/returns/returns';
import type { ReturnDetail } from '#shared/returns/contract';
import { DateInput } from '../../components/DateInput';
import { ErrorState } from '../../components/ErrorState';
import { MoneyInput } from '../../components/MoneyInput';
import { PrintableSheet } from '../../components/PrintableDocument';
import { Section } from '../../components/Section';
import { isBackendError, useRequest } from '../../lib/backend';
import { dateText, rupeeText } from '../../lib/format';
import { useApplyAuthStatus } from '../auth';
import { ReturnAcknowledgementBody } from './ReturnAcknowledgement';
import {
  amountFields,
  countOf,
  createReturnResolver,
  returnFormValues,
  type ReturnFormValues,
} from './return-form-values';
import { returnKeys, useCounterForm } from './queries';
import { useReferenceData } from '../reference';

/**
 * Counter mode: the clerk handed the keyboard to the society's secretary, who sees this
 * return and nothing else (the backend refuses every other request) until the clerk takes
 * the keyboard back with their password.
 */
export function CounterScreen() {
  const { t } = useTranslation('returns');
  const form = useCounterForm();
  const [handingBack, setHandingBack] = useState(false);
  const [justFiled, setJustFiled] = useState<ReturnDetail | null>(null);

  const header = (detail: ReturnDetail | undefined) => (
    <Paper component="header" radius={0} px="lg" py="sm" bg="teal.8" c="white" data-print="hide">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Badge color="white" c="teal.9" variant="filled" radius="sm" size="lg" tt="none">
            {t('counter.mode')}
          </Badge>
          <Stack gap={0}>
            <Text fw={700} size="lg" lh={1.2}>
              {detail?.societyName ?? ''}
            </Text>
            <Text size="sm" c="teal.0">
              {detail ? `${t('counter.title', { fy: detail.fy })} · ${detail.regNo}` : ''}
            </Text>
          </Stack>
        </Group>
        <Button variant="white" color="teal.9" onClick={() => setHandingBack(true)}>
          {t('counter.handBack')}
        </Button>
      </Group>
    </Paper>
  );

  let body;
  if (form.isPending) {
    body = (
      <Stack aria-busy>
        <Skeleton height={30} />
        <Skeleton height={300} />
      </Stack>
    );
  } else if (form.isError) {
    body = (
      <ErrorState
        title={t('counter.loadError')}
        error={form.error}
        onRetry={() => void form.refetch()}
      />
    );
  } else if (justFiled) {
    body = <Filed detail={justFiled} onHandBack={() => setHandingBack(true)} />;
  } else {
    body = <ReturnFilingForm detail={form.data} onFiled={setJustFiled} />;
  }

  return (
    <Box mih="100dvh" bg="gray.0">
      {header(justFiled ?? form.data)}
      <Box component="main" p="lg" maw={1120} mx="auto">
        {body}
      </Box>
      {handingBack ? <HandBackModal onClose={() => setHandingBack(false)} /> : null}
    </Box>
  );
}

/** After filing: the acknowledgement to print, then the keyboard goes back. */
function Filed({ detail, onHandBack }: { detail: ReturnDetail; onHandBack: () => void }) {
  const { t } = useTranslation('returns');
  const reference = useReferenceData();
  const office = reference.data?.offices.find((candidate) => candidate.id === detail.officeId);
  return (
    <Stack gap="md" maw={820} mx="auto">
      <Alert
        color="green"
        variant="light"
        role="status"
        title={t('counter.filedTitle')}
        data-print="hide"
      >
        {t('counter.filedBody', { ackNo: detail.filed?.ackNo ?? '' })}
      </Alert>
      <Group justify="flex-end" gap="sm" data-print="hide">
        <Button variant="default" onClick={onHandBack}>
          {t('counter.handBack')}
        </Button>
        <Button autoFocus onClick={() => window.print()}>
          {t('counter.print')}
        </Button>
      </Group>
      <PrintableSheet
        stateName={reference.data?.stateName ?? ''}
        office={office}
        title={t('returnAck.title')}
        testId="return-acknowledgement"
      >
        <ReturnAcknowledgementBody detail={detail} />
      </PrintableSheet>
    </Stack>
  );
}

/** The clerk's password closes the counter; the clerk's own screens come back. */
function HandBackModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('returns');
  const queryClient = useQueryClient();
  const apply = useApplyAuthStatus();
  const close = useRequest('returns.closeCounter');
  const [password, setPassword] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('counter.handBackTitle')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          close.mutate(
            { password },
            {
              onSuccess: (status) => {
                void queryClient.invalidateQueries({ queryKey: returnKeys.all() });
                apply(status);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('counter.handBackBody')}</Text>
          <PasswordInput
            label={t('counter.password')}
            data-autofocus
            value={password}
            autoComplete="current-password"
            error={close.isError ? close.error.message : undefined}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={close.isPending}>
              {t('counter.handBackSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The items, the figures and the declaration; checked as they are typed. */
function ReturnFilingForm({
  detail,
  onFiled,
}: {
  detail: ReturnDetail;
  onFiled: (detail: ReturnDetail) => void;
}) {
  const { t } = useTranslation('returns');
  const file = useRequest('returns.file');
  const [banner, setBanner] = useState<string | null>(null);
  const resolver = useMemo(
    () =>
      createReturnResolver({
        wholeNumber: t('returnForm.wholeNumber'),
        invalidAmount: t('returnForm.invalidAmount'),
      }),
    [t],
  );
  const { control, register, handleSubmit, setError, formState } = useForm<
    ReturnFormValues,
    unknown,
    ReturnFiling
  >({
    defaultValues: returnFormValues(detail),
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const errors = formState.errors;
  const electionsHeld = useWatch({ control, name: 'items.electionsHeld' });
  const errorCount = countErrors(errors);

  const submit = handleSubmit(async (filing) => {
    setBanner(null);
    try {
      onFiled(await file.mutateAsync({ filing }));
    } catch (failure) {
      if (isBackendError(failure) && Object.keys(failure.fields).length > 0) {
        let first = true;
        for (const [path, message] of Object.entries(failure.fields)) {
          setError(
            path.replace(/^filing\./u, '') as never,
            { type: 'server', message },
            {
              shouldFocus: first,
            },
          );
          first = false;
        }
      } else {
        setBanner(failure instanceof Error ? failure.message : String(failure));
      }
    }
  });

  const late = detail.lateIfFiledToday;
  const snapshotError = (field: string) =>
    (errors.snapshot as Record<string, { message?: string }> | undefined)?.[field]?.message;

  const count = (field: keyof ReturnFormValues['snapshot']) => (
    <TextInput
      {...register(`snapshot.${field}`)}
      label={t(`returnForm.${field}`)}
      withAsterisk
      inputMode="numeric"
      autoComplete="off"
      error={snapshotError(field)}
      styles={{ input: { fontVariantNumeric: 'tabular-nums', textAlign: 'right' } }}
    />
  );
  const money = (field: (typeof amountFields)[number] | 'profitLossPaise', label?: string) => (
    <Controller
      control={control}
      name={`snapshot.${field}`}
      render={({ field: input }) => (
        <MoneyInput
          {...input}
          label={label ?? t(`returnForm.${field}`)}
          withAsterisk
          error={snapshotError(field)}
        />
      )}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('counter.title', { fy: detail.fy })}
    >
      <Stack gap="md" pb={40}>
        <Stack gap={4}>
          <Title order={1} size="h3">
            {t('counter.title', { fy: detail.fy })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('counter.intro', { society: detail.societyName, fy: detail.fy })}
          </Text>
          <Text size="sm" c={late.daysLate > 0 ? 'red.8' : 'dark.5'} fw={500}>
            {late.daysLate > 0
              ? t('counter.dueLate', {
                  due: dateText(detail.dueOn),
                  days: late.daysLate,
                  fee: rupeeText(late.feePaise),
                })
              : t('counter.dueOnTime', { due: dateText(detail.dueOn) })}
          </Text>
        </Stack>
        {detail.filed?.state === 'sent_back' ? (
          <Alert color="orange" variant="light" title={t('counter.sentBack')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {detail.filed.reviewReasons}
            </Text>
          </Alert>
        ) : null}
        {banner ? (
          <Alert color="red" variant="light" role="alert">
            {banner}
          </Alert>
        ) : null}

        <Section title={t('returnPage.section.items')} id="counter-items">
          <Stack gap="sm">
            <Textarea
              {...register('items.activitiesReport')}
              label={t('returnForm.activitiesReport')}
              description={t('returnForm.activitiesHint')}
              withAsterisk
              autosize
              minRows={3}
              maxRows={10}
              autoFocus
              error={errors.items?.activitiesReport?.message}
            />
            <Checkbox
              {...register('items.auditedAccounts')}
              label={t('returnForm.auditedAccounts')}
            />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Textarea
                  {...register('items.surplusPlan')}
                  label={t('returnForm.surplusPlan')}
                  autosize
                  minRows={2}
                  error={errors.items?.surplusPlan?.message}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Textarea
                  {...register('items.byLawAmendments')}
                  label={t('returnForm.byLawAmendments')}
                  autosize
                  minRows={2}
                  error={errors.items?.byLawAmendments?.message}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Controller
                  control={control}
                  name="items.agmOn"
                  render={({ field }) => (
                    <DateInput
                      {...field}
                      label={t('returnForm.agmOn')}
                      error={errors.items?.agmOn?.message}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }} pt={34}>
                <Checkbox
                  {...register('items.electionsHeld')}
                  label={t('returnForm.electionsHeld')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                {electionsHeld ? (
                  <Controller
                    control={control}
                    name="items.electionsOn"
                    render={({ field }) => (
                      <DateInput
                        {...field}
                        label={t('returnForm.electionsOn')}
                        withAsterisk
                        error={errors.items?.electionsOn?.message}
                      />
                    )}
                  />
                ) : null}
              </Grid.Col>
            </Grid>
          </Stack>
        </Section>

        <Section title={t('returnPage.section.members')} id="counter-members">
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {t('returnForm.membersByGender')}
            </Text>
            <Grid gap="sm">
              <Grid.Col span={{ base: 6, md: 3 }}>{count('membersMale')}</Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>{count('membersFemale')}</Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>{count('membersOther')}</Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                {count('membersTotal')}
                <SumHint
                  control={control}
                  fields={['membersMale', 'membersFemale', 'membersOther']}
                  problem={genderTotalProblem}
                  shown={!snapshotError('membersTotal')}
                />
              </Grid.Col>
            </Grid>
            <Text size="sm" fw={600}>
              {t('returnForm.membersByCategory')}
            </Text>
            <Grid gap="sm">
              <Grid.Col span={{ base: 6, md: 3 }}>{count('membersSc')}</Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>{count('membersSt')}</Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>{count('membersObc')}</Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                {count('membersGeneral')}
                <SumHint
                  control={control}
                  fields={['membersSc', 'membersSt', 'membersObc', 'membersGeneral']}
                  problem={categoryTotalProblem}
                  shown={!snapshotError('membersGeneral')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>{count('employees')}</Grid.Col>
            </Grid>
          </Stack>
        </Section>

        <Section title={t('returnPage.section.money')} id="counter-money">
          <Grid gap="sm">
            {amountFields.map((field) => (
              <Grid.Col key={field} span={{ base: 12, sm: 6, md: 4 }}>
                {money(field)}
              </Grid.Col>
            ))}
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <Stack gap={4}>
                <Controller
                  control={control}
                  name="profitOrLoss"
                  render={({ field }) => (
                    <SegmentedControl
                      size="xs"
                      value={field.value}
                      onChange={(value) => field.onChange(value)}
                      aria-label={t('returnForm.profitLossPaise')}
                      data={[
                        { value: 'profit', label: t('returnForm.profit') },
                        { value: 'loss', label: t('returnForm.loss') },
                      ]}
                    />
                  )}
                />
                {money('profitLossPaise')}
              </Stack>
            </Grid.Col>
          </Grid>
        </Section>

        <Section title={t('returnForm.declaration')} id="counter-declaration">
          <Stack gap="sm">
            <Text size="sm">{t('returnForm.declarationText')}</Text>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <TextInput
                  {...register('declarantName')}
                  label={t('returnForm.declarantName')}
                  withAsterisk
                  autoComplete="off"
                  error={errors.declarantName?.message}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <TextInput
                  {...register('declarantDesignation')}
                  label={t('returnForm.declarantDesignation')}
                  withAsterisk
                  error={errors.declarantDesignation?.message}
                />
              </Grid.Col>
            </Grid>
            <Group justify="space-between">
              <Text size="sm" c="red.8" role={errorCount > 0 ? 'alert' : undefined}>
                {errorCount > 0 ? t('returnForm.errors', { count: errorCount }) : ''}
              </Text>
              <Button type="submit" size="md" loading={formState.isSubmitting}>
                {t('returnForm.submit')}
              </Button>
            </Group>
          </Stack>
        </Section>
      </Stack>
    </form>
  );
}

/**
 * Under a group of counts: what they add up to, or, once the total is typed too, why they
 * do not make it (the schema's own words), so a mismatch is seen as it is typed.
 */
function SumHint({
  control,
  fields,
  problem,
  shown,
}: {
  control: Control<ReturnFormValues, unknown, ReturnFiling>;
  fields: (keyof ReturnFormValues['snapshot'])[];
  problem: (parts: number[], total: number) => string | null;
  shown: boolean;
}) {
  const { t } = useTranslation('returns');
  const snapshot = useWatch({ control, name: 'snapshot' });
  const values = fields.map((field) => countOf(snapshot[field] ?? ''));
  if (!shown || values.some((value) => value === undefined || Number.isNaN(value))) return null;
  const parts = values as number[];
  const total = countOf(snapshot.membersTotal ?? '');
  const mismatch = total === undefined || Number.isNaN(total) ? null : problem(parts, total);
  return (
    <Text
      size="xs"
      c={mismatch ? 'red.8' : 'dimmed'}
      mt={2}
      role={mismatch ? 'alert' : undefined}
      data-testid={`sum-${fields.at(-1)}`}
    >
      {mismatch ??
        t('returnForm.sum', { sum: parts.reduce((a, b) => a + b, 0).toLocaleString('en-IN') })}
    </Text>
  );
}

/** Fields with an error, nested objects counted by their leaves. */
function countErrors(errors: object): number {
  let total = 0;
  for (const value of Object.values(errors)) {
    if (value && typeof value === 'object' && 'message' in value && 'type' in value) total += 1;
    else if (value && typeof value === 'object') total += countErrors(value);
  }
  return total;
}
