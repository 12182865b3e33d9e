import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { likelyDuplicateIn, type LikelyDuplicate } from '#shared/societies/likely-duplicate';
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

/** What a save sends besides the record: the societies the clerk confirmed this one is not. */
export interface SocietySaveOptions {
  confirmedDistinctFrom: string[];
}

/** A save the register refused as a likely duplicate, waiting for the clerk's answer. */
interface PendingDuplicate {
  output: SocietyFormOutput;
  regNo: string;
  other: LikelyDuplicate;
  message: string;
}

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
  onSubmit: (output: SocietyFormOutput, options: SocietySaveOptions) => Promise<void>;
  onCancel: () => void;
  today: (() => string) | undefined;
}) {
  const { t } = useTranslation('societies');
  const formRef = useRef<HTMLFormElement>(null);
  const leavingRef = useRef(false);
  const [banner, setBanner] = useState<SocietyFormBanner>(null);
  const [pendingDuplicate, setPendingDuplicate] = useState<PendingDuplicate | null>(null);
  const [confirmingDuplicate, setConfirmingDuplicate] = useState(false);
  // The societies the clerk said this one is not, sent with every later save of the form.
  const confirmedRef = useRef<string[]>([]);

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

  const showServerError = (failure: unknown, output: SocietyFormOutput) => {
    const other = isBackendError(failure) ? likelyDuplicateIn(failure.fields) : null;
    if (isBackendError(failure) && other) {
      const regNo = output.mode === 'create' ? output.society.regNo : output.fields.regNo;
      setPendingDuplicate({ output, regNo, other, message: failure.message });
      return;
    }
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

  const save = async (output: SocietyFormOutput) => {
    setBanner(null);
    leavingRef.current = true;
    try {
      await onSubmit(output, { confirmedDistinctFrom: [...confirmedRef.current] });
    } catch (failure) {
      leavingRef.current = false;
      showServerError(failure, output);
    }
  };

  /** "It is a different society — save": the same record again, with the confirmation. */
  const confirmDuplicate = async () => {
    if (!pendingDuplicate) return;
    confirmedRef.current = [...confirmedRef.current, pendingDuplicate.other.id];
    setConfirmingDuplicate(true);
    try {
      await save(pendingDuplicate.output);
    } finally {
      setConfirmingDuplicate(false);
      // A refusal naming yet another society opened the question again; anything else closes it.
      setPendingDuplicate((current) => (current === pendingDuplicate ? null : current));
    }
  };

  /** "Cancel": back to the form, with the reason by the registration number. */
  const cancelDuplicate = () => {
    if (!pendingDuplicate) return;
    setError('regNo', { type: 'server', message: pendingDuplicate.message });
    setPendingDuplicate(null);
    setTimeout(() => setFocus('regNo'), 0);
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
    onFormSubmit: (event: FormEvent<HTMLFormElement>) => void handleSubmit(save)(event),
    likelyDuplicate: {
      entered: pendingDuplicate,
      saving: confirmingDuplicate,
      onConfirm: () => void confirmDuplicate(),
      onCancel: cancelDuplicate,
    },
    onKeyDown,
  };
}
