import { Grid, Select, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/Section';
import { required, span } from '../../../components/form-layout';
import type { SocietyFieldName } from './form-values';
import { SocietyDateField } from './SocietyDateField';
import type { SocietyFormApi } from './use-society-form';
import type { SocietyOptions } from './use-society-options';

/** A society entered from the old registers: its status, since when, and the order's reference. */
export function SocietyStatusFields({
  form,
  options,
  error,
}: {
  form: SocietyFormApi;
  options: SocietyOptions;
  error: (field: SocietyFieldName) => string | undefined;
}) {
  const { t } = useTranslation('societies');
  const { control, register } = form;
  return (
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
          <SocietyDateField
            form={form}
            field="statusSince"
            label={t('field.statusSince')}
            asterisk={false}
            error={error}
          />
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
  );
}
