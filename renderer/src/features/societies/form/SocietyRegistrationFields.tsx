import { Grid, Select, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/Section';
import { required, span } from '../../../components/form-layout';
import type { SocietyFieldName } from './form-values';
import { SocietyDateField } from './SocietyDateField';
import type { SocietyFormApi } from './use-society-form';
import type { SocietyOptions } from './use-society-options';

/** The society's names (a changed name asks why), registration number, date and basis. */
export function SocietyRegistrationFields({
  form,
  options,
  askReason,
  regNoExample,
  error,
}: {
  form: SocietyFormApi;
  options: SocietyOptions;
  /** The name of an existing society was changed: the reason is asked for. */
  askReason: boolean;
  /** A number as the registry issues them today (useRegNoExample); none while loading. */
  regNoExample: string | undefined;
  error: (field: SocietyFieldName) => string | undefined;
}) {
  const { t } = useTranslation('societies');
  const { control, register } = form;
  return (
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
            placeholder={
              regNoExample
                ? t('field.regNoHint', { example: regNoExample })
                : t('field.regNoHintLegacy')
            }
            error={error('regNo')}
            spellCheck={false}
            autoComplete="off"
          />
        </Grid.Col>
        <Grid.Col span={span(6, 4)}>
          <SocietyDateField
            form={form}
            field="registeredOn"
            label={t('field.registeredOn')}
            asterisk
            error={error}
          />
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
  );
}
