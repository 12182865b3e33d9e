import { Grid, Select } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { Section } from '../../../components/Section';
import { required, span } from '../../../components/form-layout';
import type { SocietyFieldName } from './form-values';
import type { SocietyFormApi } from './use-society-form';
import { SocietyTypeInput } from './SocietyTypeInput';
import type { SocietyOptions } from './use-society-options';

/** The society's type, tier (filled from the type) and liability. */
export function SocietyClassificationFields({
  form,
  reference,
  options,
  error,
}: {
  form: SocietyFormApi;
  reference: ReferenceData;
  options: SocietyOptions;
  error: (field: SocietyFieldName) => string | undefined;
}) {
  const { t } = useTranslation('societies');
  const { control, setValue } = form;
  return (
    <Section title={t('form.section.classification')} id="form-classification">
      <Grid gap="sm">
        <Grid.Col span={span(12, 6)}>
          <SocietyTypeInput
            options={options}
            error={error}
            onChosen={(typeId) => {
              const type = reference.societyTypes.find((item) => item.id === typeId);
              if (type) setValue('tier', type.tier, { shouldDirty: true, shouldValidate: true });
            }}
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
  );
}
