import { useMemo, useState } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReturnFiling } from '#shared/returns/returns';
import type { ReturnDetail } from '#shared/returns/contract';
import { isBackendError, useRequest } from '../../lib/backend';
import {
  createReturnResolver,
  returnFormValues,
  type ReturnFormValues,
} from './return-form-values';

/** The return filing form as react-hook-form gives it, handed to each section of fields. */
export type ReturnFilingFormApi = UseFormReturn<ReturnFormValues, unknown, ReturnFiling>;

/**
 * The filing form's state: checked as fields are left, filed with the backend's reasons put
 * by their fields (the first one focused), anything else said in a banner.
 */
export function useReturnFilingForm({
  detail,
  onFiled,
}: {
  detail: ReturnDetail;
  onFiled: (detail: ReturnDetail) => void;
}) {
  const { t } = useTranslation('returns');
  const file = useRequest('returns.file');
  const [banner, setBanner] = useState<string | null>(null);
  const resolver = useMemo(
    () =>
      createReturnResolver({
        wholeNumber: t('returnForm.wholeNumber'),
        invalidAmount: t('returnForm.invalidAmount'),
      }),
    [t],
  );
  const form = useForm<ReturnFormValues, unknown, ReturnFiling>({
    defaultValues: returnFormValues(detail),
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const { control, handleSubmit, setError, formState } = form;
  const errors = formState.errors;
  const electionsHeld = useWatch({ control, name: 'items.electionsHeld' });
  const errorCount = countErrors(errors);

  const submit = handleSubmit(async (filing) => {
    setBanner(null);
    try {
      onFiled(await file.mutateAsync({ filing }));
    } catch (failure) {
      if (isBackendError(failure) && Object.keys(failure.fields).length > 0) {
        let first = true;
        for (const [path, message] of Object.entries(failure.fields)) {
          setError(
            path.replace(/^filing\./u, '') as never,
            { type: 'server', message },
            {
              shouldFocus: first,
            },
          );
          first = false;
        }
      } else {
        setBanner(failure instanceof Error ? failure.message : String(failure));
      }
    }
  });

  const snapshotError = (field: string) =>
    (errors.snapshot as Record<string, { message?: string }> | undefined)?.[field]?.message;

  return { form, banner, electionsHeld, errorCount, submit, snapshotError };
}

/** Fields with an error, nested objects counted by their leaves. */
function countErrors(errors: object): number {
  let total = 0;
  for (const value of Object.values(errors)) {
    if (value && typeof value === 'object' && 'message' in value && 'type' in value) total += 1;
    else if (value && typeof value === 'object') total += countErrors(value);
  }
  return total;
}
