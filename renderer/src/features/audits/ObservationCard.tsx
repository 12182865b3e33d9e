import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defectCategoryLabels, type DefectActionKind } from '#shared/audits/audits';
import type { AuditObservation } from '#shared/audits/contract';
import { FormModal } from '../../components/FormModal';
import { useRequest } from '../../lib/backend';
import { dateText, rupeeText } from '../../lib/format';
import { AuditStateBadge, DefectStatusBadge } from './AuditBadges';
import { auditKeys } from './queries';

/**
 * One observation or defect of the report with its follow-up history: its auditor corrects
 * or withdraws it while the report is open; after acceptance the office follows a defect.
 */
export function ObservationCard({
  observation: o,
  editable,
  followUp,
  canVerify,
  onEdit,
  onAction,
}: {
  observation: AuditObservation;
  editable: boolean;
  followUp: boolean;
  canVerify: boolean;
  onEdit: () => void;
  onAction: (action: DefectActionKind) => void;
}) {
  const { t } = useTranslation('audits');
  const withdraw = useRequest('audits.reviseObservation');
  const [withdrawing, setWithdrawing] = useState(false);
  const queryClient = useQueryClient();
  const isDefect = o.kind === 'defect';
  const open = isDefect && o.status !== 'rectified';
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="observation">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap="xs">
            <Text size="sm" fw={700}>
              {t('audits.para', { para: o.para })}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`audits.observation.kind.${o.kind}`)} · {defectCategoryLabels[o.category]}
              {o.amountPaise
                ? ` · ${t('audits.observation.involved', { amount: rupeeText(o.amountPaise) })}`
                : ''}
            </Text>
            {isDefect ? <DefectStatusBadge status={o.status} /> : null}
            {o.overdue ? <AuditStateBadge status="overdue" /> : null}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {o.description}
          </Text>
          {o.recommendation ? (
            <Text size="sm" c="dark.5" style={{ whiteSpace: 'pre-wrap' }}>
              {t('audits.observation.recommends', { text: o.recommendation })}
            </Text>
          ) : null}
          {o.rectificationDueOn ? (
            <Text size="xs" c={o.overdue ? 'red.8' : 'dimmed'}>
              {t('audits.observation.rectifyBy', { date: dateText(o.rectificationDueOn) })}
            </Text>
          ) : null}
          {o.actions.length > 0 ? (
            <Table fz="xs" verticalSpacing={2} mt={4} aria-label={t('audits.followUp.history')}>
              <Table.Tbody>
                {o.actions.map((action) => (
                  <Table.Tr key={action.at}>
                    <Table.Td w={110} style={{ whiteSpace: 'nowrap' }}>
                      {dateText(action.actedOn)}
                    </Table.Td>
                    <Table.Td w={150}>{t(`audits.followUp.kind.${action.kind}`)}</Table.Td>
                    <Table.Td>{action.note}</Table.Td>
                    <Table.Td w={180} c="dimmed">
                      {action.byName}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {editable ? (
            <>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('audits.observation.correct')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(true)}>
                {t('audits.observation.withdraw')}
              </Button>
              {withdrawing ? (
                <FormModal
                  title={t('audits.observation.withdrawTitle', { para: o.para })}
                  onClose={() => setWithdrawing(false)}
                  onSubmit={() =>
                    withdraw.mutate(
                      { observationId: o.id, observation: null },
                      {
                        onSuccess: (next) => {
                          setWithdrawing(false);
                          queryClient.setQueryData(auditKeys.one(next.id), next);
                        },
                      },
                    )
                  }
                  banner={withdraw.isError ? withdraw.error.message : null}
                  submitLabel={t('audits.observation.withdrawSubmit')}
                  submitting={withdraw.isPending}
                  color="red"
                >
                  <Text size="sm">{t('audits.observation.withdrawBody')}</Text>
                </FormModal>
              ) : null}
            </>
          ) : null}
          {followUp && open ? (
            <>
              <Button size="xs" variant="light" onClick={() => onAction('reply')}>
                {t('audits.followUp.button.reply')}
              </Button>
              {canVerify && o.status === 'replied' ? (
                <>
                  <Button size="xs" color="green.8" onClick={() => onAction('rectified')}>
                    {t('audits.followUp.button.rectified')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="orange"
                    onClick={() => onAction('not_accepted')}
                  >
                    {t('audits.followUp.button.not_accepted')}
                  </Button>
                </>
              ) : null}
            </>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}
