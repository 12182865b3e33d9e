import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StatusOrderRow } from '#shared/status-orders/contract';
import { useRequest } from '../../lib/backend';
import { dateText } from '../../lib/format';
import { showServerErrors } from '../../lib/form-errors';

export type Decision = 'approve' | 'reject';

interface DecideValues {
  note: string;
  password: string;
}

const FIELDS = ['note', 'password'] as const;

/** Approve or reject one order, confirmed with the registrar's own password. */
export function DecideModal({
  order,
  decision,
  onClose,
  onDecided,
}: {
  order: StatusOrderRow;
  decision: Decision;
  onClose: () => void;
  onDecided: (decided: StatusOrderRow) => void;
}) {
  const { t } = useTranslation(['statusOrders', 'auth', 'societies']);
  const decide = useRequest('statusOrders.decide');
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<DecideValues>({
    defaultValues: { note: '', password: '' },
  });
  const approving = decision === 'approve';

  const onSubmit = handleSubmit(async ({ note, password }) => {
    setBanner(null);
    try {
      const decided = await decide.mutateAsync({
        id: order.id,
        decision,
        note: note.trim() === '' ? null : note,
        password,
      });
      onDecided(decided);
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, FIELDS));
    }
  });

  const errors = formState.errors;
  return (
    <Modal
      opened
      onClose={onClose}
      title={approving ? t('approvals.approveTitle') : t('approvals.rejectTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label={approving ? t('approvals.approveTitle') : t('approvals.rejectTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('approvals.summary', {
              society: order.societyName,
              regNo: order.societyRegNo,
              from: t(`societies:societyStatus.${order.fromStatus}`),
              to: t(`societies:societyStatus.${order.toStatus}`),
              date: dateText(order.effectiveOn),
              orderRef: order.orderRef,
            })}
          </Text>
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          <Textarea
            {...register('note', {
              validate: (value) => approving || value.trim() !== '' || t('approvals.noteRequired'),
            })}
            label={approving ? t('approvals.note') : t('approvals.noteReject')}
            error={errors.note?.message}
            withAsterisk={!approving}
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus={approving ? undefined : true}
          />
          <PasswordInput
            {...register('password', { required: t('auth:auth.enterPassword') })}
            label={t('approvals.password')}
            description={t('approvals.passwordHint')}
            error={errors.password?.message}
            withAsterisk
            autoComplete="current-password"
            data-autofocus={approving ? true : undefined}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={approving ? 'green.8' : 'red.8'}
              loading={formState.isSubmitting}
            >
              {approving ? t('approvals.approve') : t('approvals.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
