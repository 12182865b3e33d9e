import { Grid, SegmentedControl, Stack } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../components/MoneyInput';
import { Section } from '../../components/Section';
import { amountFields } from './return-form-values';
import type { ReturnFilingFormApi } from './use-return-filing-form';

/** The year's money figures, and the profit or loss with which of the two it was. */
export function FilingMoneyFields({
  form,
  snapshotError,
}: {
  form: ReturnFilingFormApi;
  snapshotError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation('returns');
  const { control } = form;

  const money = (field: (typeof amountFields)[number] | 'profitLossPaise', label?: string) => (
    <Controller
      control={control}
      name={`snapshot.${field}`}
      render={({ field: input }) => (
        <MoneyInput
          {...input}
          label={label ?? t(`returnForm.${field}`)}
          withAsterisk
          error={snapshotError(field)}
        />
      )}
    />
  );

  return (
    <Section title={t('returnPage.section.money')} id="counter-money">
      <Grid gap="sm">
        {amountFields.map((field) => (
          <Grid.Col key={field} span={{ base: 12, sm: 6, md: 4 }}>
            {money(field)}
          </Grid.Col>
        ))}
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Stack gap={4}>
            <Controller
              control={control}
              name="profitOrLoss"
              render={({ field }) => (
                <SegmentedControl
                  size="xs"
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  aria-label={t('returnForm.profitLossPaise')}
                  data={[
                    { value: 'profit', label: t('returnForm.profit') },
                    { value: 'loss', label: t('returnForm.loss') },
                  ]}
                />
              )}
            />
            {money('profitLossPaise')}
          </Stack>
        </Grid.Col>
      </Grid>
    </Section>
  );
}
