import { Grid } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../components/MoneyInput';
import { Section } from '../../../components/Section';
import { span } from '../../../components/form-layout';
import type { SocietyFieldName } from './form-values';
import type { SocietyFormApi } from './use-society-form';

/** The value of a share, the admission fee and the authorised capital. */
export function SocietyCapitalFields({
  form,
  error,
}: {
  form: SocietyFormApi;
  error: (field: SocietyFieldName) => string | undefined;
}) {
  const { t } = useTranslation('societies');
  const { control } = form;
  return (
    <Section title={t('form.section.capital')} id="form-capital">
      <Grid gap="sm">
        {(['shareValuePaise', 'admissionFeePaise', 'authorisedCapitalPaise'] as const).map(
          (moneyField) => (
            <Grid.Col span={span(12, 4)} key={moneyField}>
              <Controller
                control={control}
                name={moneyField}
                render={({ field }) => (
                  <MoneyInput
                    ref={field.ref}
                    name={field.name}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    label={t(`field.${moneyField}`)}
                    error={error(moneyField)}
                  />
                )}
              />
            </Grid.Col>
          ),
        )}
      </Grid>
    </Section>
  );
}
