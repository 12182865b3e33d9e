import { Grid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { categoryTotalProblem, genderTotalProblem } from '#shared/returns/returns';
import { Section } from '../../components/Section';
import type { ReturnFormValues } from './return-form-values';
import { SumHint } from './SumHint';
import type { ReturnFilingFormApi } from './use-return-filing-form';

/** The members by gender and by category, each group's sum shown as it is typed, and employees. */
export function FilingMembersFields({
  form,
  snapshotError,
}: {
  form: ReturnFilingFormApi;
  snapshotError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation('returns');
  const { control, register } = form;

  const count = (field: keyof ReturnFormValues['snapshot']) => (
    <TextInput
      {...register(`snapshot.${field}`)}
      label={t(`returnForm.${field}`)}
      withAsterisk
      inputMode="numeric"
      autoComplete="off"
      error={snapshotError(field)}
      styles={{ input: { fontVariantNumeric: 'tabular-nums', textAlign: 'right' } }}
    />
  );

  return (
    <Section title={t('returnPage.section.members')} id="counter-members">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('returnForm.membersByGender')}
        </Text>
        <Grid gap="sm">
          <Grid.Col span={{ base: 6, md: 3 }}>{count('membersMale')}</Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>{count('membersFemale')}</Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>{count('membersOther')}</Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            {count('membersTotal')}
            <SumHint
              control={control}
              fields={['membersMale', 'membersFemale', 'membersOther']}
              problem={genderTotalProblem}
              shown={!snapshotError('membersTotal')}
            />
          </Grid.Col>
        </Grid>
        <Text size="sm" fw={600}>
          {t('returnForm.membersByCategory')}
        </Text>
        <Grid gap="sm">
          <Grid.Col span={{ base: 6, md: 3 }}>{count('membersSc')}</Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>{count('membersSt')}</Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>{count('membersObc')}</Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            {count('membersGeneral')}
            <SumHint
              control={control}
              fields={['membersSc', 'membersSt', 'membersObc', 'membersGeneral']}
              problem={categoryTotalProblem}
              shown={!snapshotError('membersGeneral')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>{count('employees')}</Grid.Col>
        </Grid>
      </Stack>
    </Section>
  );
}
