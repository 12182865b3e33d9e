import { Checkbox, Grid, Stack, Textarea } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { Section } from '../../components/Section';
import type { ReturnFilingFormApi } from './use-return-filing-form';

/** The return's items: the activities report, audited accounts, surplus, bye-laws, AGM, elections. */
export function FilingItemsFields({
  form,
  electionsHeld,
}: {
  form: ReturnFilingFormApi;
  /** Elections were held in the year: their date is asked for. */
  electionsHeld: boolean;
}) {
  const { t } = useTranslation('returns');
  const { control, register, formState } = form;
  const errors = formState.errors;
  return (
    <Section title={t('returnPage.section.items')} id="counter-items">
      <Stack gap="sm">
        <Textarea
          {...register('items.activitiesReport')}
          label={t('returnForm.activitiesReport')}
          description={t('returnForm.activitiesHint')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={10}
          autoFocus
          error={errors.items?.activitiesReport?.message}
        />
        <Checkbox {...register('items.auditedAccounts')} label={t('returnForm.auditedAccounts')} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              {...register('items.surplusPlan')}
              label={t('returnForm.surplusPlan')}
              autosize
              minRows={2}
              error={errors.items?.surplusPlan?.message}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              {...register('items.byLawAmendments')}
              label={t('returnForm.byLawAmendments')}
              autosize
              minRows={2}
              error={errors.items?.byLawAmendments?.message}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Controller
              control={control}
              name="items.agmOn"
              render={({ field }) => (
                <DateInput
                  {...field}
                  label={t('returnForm.agmOn')}
                  error={errors.items?.agmOn?.message}
                />
              )}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }} pt={34}>
            <Checkbox {...register('items.electionsHeld')} label={t('returnForm.electionsHeld')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            {electionsHeld ? (
              <Controller
                control={control}
                name="items.electionsOn"
                render={({ field }) => (
                  <DateInput
                    {...field}
                    label={t('returnForm.electionsOn')}
                    withAsterisk
                    error={errors.items?.electionsOn?.message}
                  />
                )}
              />
            ) : null}
          </Grid.Col>
        </Grid>
      </Stack>
    </Section>
  );
}
