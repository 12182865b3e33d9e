import { Grid, Select, TextInput } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { required, span } from '../../../components/form-layout';
import type { PlaceFieldError, PlaceValues } from './place-values';
import type { PlaceOptions } from './use-place-options';

/**
 * Where a society is: its address, then district, village and registrar office side by side,
 * as columns of the caller's grid. Choosing another district clears a village of the old
 * one. Reads the form from its context (react-hook-form's FormProvider).
 */
export function PlaceInputs({
  reference,
  districtId,
  options,
  error,
}: {
  reference: ReferenceData;
  districtId: string | null;
  options: PlaceOptions;
  error: PlaceFieldError;
}) {
  const { t } = useTranslation('societies');
  const { control, register, getValues, setValue } = useFormContext<PlaceValues>();
  return (
    <>
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
                  (item) => item.id === getValues('villageId'),
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
    </>
  );
}
