import { Grid, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../components/MoneyInput';
import { Section } from '../../components/Section';
import type { ApplicationFieldName } from './form-values';
import type { ApplicationForm } from './PromotersEditor';

/** The share capital raised and the bank's certificate of it. */
export function ApplicationCapitalFields({
  form,
  error,
}: {
  form: ApplicationForm;
  error: (field: ApplicationFieldName) => string | undefined;
}) {
  const { t } = useTranslation(['registration', 'societies']);
  const { control, register } = form;
  return (
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
  );
}
