import { Stack } from '@mantine/core';
import { FormProvider, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { FormSaveBar } from '../../../components/FormSaveBar';
import { PageHeader } from '../../../components/PageHeader';
import { UnsavedChangesModal } from '../../../components/UnsavedChangesModal';
import type { SocietyFormMode, SocietyFormValues } from './form-values';
import { LikelyDuplicateModal } from './LikelyDuplicateModal';
import { SocietyCapitalFields } from './SocietyCapitalFields';
import { SocietyClassificationFields } from './SocietyClassificationFields';
import { SocietyContactFields } from './SocietyContactFields';
import { SocietyFormAlert } from './SocietyFormAlert';
import { SocietyPlaceFields } from './SocietyPlaceFields';
import { SocietyRegistrationFields } from './SocietyRegistrationFields';
import type { SocietyFormOutput } from './society-resolver';
import { SocietyStatusFields } from './SocietyStatusFields';
import { useRegNoExample } from './use-reg-no-example';
import { useSocietyForm, type SocietySaveOptions } from './use-society-form';
import { useSocietyOptions } from './use-society-options';

export interface SocietyFormProps {
  mode: SocietyFormMode;
  reference: ReferenceData;
  defaultValues: SocietyFormValues;
  /** The record's name when the form opened; a change asks for a reason (edit only). */
  originalName?: string;
  title: string;
  intro: string;
  /**
   * Saves, sending `options` with the record; rejects with a BackendError to have its
   * reasons shown on the form (a likely duplicate is asked about, then sent again).
   */
  onSubmit: (output: SocietyFormOutput, options: SocietySaveOptions) => Promise<void>;
  /** Leaves the form; a form with changes asks first. */
  onCancel: () => void;
  /** Offered when someone else saved the record first (edit only). */
  onReload?: () => void;
  today?: () => string;
}

/** Add or edit a society's master record; every rule the backend checks is shown by the field. */
export function SocietyForm({
  mode,
  reference,
  defaultValues,
  originalName,
  title,
  intro,
  onSubmit,
  onCancel,
  onReload,
  today,
}: SocietyFormProps) {
  const { t } = useTranslation('societies');
  const {
    form,
    formRef,
    banner,
    blocker,
    districtId,
    askReason,
    error,
    errorCount,
    onFormSubmit,
    onKeyDown,
    likelyDuplicate,
  } = useSocietyForm({ mode, defaultValues, originalName, onSubmit, onCancel, today });
  const { isSubmitting, submitCount } = form.formState;
  const options = useSocietyOptions(reference, districtId);
  const officeId = useWatch({ control: form.control, name: 'officeId' });
  const regNoExample = useRegNoExample(reference, officeId, today);

  return (
    // The pickers a society's record and an application share read the form from here.
    <FormProvider {...form}>
      <form
        ref={formRef}
        noValidate
        onSubmit={onFormSubmit}
        onKeyDown={onKeyDown}
        aria-label={title}
      >
        <Stack gap="md" pb={80} maw={1320}>
          <PageHeader title={title} subtitle={intro} />

          <SocietyFormAlert banner={banner} onReload={onReload} />

          <SocietyRegistrationFields
            form={form}
            options={options}
            askReason={askReason}
            regNoExample={regNoExample}
            error={error}
          />
          <SocietyClassificationFields
            form={form}
            reference={reference}
            options={options}
            error={error}
          />
          <SocietyPlaceFields
            reference={reference}
            districtId={districtId}
            options={options}
            error={error}
          />
          <SocietyCapitalFields form={form} error={error} />
          {mode === 'create' ? (
            <SocietyStatusFields form={form} options={options} error={error} />
          ) : null}
          <SocietyContactFields form={form} error={error} />
        </Stack>

        <FormSaveBar
          saveLabel={mode === 'create' ? t('form.saveNew') : t('form.saveEdit')}
          keyboardHint={t('form.keyboardHint')}
          errorCount={errorCount}
          submitted={submitCount > 0}
          isSubmitting={isSubmitting}
          onCancel={onCancel}
        />
      </form>

      {/* Outside the form, so its Esc and Enter never reach the form's own keys. */}
      <LikelyDuplicateModal {...likelyDuplicate} />
      <UnsavedChangesModal blocker={blocker} />
    </FormProvider>
  );
}
