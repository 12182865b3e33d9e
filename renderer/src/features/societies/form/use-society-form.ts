import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLeaveGuard } from '../../../components/use-leave-guard';
import { isBackendError } from '../../../lib/backend';
import {
  fieldOrder,
  formFieldFor,
  type SocietyFieldName,
  type SocietyFormMode,
  type SocietyFormValues,
} from './form-values';
import { createSocietyResolver, nameChanged, type SocietyFormOutput } from './society-resolver';

/** The society form as react-hook-form gives it, handed to each section of fields. */
export type SocietyFormApi = UseFormReturn<SocietyFormValues, unknown, SocietyFormOutput>;

/** What is shown above the form: someone else saved first, or the backend's refusal. */
export type SocietyFormBanner = { kind: 'conflict' } | { kind: 'refused'; message: string } | null;

function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message)
    return error.message;
  for (const value of Object.values(error)) {
    const message = firstMessage(value);
    if (message) return message;
  }
  return undefined;
}

/**
 * The society form's state and rules: checked as fields are left, the backend's reasons
 * put by their fields (or a conflict offered for reloading), leaving with changes asked
 * first, Esc to cancel and Ctrl+Enter to save from a note.
 */
export function useSocietyForm({
  mode,
  defaultValues,
  originalName,
  onSubmit,
  onCancel,
  today,
}: {
  mode: SocietyFormMode;
  defaultValues: SocietyFormValues;
  originalName: string | undefined;
  onSubmit: (output: SocietyFormOutput) => Promise<void>;
  onCancel: () => void;
  today: (() => string) | undefined;
}) {
  const { t } = useTranslation('societies');
  const formRef = useRef<HTMLFormElement>(null);
  const leavingRef = useRef(false);
  const [banner, setBanner] = useState<SocietyFormBanner>(null);

  const resolver = useMemo(
    () =>
      createSocietyResolver({
        mode,
        originalName,
        today,
        messages: {
          invalidAmount: t('form.invalidAmount'),
          nameChangeReasonRequired: t('form.nameChangeReasonRequired'),
        },
      }),
    [mode, originalName, today, t],
  );

  const form = useForm<SocietyFormValues, unknown, SocietyFormOutput>({
    defaultValues,
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const {
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isDirty },
  } = form;

  const blocker = useLeaveGuard(() => isDirty && !leavingRef.current);

  const districtId = useWatch({ control, name: 'districtId' });
  const name = useWatch({ control, name: 'name' });
  const askReason = mode === 'edit' && nameChanged(name, originalName);

  const error = (field: SocietyFieldName) => firstMessage(errors[field]);
  const errorCount = fieldOrder.filter((field) => errors[field]).length;

  const showServerError = (failure: unknown) => {
    if (isBackendError(failure) && Object.keys(failure.fields).length > 0) {
      const unplaced: string[] = [];
      const placed: SocietyFieldName[] = [];
      for (const [path, message] of Object.entries(failure.fields)) {
        const field = formFieldFor(path);
        if (field && !placed.includes(field)) {
          setError(field, { type: 'server', message });
          placed.push(field);
        } else if (!field) {
          unplaced.push(message);
        }
      }
      setBanner(unplaced.length > 0 ? { kind: 'refused', message: unplaced.join(' ') } : null);
      const first = fieldOrder.find((field) => placed.includes(field));
      if (first) setTimeout(() => setFocus(first), 0);
      return;
    }
    if (isBackendError(failure) && failure.code === 'conflict' && mode === 'edit') {
      setBanner({ kind: 'conflict' });
      return;
    }
    setBanner({
      kind: 'refused',
      message: failure instanceof Error ? failure.message : String(failure),
    });
  };

  const onValid = async (output: SocietyFormOutput) => {
    setBanner(null);
    leavingRef.current = true;
    try {
      await onSubmit(output);
    } catch (failure) {
      leavingRef.current = false;
      showServerError(failure);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      // An open picker closes first; Esc again leaves the form.
      if (target.closest('[data-mantine-stop-propagation]') || event.defaultPrevented) return;
      event.preventDefault();
      onCancel();
    }
    if (
      event.key === 'Enter' &&
      (event.ctrlKey || event.metaKey) &&
      target.tagName === 'TEXTAREA'
    ) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return {
    form,
    formRef,
    banner,
    blocker,
    districtId,
    askReason,
    error,
    errorCount,
    onFormSubmit: (event: FormEvent<HTMLFormElement>) => void handleSubmit(onValid)(event),
    onKeyDown,
  };
}
