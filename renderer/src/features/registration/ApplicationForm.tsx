import { Alert, Grid, Stack, Text } from '@mantine/core';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApplicationCreate } from '#shared/registration/registration';
import type { ReferenceData, RuleParameter } from '#shared/reference/contract';
import { FormSaveBar } from '../../components/FormSaveBar';
import { PageHeader } from '../../components/PageHeader';
import { UnsavedChangesModal } from '../../components/UnsavedChangesModal';
import { usePlaceOptions } from '../societies';
import { Section } from '../../components/Section';
import { ApplicationAddressFields } from './ApplicationAddressFields';
import { ApplicationCapitalFields } from './ApplicationCapitalFields';
import { ApplicationReceiptFields } from './ApplicationReceiptFields';
import { ApplicationSocietyFields } from './ApplicationSocietyFields';
import { span } from '../../components/form-layout';
import type { ApplicationFormValues } from './form-values';
import { PromotersEditor } from './PromotersEditor';
import { useApplicationForm } from './use-application-form';

/** The application as received at the counter or by post, with its promoters. */
export function ApplicationForm({
  reference,
  rules,
  defaultValues,
  onSubmit,
  onCancel,
}: {
  reference: ReferenceData;
  rules: readonly RuleParameter[] | undefined;
  defaultValues: ApplicationFormValues;
  /** Saves; rejects with a BackendError to have its reasons shown on the form. */
  onSubmit: (application: ApplicationCreate) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['registration', 'societies']);
  const {
    form,
    formRef,
    banner,
    promotersProblem,
    blocker,
    districtId,
    minPromoters,
    error,
    errorCount,
    onFormSubmit,
    onKeyDown,
  } = useApplicationForm({ reference, rules, defaultValues, onSubmit, onCancel });
  const { isSubmitting, submitCount } = form.formState;
  const options = usePlaceOptions(reference, districtId);

  return (
    // The pickers a society's record and an application share read the form from here.
    <FormProvider {...form}>
      <form
        ref={formRef}
        noValidate
        onSubmit={onFormSubmit}
        onKeyDown={onKeyDown}
        aria-label={t('applicationForm.title')}
      >
        <Stack gap="md" pb={80} maw={1320}>
          <PageHeader title={t('applicationForm.title')} subtitle={t('applicationForm.intro')} />
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              <Text size="sm">{t('applicationForm.refused', { message: banner })}</Text>
            </Alert>
          ) : null}

          <ApplicationSocietyFields form={form} options={options} error={error} />

          <ApplicationAddressFields
            reference={reference}
            districtId={districtId}
            options={options}
            error={error}
          />

          <Grid gap="md">
            <Grid.Col span={span(12, 6)}>
              <ApplicationReceiptFields form={form} error={error} />
            </Grid.Col>
            <Grid.Col span={span(12, 6)}>
              <ApplicationCapitalFields form={form} error={error} />
            </Grid.Col>
          </Grid>

          <Section title={t('applicationForm.section.promoters')} id="app-promoters">
            <PromotersEditor form={form} minPromoters={minPromoters} problem={promotersProblem} />
          </Section>
        </Stack>

        <FormSaveBar
          saveLabel={t('applicationForm.save')}
          keyboardHint={t('applicationForm.keyboardHint')}
          errorCount={errorCount}
          submitted={submitCount > 0}
          isSubmitting={isSubmitting}
          onCancel={onCancel}
        />
      </form>

      <UnsavedChangesModal blocker={blocker} />
    </FormProvider>
  );
}
