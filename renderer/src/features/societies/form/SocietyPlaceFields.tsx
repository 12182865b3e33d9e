import { Grid, MultiSelect, Select, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { Section } from '../../../components/Section';
import { required, span } from '../../../components/form-layout';
import type { SocietyFieldName } from './form-values';
import type { SocietyFormApi } from './use-society-form';
import type { SocietyOptions } from './use-society-options';

/** Where the society is (address, district, village, office) and the area it serves. */
export function SocietyPlaceFields({
  form,
  reference,
  districtId,
  options,
  error,
}: {
  form: SocietyFormApi;
  reference: ReferenceData;
  districtId: string | null;
  options: SocietyOptions;
  error: (field: SocietyFieldName) => string | undefined;
}) {
  const { t } = useTranslation('societies');
  const { control, register, setValue } = form;
  return (
    <>
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
    </>
  );
}
