import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatusOrderRow } from '#shared/status-orders/contract';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { dateText, instantText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useSession } from '../../lib/session';
import { DecideModal, type Decision } from './DecideModal';
import { useReferenceData } from '../reference';
import { statusOrderKeys, useStatusOrders } from './queries';
import { societyKeys } from '../societies';

/**
 * The registrar's desk: status orders of their office waiting for a decision. Whoever
 * proposed an order sees it without the buttons: another officer must decide it.
 */
export function ApprovalsScreen() {
  const { t } = useTranslation(['statusOrders', 'societies']);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const orders = useStatusOrders({ state: 'proposed' });
  const reference = useReferenceData();
  const [deciding, setDeciding] = useState<{ order: StatusOrderRow; decision: Decision } | null>(
    null,
  );
  const [done, setDone] = useState<string | null>(null);
  const stateOffice =
    reference.data?.offices.find((office) => office.id === user.officeId)?.level === 'state';

  let body;
  if (orders.isPending) {
    body = (
      <Stack gap="xs" aria-busy>
        <Skeleton height={40} />
        <Skeleton height={60} />
        <Skeleton height={60} />
      </Stack>
    );
  } else if (orders.isError) {
    body = (
      <ErrorState
        title={t('approvals.loadError')}
        error={orders.error}
        onRetry={() => void orders.refetch()}
      />
    );
  } else if (orders.data.length === 0) {
    body = (
      <Paper withBorder radius="md" p="xl">
        <Stack gap={4} align="center">
          <Text fw={600}>{t('approvals.empty')}</Text>
          <Text size="sm" c="dimmed">
            {t('approvals.emptyHint')}
          </Text>
        </Stack>
      </Paper>
    );
  } else {
    body = (
      <Paper withBorder radius="md">
        <Table
          verticalSpacing="sm"
          horizontalSpacing="md"
          fz="sm"
          striped
          aria-label={t('approvals.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('approvals.society')}</Table.Th>
              <Table.Th>{t('approvals.change')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('approvals.effectiveOn')}</Table.Th>
              <Table.Th>{t('approvals.order')}</Table.Th>
              <Table.Th>{t('approvals.proposed')}</Table.Th>
              <Table.Th w={230}>{t('approvals.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.data.map((order) => {
              const own = order.proposedBy === user.id;
              return (
                <Table.Tr key={order.id} data-testid="approval-row">
                  <Table.Td>
                    <Anchor component={Link} to={paths.society(order.societyId)} fw={600} size="sm">
                      {order.societyName}
                    </Anchor>
                    <Text size="xs" ff="monospace" c="dimmed">
                      {order.societyRegNo}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <StatusBadge status={order.fromStatus} size="sm" />
                      <Text span aria-hidden>
                        →
                      </Text>
                      <StatusBadge status={order.toStatus} size="sm" />
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {dateText(order.effectiveOn)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {order.orderRef}
                    </Text>
                    <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                      {order.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {order.proposedByName}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {instantText(order.proposedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {own ? (
                      <Text size="sm" c="orange.9">
                        {t('approvals.ownProposal')}
                      </Text>
                    ) : (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          color="green.8"
                          onClick={() => setDeciding({ order, decision: 'approve' })}
                        >
                          {t('approvals.approve')}
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.8"
                          onClick={() => setDeciding({ order, decision: 'reject' })}
                        >
                          {t('approvals.reject')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    );
  }

  return (
    <Stack gap="md" maw={1480}>
      <PageHeader
        title={t('approvals.title')}
        subtitle={
          stateOffice
            ? t('approvals.introState')
            : t('approvals.intro', { office: user.officeName })
        }
        badge={
          orders.data && orders.data.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('approvals.count', { count: orders.data.length })}
            </Text>
          ) : null
        }
      />
      {done ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setDone(null)}
          title={done}
        />
      ) : null}
      {body}
      {deciding ? (
        <DecideModal
          order={deciding.order}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={(decided) => {
            setDeciding(null);
            setDone(
              decided.state === 'approved'
                ? t('approvals.approved', {
                    society: decided.societyName,
                    status: t(`societies:societyStatus.${decided.toStatus}`).toLowerCase(),
                  })
                : t('approvals.rejected', { society: decided.societyName }),
            );
            void queryClient.invalidateQueries({ queryKey: statusOrderKeys.all() });
            void queryClient.invalidateQueries({ queryKey: societyKeys.one(decided.societyId) });
          }}
        />
      ) : null}
    </Stack>
  );
}
