import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatusOrderRow } from '#shared/status-orders/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { dateText, instantText } from '../../lib/format';
import { paths } from '../../lib/paths';
import type { Decision } from './DecideModal';

/**
 * Proposed status orders with their decision buttons. Whoever proposed an order sees it
 * without the buttons: another officer must decide it.
 */
export function AwaitingStatusOrders({
  orders,
  userId,
  onDecide,
}: {
  orders: readonly StatusOrderRow[];
  userId: string;
  onDecide: (order: StatusOrderRow, decision: Decision) => void;
}) {
  const { t } = useTranslation('statusOrders');
  return (
    <Table
      verticalSpacing="sm"
      horizontalSpacing="md"
      fz="sm"
      striped
      aria-label={t('approvals.ordersTitle')}
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
        {orders.map((order) => (
          <Table.Tr key={order.id} data-testid="approval-row">
            <Table.Td>
              <Anchor component={Link} to={paths.society(order.societyId)} fw={600} size="sm">
                {order.societyName}
              </Anchor>
              <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
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
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateText(order.effectiveOn)}</Table.Td>
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
              {order.proposedBy === userId ? (
                <Text size="sm" c="orange.9">
                  {t('approvals.ownProposal')}
                </Text>
              ) : (
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" color="green.8" onClick={() => onDecide(order, 'approve')}>
                    {t('approvals.approve')}
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.8"
                    onClick={() => onDecide(order, 'reject')}
                  >
                    {t('approvals.reject')}
                  </Button>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
