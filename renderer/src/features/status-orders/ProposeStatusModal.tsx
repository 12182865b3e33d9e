import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  statusOrderProposalSchema,
  statusTransitions,
  type StatusOrderProposal,
} from '#shared/status-orders/status-order';
import type { SocietyDetail } from '#shared/societies/contract';
import { DateInput } from '../../components/DateInput';
import { dayMonthYearToIso } from '../../components/date-text';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { useSession } from '../../lib/session';
import { useReferenceData } from '../reference';

interface ProposeValues {
  toStatus: string;
  effectiveOn: string;
  orderRef: string;
  reason: string;
}

const FIELDS = ['toStatus', 'effectiveOn', 'orderRef', 'reason'] as const;

/** The same schema the backend parses, over the form's day-first date. */
function proposalResolver(
  societyId: string,
  chooseStatus: string,
): Resolver<ProposeValues, unknown, StatusOrderProposal> {
  return async (values) => {
    const parsed = statusOrderProposalSchema.safeParse({
      societyId,
      toStatus: values.toStatus || undefined,
      effectiveOn: dayMonthYearToIso(values.effectiveOn) || undefined,
      orderRef: values.orderRef,
      reason: values.reason,
    });
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const message = field === 'toStatus' ? chooseStatus : issue.message;
      errors[field] ??= { type: 'schema', message };
    }
    return { values: {}, errors: errors as FieldErrors<ProposeValues> };
  };
}

/**
 * The order reference's example in the user's own office code, as the office's registration
 * numbers carry it (the state office's orders carry none); plain until reference data loads.
 */
function useOrderRefHint(): string {
  const { t } = useTranslation('statusOrders');
  const { user } = useSession();
  const reference = useReferenceData();
  const office = reference.data?.offices.find((candidate) => candidate.id === user.officeId);
  if (!office) return t('propose.orderRefHintPlain');
  const year = new Date().getFullYear();
  const example =
    office.level === 'state'
      ? t('propose.orderRefExampleState', { year })
      : t('propose.orderRefExample', { office: office.code, year });
  return t('propose.orderRefHint', { example });
}

/**
 * An officer's proposal to change a society's status, offering only the
 * statuses an order may lead to from the current one. A registrar of the office decides it.
 */
export function ProposeStatusModal({
  society,
  onClose,
  onProposed,
}: {
  society: SocietyDetail;
  onClose: () => void;
  onProposed: () => void;
}) {
  const { t } = useTranslation(['statusOrders', 'societies']);
  const propose = useRequest('statusOrders.propose');
  const orderRefHint = useOrderRefHint();
  const [banner, setBanner] = useState<string | null>(null);
  const [resolver] = useState(() => proposalResolver(society.id, t('propose.chooseStatus')));
  const { control, register, handleSubmit, setError, formState } = useForm<
    ProposeValues,
    unknown,
    StatusOrderProposal
  >({
    defaultValues: { toStatus: '', effectiveOn: '', orderRef: '', reason: '' },
    resolver,
    mode: 'onTouched',
  });
  const statusOptions = statusTransitions[society.status].map((value) => ({
    value,
    label: t(`societies:societyStatus.${value}`),
  }));

  const onSubmit = handleSubmit(async (proposal) => {
    setBanner(null);
    try {
      await propose.mutateAsync(proposal);
      onProposed();
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, FIELDS));
    }
  });

  const errors = formState.errors;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('propose.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label={t('propose.title')}
        onKeyDown={(event) => {
          const target = event.target as HTMLElement;
          if (
            event.key === 'Enter' &&
            (event.ctrlKey || event.metaKey) &&
            target.tagName === 'TEXTAREA'
          ) {
            event.preventDefault();
            void onSubmit();
          }
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('propose.intro', {
              status: t(`societies:societyStatus.${society.status}`).toLowerCase(),
              office: society.officeName,
            })}
          </Text>
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          <Group grow align="flex-start">
            <Controller
              control={control}
              name="toStatus"
              render={({ field }) => (
                <Select
                  {...field}
                  label={t('propose.toStatus')}
                  data={statusOptions}
                  placeholder={t('societies:form.choose')}
                  allowDeselect={false}
                  error={errors.toStatus?.message}
                  withAsterisk
                  data-autofocus
                  comboboxProps={{ zIndex: 400 }}
                />
              )}
            />
            <Controller
              control={control}
              name="effectiveOn"
              render={({ field }) => (
                <DateInput
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  label={t('propose.effectiveOn')}
                  error={errors.effectiveOn?.message}
                  withAsterisk
                />
              )}
            />
          </Group>
          <TextInput
            {...register('orderRef')}
            label={t('propose.orderRef')}
            placeholder={orderRefHint}
            error={errors.orderRef?.message}
            withAsterisk
            autoComplete="off"
            spellCheck={false}
          />
          <Textarea
            {...register('reason')}
            label={t('propose.reason')}
            error={errors.reason?.message}
            withAsterisk
            autosize
            minRows={3}
            maxRows={8}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {t('propose.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
