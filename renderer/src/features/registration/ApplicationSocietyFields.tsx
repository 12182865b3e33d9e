import { Grid, Input, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { indiaDate } from '#shared/domain/dates';
import { reservationStatus } from '#shared/registration/registration';
import { Section } from '../../components/Section';
import { dateText } from '../../lib/format';
import type { ApplicationFieldName } from './form-values';
import { required, span } from '../../components/form-layout';
import type { ApplicationForm } from './PromotersEditor';
import { useNameReservations } from './queries';
import { SocietyTypeInput, type PlaceOptions } from '../societies';

/** The proposed society: a reserved name (which fills name and type), names, type, bye-laws. */
export function ApplicationSocietyFields({
  form,
  options,
  error,
}: {
  form: ApplicationForm;
  options: PlaceOptions;
  error: (field: ApplicationFieldName) => string | undefined;
}) {
  const { t } = useTranslation(['registration', 'societies']);
  const { control, register, setValue } = form;

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

  return (
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
                  reservationOptions.length > 0 ? t('names.fieldPlaceholder') : t('names.fieldNone')
                }
                disabled={reservationOptions.length === 0}
                data={reservationOptions}
                searchable
                clearable
                nothingFoundMessage={t('societies:form.nothingFound')}
                error={error('reservationId')}
                onChange={(value) => {
                  field.onChange(value);
                  const held = reservations.data?.find((reservation) => reservation.id === value);
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
          <SocietyTypeInput options={options} error={error} />
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
  );
}
