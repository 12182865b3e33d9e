import {
  Alert,
  Button,
  Grid,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { ReferenceData } from '#shared/reference/contract';
import { liabilities, registrationBases, societyStatuses, tiers } from '#shared/societies/society';
import { DateInput } from '../../../components/DateInput';
import { parseDayMonthYear } from '../../../components/date-text';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageHeader } from '../../../components/PageHeader';
import { Section } from '../../../components/Section';
import { isBackendError } from '../../../lib/backend';
import {
  fieldOrder,
  formFieldFor,
  type SocietyFieldName,
  type SocietyFormMode,
  type SocietyFormValues,
} from './form-values';
import {
  areaVillageOptions,
  districtOptions,
  officeOptions,
  typeOptions,
  villageOptions,
} from '../../reference';
import { createSocietyResolver, nameChanged, type SocietyFormOutput } from './society-resolver';

export interface SocietyFormProps {
  mode: SocietyFormMode;
  reference: ReferenceData;
  defaultValues: SocietyFormValues;
  /** The record's name when the form opened; a change asks for a reason (edit only). */
  originalName?: string;
  title: string;
  intro: string;
  /** Saves; rejects with a BackendError to have its reasons shown on the form. */
  onSubmit: (output: SocietyFormOutput) => Promise<void>;
  /** Leaves the form; a form with changes asks first. */
  onCancel: () => void;
  /** Offered when someone else saved the record first (edit only). */
  onReload?: () => void;
  today?: () => string;
}

type Banner = { kind: 'conflict' } | { kind: 'refused'; message: string } | null;

function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message)
    return error.message;
  for (const value of Object.values(error)) {
    const message = firstMessage(value);
    if (message) return message;
  }
  return undefined;
}

/** Add or edit a society's master record; every rule the backend checks is shown by the field. */
export function SocietyForm({
  mode,
  reference,
  defaultValues,
  originalName,
  title,
  intro,
  onSubmit,
  onCancel,
  onReload,
  today,
}: SocietyFormProps) {
  const { t } = useTranslation('societies');
  const formRef = useRef<HTMLFormElement>(null);
  const leavingRef = useRef(false);
  const [banner, setBanner] = useState<Banner>(null);

  const resolver = useMemo(
    () =>
      createSocietyResolver({
        mode,
        originalName,
        today,
        messages: {
          invalidAmount: t('form.invalidAmount'),
          nameChangeReasonRequired: t('form.nameChangeReasonRequired'),
        },
      }),
    [mode, originalName, today, t],
  );

  const form = useForm<SocietyFormValues, unknown, SocietyFormOutput>({
    defaultValues,
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const {
    control,
    register,
    handleSubmit,
    setValue,
    setError,
    setFocus,
    trigger,
    formState: { errors, isDirty, isSubmitting, submitCount },
  } = form;

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !leavingRef.current && currentLocation.pathname !== nextLocation.pathname,
  );

  const districtId = useWatch({ control, name: 'districtId' });
  const name = useWatch({ control, name: 'name' });
  const askReason = mode === 'edit' && nameChanged(name, originalName);

  const options = useMemo(
    () => ({
      districts: districtOptions(reference),
      villages: villageOptions(reference, districtId),
      area: areaVillageOptions(reference, districtId, (district) =>
        t('form.areaDistrictFirst', { district }),
      ),
      offices: officeOptions(reference, districtId, {
        covering: (district) => t('form.officesCovering', { district }),
        other: t('form.officesOther'),
        part: (office) => t('form.partOfDistrict', { office }),
      }),
      types: typeOptions(reference),
      basis: registrationBases.map((value) => ({ value, label: t(`basis.${value}`) })),
      tiers: tiers.map((value) => ({ value, label: t(`tier.${value}`) })),
      liabilities: liabilities.map((value) => ({ value, label: t(`liability.${value}`) })),
      statuses: societyStatuses.map((value) => ({ value, label: t(`societyStatus.${value}`) })),
    }),
    [reference, districtId, t],
  );

  // A complete date is checked as it is typed, so "in the future" shows before the field is left.
  const dateInput = (field: 'registeredOn' | 'statusSince', label: string, asterisk: boolean) => (
    <Controller
      control={control}
      name={field}
      render={({ field: { ref, name: fieldName, value, onChange, onBlur } }) => (
        <DateInput
          ref={ref}
          name={fieldName}
          value={value}
          onBlur={onBlur}
          onChange={(text) => {
            onChange(text);
            if (parseDayMonthYear(text)) void trigger(field);
          }}
          label={label}
          withAsterisk={asterisk}
          error={error(field)}
        />
      )}
    />
  );
  const error = (field: SocietyFieldName) => firstMessage(errors[field]);
  const errorCount = fieldOrder.filter((field) => errors[field]).length;

  const showServerError = (failure: unknown) => {
    if (isBackendError(failure) && Object.keys(failure.fields).length > 0) {
      const unplaced: string[] = [];
      const placed: SocietyFieldName[] = [];
      for (const [path, message] of Object.entries(failure.fields)) {
        const field = formFieldFor(path);
        if (field && !placed.includes(field)) {
          setError(field, { type: 'server', message });
          placed.push(field);
        } else if (!field) {
          unplaced.push(message);
        }
      }
      setBanner(unplaced.length > 0 ? { kind: 'refused', message: unplaced.join(' ') } : null);
      const first = fieldOrder.find((field) => placed.includes(field));
      if (first) setTimeout(() => setFocus(first), 0);
      return;
    }
    if (isBackendError(failure) && failure.code === 'conflict' && mode === 'edit') {
      setBanner({ kind: 'conflict' });
      return;
    }
    setBanner({
      kind: 'refused',
      message: failure instanceof Error ? failure.message : String(failure),
    });
  };

  const onValid = async (output: SocietyFormOutput) => {
    setBanner(null);
    leavingRef.current = true;
    try {
      await onSubmit(output);
    } catch (failure) {
      leavingRef.current = false;
      showServerError(failure);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      // An open picker closes first; Esc again leaves the form.
      if (target.closest('[data-mantine-stop-propagation]') || event.defaultPrevented) return;
      event.preventDefault();
      onCancel();
    }
    if (
      event.key === 'Enter' &&
      (event.ctrlKey || event.metaKey) &&
      target.tagName === 'TEXTAREA'
    ) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  const required = { withAsterisk: true };
  const span = (base: number, md: number) => ({ base, md });

  return (
    <>
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => void handleSubmit(onValid)(event)}
        onKeyDown={onKeyDown}
        aria-label={title}
      >
        <Stack gap="md" pb={80} maw={1320}>
          <PageHeader title={title} subtitle={intro} />

          {banner?.kind === 'conflict' ? (
            <Alert color="orange" variant="light" title={t('form.conflictTitle')} role="alert">
              <Text size="sm">{t('form.conflictBody')}</Text>
              {onReload ? (
                <Button mt="sm" size="xs" color="orange" onClick={onReload}>
                  {t('form.conflictReload')}
                </Button>
              ) : null}
            </Alert>
          ) : null}
          {banner?.kind === 'refused' ? (
            <Alert color="red" variant="light" role="alert">
              <Text size="sm">{t('form.serverRefused', { message: banner.message })}</Text>
            </Alert>
          ) : null}

          <Section title={t('form.section.registration')} id="form-registration">
            <Grid gap="sm">
              <Grid.Col span={span(12, 6)}>
                <TextInput
                  {...register('name')}
                  {...required}
                  label={t('field.name')}
                  error={error('name')}
                  autoFocus
                  spellCheck={false}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 6)}>
                <TextInput
                  {...register('nameMizo')}
                  label={t('field.nameMizo')}
                  error={error('nameMizo')}
                  spellCheck={false}
                />
              </Grid.Col>
              {askReason ? (
                <Grid.Col span={12}>
                  <TextInput
                    {...register('nameChangeReason')}
                    {...required}
                    label={t('field.nameChangeReason')}
                    description={t('field.nameChangeReasonHint')}
                    error={error('nameChangeReason')}
                  />
                </Grid.Col>
              ) : null}
              <Grid.Col span={span(12, 4)}>
                <TextInput
                  {...register('regNo')}
                  {...required}
                  label={t('field.regNo')}
                  placeholder={t('field.regNoHint')}
                  error={error('regNo')}
                  spellCheck={false}
                  autoComplete="off"
                />
              </Grid.Col>
              <Grid.Col span={span(6, 4)}>
                {dateInput('registeredOn', t('field.registeredOn'), true)}
              </Grid.Col>
              <Grid.Col span={span(6, 4)}>
                <Controller
                  control={control}
                  name="basis"
                  render={({ field }) => (
                    <Select
                      {...field}
                      {...required}
                      label={t('field.basis')}
                      data={options.basis}
                      allowDeselect={false}
                      error={error('basis')}
                    />
                  )}
                />
              </Grid.Col>
            </Grid>
          </Section>

          <Section title={t('form.section.classification')} id="form-classification">
            <Grid gap="sm">
              <Grid.Col span={span(12, 6)}>
                <Controller
                  control={control}
                  name="typeId"
                  render={({ field }) => (
                    <Select
                      {...field}
                      {...required}
                      label={t('field.typeId')}
                      placeholder={t('form.choose')}
                      data={options.types}
                      searchable
                      nothingFoundMessage={t('form.nothingFound')}
                      maxDropdownHeight={320}
                      error={error('typeId')}
                      onChange={(value) => {
                        field.onChange(value);
                        const type = reference.societyTypes.find((item) => item.id === value);
                        if (type)
                          setValue('tier', type.tier, { shouldDirty: true, shouldValidate: true });
                      }}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={span(6, 3)}>
                <Controller
                  control={control}
                  name="tier"
                  render={({ field }) => (
                    <Select
                      {...field}
                      {...required}
                      label={t('field.tier')}
                      placeholder={t('field.tierHint')}
                      data={options.tiers}
                      allowDeselect={false}
                      error={error('tier')}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={span(6, 3)}>
                <Controller
                  control={control}
                  name="liability"
                  render={({ field }) => (
                    <Select
                      {...field}
                      {...required}
                      label={t('field.liability')}
                      data={options.liabilities}
                      allowDeselect={false}
                      error={error('liability')}
                    />
                  )}
                />
              </Grid.Col>
            </Grid>
          </Section>

          <Section title={t('form.section.address')} id="form-address">
            <Grid gap="sm">
              <Grid.Col span={12}>
                <TextInput
                  {...register('address')}
                  {...required}
                  label={t('field.address')}
                  error={error('address')}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 4)}>
                <Controller
                  control={control}
                  name="districtId"
                  render={({ field }) => (
                    <Select
                      {...field}
                      {...required}
                      label={t('field.districtId')}
                      placeholder={t('form.choose')}
                      data={options.districts}
                      searchable
                      nothingFoundMessage={t('form.nothingFound')}
                      error={error('districtId')}
                      onChange={(value) => {
                        field.onChange(value);
                        const village = reference.villages.find(
                          (item) => item.id === form.getValues('villageId'),
                        );
                        if (village && village.districtId !== value) {
                          setValue('villageId', null, { shouldDirty: true });
                        }
                      }}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 4)}>
                <Controller
                  control={control}
                  name="villageId"
                  render={({ field }) => (
                    <Select
                      {...field}
                      label={t('field.villageId')}
                      placeholder={districtId ? t('form.choose') : t('field.villageNeedsDistrict')}
                      data={options.villages}
                      disabled={!districtId}
                      searchable
                      clearable
                      nothingFoundMessage={t('form.nothingFound')}
                      error={error('villageId')}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 4)}>
                <Controller
                  control={control}
                  name="officeId"
                  render={({ field }) => (
                    <Select
                      {...field}
                      {...required}
                      label={t('field.officeId')}
                      placeholder={t('form.choose')}
                      data={options.offices}
                      searchable
                      nothingFoundMessage={t('form.nothingFound')}
                      error={error('officeId')}
                    />
                  )}
                />
              </Grid.Col>
            </Grid>
          </Section>

          <Section title={t('form.section.area')} id="form-area">
            <Controller
              control={control}
              name="areaVillageIds"
              render={({ field }) => (
                <MultiSelect
                  {...field}
                  label={t('field.areaVillageIds')}
                  description={t('field.areaHint')}
                  placeholder={field.value.length === 0 ? t('form.choose') : undefined}
                  data={options.area}
                  searchable
                  clearable
                  hidePickedOptions
                  limit={200}
                  maxDropdownHeight={300}
                  nothingFoundMessage={t('form.nothingFound')}
                  error={error('areaVillageIds')}
                />
              )}
            />
          </Section>

          <Section title={t('form.section.capital')} id="form-capital">
            <Grid gap="sm">
              {(['shareValuePaise', 'admissionFeePaise', 'authorisedCapitalPaise'] as const).map(
                (moneyField) => (
                  <Grid.Col span={span(12, 4)} key={moneyField}>
                    <Controller
                      control={control}
                      name={moneyField}
                      render={({ field }) => (
                        <MoneyInput
                          ref={field.ref}
                          name={field.name}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          label={t(`field.${moneyField}`)}
                          error={error(moneyField)}
                        />
                      )}
                    />
                  </Grid.Col>
                ),
              )}
            </Grid>
          </Section>

          {mode === 'create' ? (
            <Section title={t('form.section.status')} id="form-status">
              <Grid gap="sm">
                <Grid.Col span={span(12, 4)}>
                  <Controller
                    control={control}
                    name="status"
                    render={({ field }) => (
                      <Select
                        {...field}
                        {...required}
                        label={t('field.status')}
                        placeholder={t('form.choose')}
                        data={options.statuses}
                        searchable
                        nothingFoundMessage={t('form.nothingFound')}
                        error={error('status')}
                      />
                    )}
                  />
                </Grid.Col>
                <Grid.Col span={span(6, 4)}>
                  {dateInput('statusSince', t('field.statusSince'), false)}
                </Grid.Col>
                <Grid.Col span={span(6, 4)}>
                  <TextInput
                    {...register('statusOrderRef')}
                    label={t('field.statusOrderRef')}
                    error={error('statusOrderRef')}
                  />
                </Grid.Col>
              </Grid>
            </Section>
          ) : null}

          <Section title={t('form.section.affiliations')} id="form-affiliations">
            <Grid gap="sm">
              <Grid.Col span={span(12, 6)}>
                <TextInput
                  {...register('financingBank')}
                  label={t('field.financingBank')}
                  error={error('financingBank')}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 6)}>
                <TextInput
                  {...register('federation')}
                  label={t('field.federation')}
                  error={error('federation')}
                />
              </Grid.Col>
            </Grid>
          </Section>

          <Section title={t('form.section.contacts')} id="form-contacts">
            <Grid gap="sm">
              <Grid.Col span={span(12, 4)}>
                <TextInput
                  {...register('contactPerson')}
                  label={t('field.contactPerson')}
                  error={error('contactPerson')}
                />
              </Grid.Col>
              <Grid.Col span={span(6, 4)}>
                <TextInput
                  {...register('phone')}
                  type="tel"
                  label={t('field.phone')}
                  error={error('phone')}
                />
              </Grid.Col>
              <Grid.Col span={span(6, 4)}>
                <TextInput
                  {...register('email')}
                  type="email"
                  label={t('field.email')}
                  error={error('email')}
                />
              </Grid.Col>
            </Grid>
          </Section>

          <Section title={t('form.section.other')} id="form-other">
            <Grid gap="sm">
              <Grid.Col span={span(12, 4)}>
                <TextInput {...register('ncdId')} label={t('field.ncdId')} error={error('ncdId')} />
              </Grid.Col>
              <Grid.Col span={span(12, 8)}>
                <Textarea
                  {...register('remarks')}
                  label={t('field.remarks')}
                  autosize
                  minRows={2}
                  maxRows={6}
                  error={error('remarks')}
                />
              </Grid.Col>
            </Grid>
          </Section>
        </Stack>

        <Paper
          withBorder
          shadow="sm"
          px="md"
          py="sm"
          radius={0}
          style={{
            position: 'fixed',
            left: 'var(--app-shell-navbar-offset, 0px)',
            right: 0,
            bottom: 'var(--app-shell-footer-offset, 0px)',
            zIndex: 50,
          }}
        >
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Button type="submit" loading={isSubmitting} aria-keyshortcuts="Enter">
                {mode === 'create' ? t('form.saveNew') : t('form.saveEdit')}
              </Button>
              <Button variant="default" onClick={onCancel} aria-keyshortcuts="Escape">
                {t('common.cancel')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('form.keyboardHint')}
              </Text>
            </Group>
            {submitCount > 0 && errorCount > 0 ? (
              <Text size="sm" c="red.8" fw={500} role="alert">
                {t('form.errorsBanner', { count: errorCount })}
              </Text>
            ) : null}
          </Group>
        </Paper>
      </form>

      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('form.unsavedTitle')}
        centered
      >
        <Text size="sm">{t('form.unsavedBody')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('form.keepEditing')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('form.discard')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
