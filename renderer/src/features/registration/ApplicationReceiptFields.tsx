import { Grid, Input, SegmentedControl, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { Section } from '../../components/Section';
import type { ApplicationFieldName } from './form-values';
import type { ApplicationForm } from './PromotersEditor';

/** How the application came in: the date, the fee receipt, at the counter or by post. */
export function ApplicationReceiptFields({
  form,
  error,
}: {
  form: ApplicationForm;
  error: (field: ApplicationFieldName) => string | undefined;
}) {
  const { t } = useTranslation(['registration', 'societies']);
  const { control, register } = form;
  return (
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
  );
}
