import {
  Alert,
  Button,
  Grid,
  Group,
  Input,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { indiaDate } from '#shared/domain/dates';
import { reservationStatus, type ApplicationCreate } from '#shared/registration/registration';
import type { ReferenceData, RuleParameter } from '#shared/reference/contract';
import { DateInput } from '../../components/DateInput';
import { dayMonthYearToIso } from '../../components/date-text';
import { MoneyInput } from '../../components/MoneyInput';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { isBackendError } from '../../lib/backend';
import { dateText } from '../../lib/format';
import {
  areaVillageOptions,
  districtOptions,
  officeOptions,
  typeOptions,
  villageOptions,
} from '../reference';
import {
  applicationFieldOrder,
  createApplicationResolver,
  minPromotersFor,
  promoterFields,
  type ApplicationFieldName,
  type ApplicationFormValues,
} from './form-values';
import { PromotersEditor } from './PromotersEditor';
import { useNameReservations } from './queries';

function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message)
    return error.message;
  return undefined;
}

/** The application as received at the counter or by post, with its promoters. */
export function ApplicationForm({
  reference,
  rules,
  defaultValues,
  onSubmit,
  onCancel,
}: {
  reference: ReferenceData;
  rules: readonly RuleParameter[] | undefined;
  defaultValues: ApplicationFormValues;
  /** Saves; rejects with a BackendError to have its reasons shown on the form. */
  onSubmit: (application: ApplicationCreate) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['registration', 'societies']);
  const formRef = useRef<HTMLFormElement>(null);
  const leavingRef = useRef(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [promotersProblem, setPromotersProblem] = useState<string | null>(null);
  const resolver = useMemo(() => createApplicationResolver(t('societies:form.invalidAmount')), [t]);
  const form = useForm<ApplicationFormValues, unknown, ApplicationCreate>({
    defaultValues,
    resolver,
    // A long form with a promoter table: checked on saving, then again as each error is fixed.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const {
    control,
    register,
    handleSubmit,
    setError,
    setFocus,
    setValue,
    formState: { errors, isDirty, isSubmitting, submitCount },
  } = form;

  // Names the promoters reserved at this office and have not used: one fills name and type.
  const reservations = useNameReservations();
  const reservationOptions = useMemo(() => {
    const today = indiaDate(new Date());
    return (reservations.data ?? [])
      .filter((reservation) => reservationStatus(reservation, today) === 'held')
      .map((reservation) => ({
        value: reservation.id,
        label: t('names.fieldOption', {
          name: reservation.name,
          applicant: reservation.applicantName,
          until: dateText(reservation.expiresOn),
        }),
      }));
  }, [reservations.data, t]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !leavingRef.current && currentLocation.pathname !== nextLocation.pathname,
  );

  const districtId = useWatch({ control, name: 'districtId' });
  const typeId = useWatch({ control, name: 'typeId' });
  const receivedOn = useWatch({ control, name: 'receivedOn' });
  const type = reference.societyTypes.find((candidate) => candidate.id === typeId);
  const onDate = dayMonthYearToIso(receivedOn) || new Date().toISOString().slice(0, 10);
  const minPromoters = minPromotersFor(rules, type?.code, onDate, type?.minPromoters);

  const options = useMemo(
    () => ({
      districts: districtOptions(reference),
      villages: villageOptions(reference, districtId),
      area: areaVillageOptions(reference, districtId, (district) =>
        t('societies:form.areaDistrictFirst', { district }),
      ),
      offices: officeOptions(reference, districtId, {
        covering: (district) => t('societies:form.officesCovering', { district }),
        other: t('societies:form.officesOther'),
        part: (office) => t('societies:form.partOfDistrict', { office }),
      }),
      types: typeOptions(reference),
    }),
    [reference, districtId, t],
  );

  const error = (field: ApplicationFieldName) => firstMessage(errors[field]);
  const promoterErrorCount = Array.isArray(errors.promoters)
    ? errors.promoters.filter(Boolean).length
    : 0;
  const errorCount =
    applicationFieldOrder.filter((field) => errors[field]).length +
    promoterErrorCount +
    (promotersProblem ? 1 : 0);

  const showServerError = (failure: unknown) => {
    if (!isBackendError(failure) || Object.keys(failure.fields).length === 0) {
      setBanner(failure instanceof Error ? failure.message : String(failure));
      return;
    }
    const unplaced: string[] = [];
    let first: ApplicationFieldName | null = null;
    for (const [rawPath, message] of Object.entries(failure.fields)) {
      const path = rawPath.replace(/^application\./u, '');
      const [head, index, field] = path.split('.');
      if (head === 'promoters' && index === undefined) {
        setPromotersProblem(message);
      } else if (
        head === 'promoters' &&
        index !== undefined &&
        (promoterFields as readonly string[]).includes(field ?? '')
      ) {
        setError(`promoters.${Number(index)}.${field as (typeof promoterFields)[number]}`, {
          type: 'server',
          message,
        });
      } else if ((applicationFieldOrder as string[]).includes(head ?? '')) {
        const name = head as ApplicationFieldName;
        setError(name, { type: 'server', message });
        first ??= name;
      } else {
        unplaced.push(message);
      }
    }
    setBanner(unplaced.length > 0 ? unplaced.join(' ') : null);
    const focus = applicationFieldOrder.find((field) => field === first);
    if (focus) setTimeout(() => setFocus(focus), 0);
  };

  const onValid = async (application: ApplicationCreate) => {
    setBanner(null);
    setPromotersProblem(null);
    // The count and the chief are checked here too, so the clerk hears it before saving.
    if (minPromoters !== undefined && application.promoters.length < minPromoters) {
      setPromotersProblem(
        t('applicationForm.tooFewPromoters', {
          type: (type?.name ?? '').toLowerCase(),
          min: minPromoters,
          count: application.promoters.length,
        }),
      );
      return;
    }
    if (application.promoters.filter((promoter) => promoter.isChief).length !== 1) {
      setPromotersProblem(t('applicationForm.oneChief'));
      return;
    }
    leavingRef.current = true;
    try {
      await onSubmit(application);
    } catch (failure) {
      leavingRef.current = false;
      showServerError(failure);
    }
  };

  const addPromoterButton = () =>
    formRef.current?.querySelector<HTMLButtonElement>('[data-add-promoter]')?.click();

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      if (target.closest('[data-mantine-stop-propagation]') || event.defaultPrevented) return;
      event.preventDefault();
      onCancel();
    }
    if (event.altKey && (event.key === 'p' || event.key === 'P' || event.code === 'KeyP')) {
      event.preventDefault();
      addPromoterButton();
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
        aria-label={t('applicationForm.title')}
      >
        <Stack gap="md" pb={80} maw={1320}>
          <PageHeader title={t('applicationForm.title')} subtitle={t('applicationForm.intro')} />
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              <Text size="sm">{t('applicationForm.refused', { message: banner })}</Text>
            </Alert>
          ) : null}

          <Section title={t('applicationForm.section.society')} id="app-society">
            <Grid gap="sm">
              <Grid.Col span={span(12, 12)}>
                <Controller
                  control={control}
                  name="reservationId"
                  render={({ field }) => (
                    <Select
                      {...field}
                      label={t('names.field')}
                      placeholder={
                        reservationOptions.length > 0
                          ? t('names.fieldPlaceholder')
                          : t('names.fieldNone')
                      }
                      disabled={reservationOptions.length === 0}
                      data={reservationOptions}
                      searchable
                      clearable
                      nothingFoundMessage={t('societies:form.nothingFound')}
                      error={error('reservationId')}
                      onChange={(value) => {
                        field.onChange(value);
                        const held = reservations.data?.find(
                          (reservation) => reservation.id === value,
                        );
                        if (held) {
                          setValue('proposedName', held.name, { shouldDirty: true });
                          setValue('typeId', held.typeId, { shouldDirty: true });
                        }
                      }}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 6)}>
                <TextInput
                  {...register('proposedName')}
                  {...required}
                  label={t('applicationForm.proposedName')}
                  error={error('proposedName')}
                  autoFocus
                  spellCheck={false}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 6)}>
                <TextInput
                  {...register('proposedNameMizo')}
                  label={t('applicationForm.proposedNameMizo')}
                  error={error('proposedNameMizo')}
                  spellCheck={false}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 6)}>
                <Controller
                  control={control}
                  name="typeId"
                  render={({ field }) => (
                    <Select
                      {...field}
                      {...required}
                      label={t('societies:field.typeId')}
                      placeholder={t('societies:form.choose')}
                      data={options.types}
                      searchable
                      nothingFoundMessage={t('societies:form.nothingFound')}
                      maxDropdownHeight={320}
                      error={error('typeId')}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={span(12, 6)}>
                <Controller
                  control={control}
                  name="byLaws"
                  render={({ field }) => (
                    <Input.Wrapper label={t('applicationForm.byLaws')} {...required}>
                      <SegmentedControl
                        ref={field.ref}
                        name={field.name}
                        value={field.value}
                        onChange={(value) => field.onChange(value)}
                        fullWidth
                        data={[
                          { value: 'model', label: t('applicationForm.byLawsOptions.model') },
                          { value: 'own', label: t('applicationForm.byLawsOptions.own') },
                        ]}
                      />
                    </Input.Wrapper>
                  )}
                />
              </Grid.Col>
            </Grid>
          </Section>

          <Section title={t('applicationForm.section.address')} id="app-address">
            <Grid gap="sm">
              <Grid.Col span={12}>
                <TextInput
                  {...register('address')}
                  {...required}
                  label={t('societies:field.address')}
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
                      label={t('societies:field.districtId')}
                      placeholder={t('societies:form.choose')}
                      data={options.districts}
                      searchable
                      nothingFoundMessage={t('societies:form.nothingFound')}
                      error={error('districtId')}
                      onChange={(value) => {
                        field.onChange(value);
                        const village = reference.villages.find(
                          (item) => item.id === form.getValues('villageId'),
                        );
                        if (village && village.districtId !== value) {
                          form.setValue('villageId', null, { shouldDirty: true });
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
                      label={t('societies:field.villageId')}
                      placeholder={
                        districtId
                          ? t('societies:form.choose')
                          : t('societies:field.villageNeedsDistrict')
                      }
                      data={options.villages}
                      disabled={!districtId}
                      searchable
                      clearable
                      nothingFoundMessage={t('societies:form.nothingFound')}
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
                      label={t('societies:field.officeId')}
                      placeholder={t('societies:form.choose')}
                      data={options.offices}
                      searchable
                      nothingFoundMessage={t('societies:form.nothingFound')}
                      error={error('officeId')}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Controller
                  control={control}
                  name="areaVillageIds"
                  render={({ field }) => (
                    <MultiSelect
                      {...field}
                      {...required}
                      label={t('societies:field.areaVillageIds')}
                      description={t('societies:field.areaHint')}
                      placeholder={
                        field.value.length === 0 ? t('societies:form.choose') : undefined
                      }
                      data={options.area}
                      searchable
                      clearable
                      hidePickedOptions
                      limit={200}
                      maxDropdownHeight={300}
                      nothingFoundMessage={t('societies:form.nothingFound')}
                      error={error('areaVillageIds')}
                    />
                  )}
                />
              </Grid.Col>
            </Grid>
          </Section>

          <Grid gap="md">
            <Grid.Col span={span(12, 6)}>
              <Section title={t('applicationForm.section.receipt')} id="app-receipt">
                <Grid gap="sm">
                  <Grid.Col span={6}>
                    <Controller
                      control={control}
                      name="receivedOn"
                      render={({ field }) => (
                        <DateInput
                          ref={field.ref}
                          name={field.name}
                          value={field.value}
                          onBlur={field.onBlur}
                          onChange={field.onChange}
                          label={t('applicationForm.receivedOn')}
                          withAsterisk
                          error={error('receivedOn')}
                        />
                      )}
                    />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput
                      {...register('feeReceiptNo')}
                      label={t('applicationForm.feeReceiptNo')}
                      error={error('feeReceiptNo')}
                      autoComplete="off"
                    />
                  </Grid.Col>
                  <Grid.Col span={12}>
                    <Controller
                      control={control}
                      name="mode"
                      render={({ field }) => (
                        <Input.Wrapper label={t('applicationForm.mode')} withAsterisk>
                          <SegmentedControl
                            ref={field.ref}
                            name={field.name}
                            value={field.value}
                            onChange={(value) => field.onChange(value)}
                            fullWidth
                            data={[
                              { value: 'counter', label: t('applicationForm.modes.counter') },
                              { value: 'post', label: t('applicationForm.modes.post') },
                            ]}
                          />
                        </Input.Wrapper>
                      )}
                    />
                  </Grid.Col>
                </Grid>
              </Section>
            </Grid.Col>
            <Grid.Col span={span(12, 6)}>
              <Section title={t('applicationForm.section.capital')} id="app-capital">
                <Grid gap="sm">
                  <Grid.Col span={6}>
                    <Controller
                      control={control}
                      name="shareCapitalPaise"
                      render={({ field }) => (
                        <MoneyInput
                          ref={field.ref}
                          name={field.name}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          label={t('applicationForm.shareCapital')}
                          withAsterisk
                          error={error('shareCapitalPaise')}
                        />
                      )}
                    />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput
                      {...register('bankCertificateRef')}
                      label={t('applicationForm.bankCertificateRef')}
                      placeholder={t('applicationForm.bankCertificateHint')}
                      error={error('bankCertificateRef')}
                      autoComplete="off"
                    />
                  </Grid.Col>
                </Grid>
              </Section>
            </Grid.Col>
          </Grid>

          <Section title={t('applicationForm.section.promoters')} id="app-promoters">
            <PromotersEditor form={form} minPromoters={minPromoters} problem={promotersProblem} />
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
                {t('applicationForm.save')}
              </Button>
              <Button variant="default" onClick={onCancel} aria-keyshortcuts="Escape">
                {t('common.cancel')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('applicationForm.keyboardHint')}
              </Text>
            </Group>
            {submitCount > 0 && errorCount > 0 ? (
              <Text size="sm" c="red.8" fw={500} role="alert">
                {t('applicationForm.errorsBanner', { count: errorCount })}
              </Text>
            ) : null}
          </Group>
        </Paper>
      </form>

      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('societies:form.unsavedTitle')}
        centered
      >
        <Text size="sm">{t('societies:form.unsavedBody')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('societies:form.keepEditing')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('societies:form.discard')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
