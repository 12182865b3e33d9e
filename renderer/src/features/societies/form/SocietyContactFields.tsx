import { Grid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/Section';
import { span } from '../../../components/form-layout';
import type { SocietyFieldName } from './form-values';
import type { SocietyFormApi } from './use-society-form';

/** The society's bank and federation, whom to contact, and the rest (NCD id, remarks). */
export function SocietyContactFields({
  form,
  error,
}: {
  form: SocietyFormApi;
  error: (field: SocietyFieldName) => string | undefined;
}) {
  const { t } = useTranslation('societies');
  const { register } = form;
  return (
    <>
      <Section title={t('form.section.affiliations')} id="form-affiliations">
        <Grid gap="sm">
          <Grid.Col span={span(12, 6)}>
            <TextInput
              {...register('financingBank')}
              label={t('field.financingBank')}
              error={error('financingBank')}
            />
          </Grid.Col>
          <Grid.Col span={span(12, 6)}>
            <TextInput
              {...register('federation')}
              label={t('field.federation')}
              error={error('federation')}
            />
          </Grid.Col>
        </Grid>
      </Section>

      <Section title={t('form.section.contacts')} id="form-contacts">
        <Grid gap="sm">
          <Grid.Col span={span(12, 4)}>
            <TextInput
              {...register('contactPerson')}
              label={t('field.contactPerson')}
              error={error('contactPerson')}
            />
          </Grid.Col>
          <Grid.Col span={span(6, 4)}>
            <TextInput
              {...register('phone')}
              type="tel"
              label={t('field.phone')}
              error={error('phone')}
            />
          </Grid.Col>
          <Grid.Col span={span(6, 4)}>
            <TextInput
              {...register('email')}
              type="email"
              label={t('field.email')}
              error={error('email')}
            />
          </Grid.Col>
        </Grid>
      </Section>

      <Section title={t('form.section.other')} id="form-other">
        <Grid gap="sm">
          <Grid.Col span={span(12, 4)}>
            <TextInput {...register('ncdId')} label={t('field.ncdId')} error={error('ncdId')} />
          </Grid.Col>
          <Grid.Col span={span(12, 8)}>
            <Textarea
              {...register('remarks')}
              label={t('field.remarks')}
              autosize
              minRows={2}
              maxRows={6}
              error={error('remarks')}
            />
          </Grid.Col>
        </Grid>
      </Section>
    </>
  );
}
