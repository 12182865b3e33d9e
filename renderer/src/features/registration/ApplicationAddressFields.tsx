import { Grid, MultiSelect, Select, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { Section } from '../../components/Section';
import type { ApplicationFieldName } from './form-values';
import { required, span } from '../../components/form-layout';
import type { ApplicationForm } from './PromotersEditor';
import type { ApplicationOptions } from './use-application-options';

/** Where the society will be: address, district, village, office, and the area it will serve. */
export function ApplicationAddressFields({
  form,
  reference,
  districtId,
  options,
  error,
}: {
  form: ApplicationForm;
  reference: ReferenceData;
  districtId: string | null;
  options: ApplicationOptions;
  error: (field: ApplicationFieldName) => string | undefined;
}) {
  const { t } = useTranslation(['registration', 'societies']);
  const { control, register } = form;
  return (
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
                placeholder={field.value.length === 0 ? t('societies:form.choose') : undefined}
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
  );
}
