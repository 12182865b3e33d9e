import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApplicationCreate } from '#shared/registration/registration';
import type { ReferenceData, RuleParameter } from '#shared/reference/contract';
import { dayMonthYearToIso } from '../../components/date-text';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { isBackendError } from '../../lib/backend';
import {
  applicationFieldOrder,
  createApplicationResolver,
  minPromotersFor,
  promoterFields,
  type ApplicationFieldName,
  type ApplicationFormValues,
} from './form-values';

function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message)
    return error.message;
  return undefined;
}

/**
 * The application form's state and rules: checked on saving (the promoters' count and the
 * chief too), the backend's reasons put by their fields, leaving with changes asked first,
 * Esc to cancel and Alt+P to add a promoter.
 */
export function useApplicationForm({
  reference,
  rules,
  defaultValues,
  onSubmit,
  onCancel,
}: {
  reference: ReferenceData;
  rules: readonly RuleParameter[] | undefined;
  defaultValues: ApplicationFormValues;
  onSubmit: (application: ApplicationCreate) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['registration', 'societies']);
  const formRef = useRef<HTMLFormElement>(null);
  const leavingRef = useRef(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [promotersProblem, setPromotersProblem] = useState<string | null>(null);
  const resolver = useMemo(() => createApplicationResolver(t('societies:form.invalidAmount')), [t]);
  const form = useForm<ApplicationFormValues, unknown, ApplicationCreate>({
    defaultValues,
    resolver,
    // A long form with a promoter table: checked on saving, then again as each error is fixed.
    mode: 'onSubmit',
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
  const typeId = useWatch({ control, name: 'typeId' });
  const receivedOn = useWatch({ control, name: 'receivedOn' });
  const type = reference.societyTypes.find((candidate) => candidate.id === typeId);
  const onDate = dayMonthYearToIso(receivedOn) || new Date().toISOString().slice(0, 10);
  const minPromoters = minPromotersFor(rules, type?.code, onDate, type?.minPromoters);

  const error = (field: ApplicationFieldName) => firstMessage(errors[field]);
  const promoterErrorCount = Array.isArray(errors.promoters)
    ? errors.promoters.filter(Boolean).length
    : 0;
  const errorCount =
    applicationFieldOrder.filter((field) => errors[field]).length +
    promoterErrorCount +
    (promotersProblem ? 1 : 0);

  const showServerError = (failure: unknown) => {
    if (!isBackendError(failure) || Object.keys(failure.fields).length === 0) {
      setBanner(failure instanceof Error ? failure.message : String(failure));
      return;
    }
    const unplaced: string[] = [];
    const placed = new Set<string>();
    let firstPromoterField: `promoters.${number}.${(typeof promoterFields)[number]}` | null = null;
    let promotersNamed = false;
    for (const [rawPath, message] of Object.entries(failure.fields)) {
      const path = rawPath.replace(/^application\./u, '');
      const [head, index, field] = path.split('.');
      if (head === 'promoters' && index === undefined) {
        setPromotersProblem(message);
        promotersNamed = true;
      } else if (
        head === 'promoters' &&
        index !== undefined &&
        (promoterFields as readonly string[]).includes(field ?? '')
      ) {
        const name =
          `promoters.${Number(index)}.${field as (typeof promoterFields)[number]}` as const;
        setError(name, { type: 'server', message });
        if (
          !firstPromoterField ||
          name.localeCompare(firstPromoterField, 'en', { numeric: true }) < 0
        )
          firstPromoterField = name;
      } else if ((applicationFieldOrder as string[]).includes(head ?? '')) {
        const name = head as ApplicationFieldName;
        setError(name, { type: 'server', message });
        placed.add(name);
      } else {
        unplaced.push(message);
      }
    }
    setBanner(unplaced.length > 0 ? unplaced.join(' ') : null);
    // The first fault in the order the clerk reads the form: its fields, then the promoters.
    const field = applicationFieldOrder.find((candidate) => placed.has(candidate));
    if (field) takeTo(() => setFocus(field));
    else if (firstPromoterField) {
      const name = firstPromoterField;
      takeTo(() => setFocus(name));
    } else if (promotersNamed) takeToPromoters('add');
  };

  /** After React has shown the errors: focus (and so scroll to) the field at fault. */
  const takeTo = (focus: () => void) =>
    setTimeout(() => {
      focus();
      const active = document.activeElement;
      // Centred, so the save bar fixed at the bottom does not cover the field.
      if (active instanceof HTMLElement && formRef.current?.contains(active))
        active.scrollIntoView?.({ block: 'center' });
    }, 0);

  /** The promoters table as a whole is at fault: to the button that adds one, or the chief marks. */
  const takeToPromoters = (fault: 'add' | 'chief') =>
    takeTo(() => {
      const target =
        fault === 'add'
          ? formRef.current?.querySelector<HTMLElement>('[data-add-promoter]')
          : formRef.current?.querySelector<HTMLElement>('[data-chief-mark]');
      target?.focus();
    });

  const onValid = async (application: ApplicationCreate) => {
    setBanner(null);
    setPromotersProblem(null);
    // The count and the chief are checked here too, so the clerk hears it before saving.
    if (minPromoters !== undefined && application.promoters.length < minPromoters) {
      setPromotersProblem(
        t('applicationForm.tooFewPromoters', {
          type: (type?.name ?? '').toLowerCase(),
          min: minPromoters,
          count: application.promoters.length,
        }),
      );
      takeToPromoters('add');
      return;
    }
    if (application.promoters.filter((promoter) => promoter.isChief).length !== 1) {
      setPromotersProblem(t('applicationForm.oneChief'));
      takeToPromoters('chief');
      return;
    }
    leavingRef.current = true;
    try {
      await onSubmit(application);
    } catch (failure) {
      leavingRef.current = false;
      showServerError(failure);
    }
  };

  const addPromoterButton = () =>
    formRef.current?.querySelector<HTMLButtonElement>('[data-add-promoter]')?.click();

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      if (target.closest('[data-mantine-stop-propagation]') || event.defaultPrevented) return;
      event.preventDefault();
      onCancel();
    }
    if (event.altKey && (event.key === 'p' || event.key === 'P' || event.code === 'KeyP')) {
      event.preventDefault();
      addPromoterButton();
    }
  };

  return {
    form,
    formRef,
    banner,
    promotersProblem,
    blocker,
    districtId,
    minPromoters,
    error,
    errorCount,
    onFormSubmit: (event: FormEvent<HTMLFormElement>) => void handleSubmit(onValid)(event),
    onKeyDown,
  };
}
