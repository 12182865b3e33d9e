import { Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import type { ReturnFilingFormApi } from './use-return-filing-form';

/** Who declares the return true, and File, with how many fields still need correcting. */
export function FilingDeclarationFields({
  form,
  errorCount,
}: {
  form: ReturnFilingFormApi;
  errorCount: number;
}) {
  const { t } = useTranslation('returns');
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <Section title={t('returnForm.declaration')} id="counter-declaration">
      <Stack gap="sm">
        <Text size="sm">{t('returnForm.declarationText')}</Text>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <TextInput
              {...register('declarantName')}
              label={t('returnForm.declarantName')}
              withAsterisk
              autoComplete="off"
              error={errors.declarantName?.message}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TextInput
              {...register('declarantDesignation')}
              label={t('returnForm.declarantDesignation')}
              withAsterisk
              error={errors.declarantDesignation?.message}
            />
          </Grid.Col>
        </Grid>
        <Group justify="space-between">
          <Text size="sm" c="red.8" role={errorCount > 0 ? 'alert' : undefined}>
            {errorCount > 0 ? t('returnForm.errors', { count: errorCount }) : ''}
          </Text>
          <Button type="submit" size="md" loading={formState.isSubmitting}>
            {t('returnForm.submit')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
