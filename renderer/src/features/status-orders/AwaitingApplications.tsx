import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationRow } from '#shared/registration/contract';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { ApplicationStateBadge, ClockBadge, clockTone } from '../registration';

const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * Applications waiting for a decision, as the Applications register shows them (state,
 * clock badge), each leading to its application screen, where scrutiny and the decision
 * are taken. The one who received an application is told another officer must decide it.
 */
export function AwaitingApplications({
  rows,
  userId,
}: {
  rows: readonly ApplicationRow[];
  userId: string;
}) {
  const { t } = useTranslation(['statusOrders', 'registration']);
  return (
    <Table
      verticalSpacing="sm"
      horizontalSpacing="md"
      fz="sm"
      striped
      aria-label={t('approvals.applicationsTitle')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('registration:applications.col.name')}</Table.Th>
          <Table.Th style={nowrap}>{t('registration:applications.col.ackNo')}</Table.Th>
          <Table.Th style={nowrap}>{t('registration:applications.col.receivedOn')}</Table.Th>
          <Table.Th style={nowrap}>{t('registration:applications.col.state')}</Table.Th>
          <Table.Th style={nowrap}>{t('registration:applications.col.clock')}</Table.Th>
          <Table.Th w={230}>{t('approvals.decision')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const overdue = row.clock !== null && clockTone(row.clock) === 'overdue';
          return (
            <Table.Tr key={row.id} data-testid="approval-application-row">
              <Table.Td>
                <Anchor component={Link} to={paths.application(row.id)} fw={600} size="sm">
                  {row.proposedName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {row.typeName}
                </Text>
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm" ff="monospace">
                  {row.ackNo}
                </Text>
              </Table.Td>
              <Table.Td style={nowrap}>{dateText(row.receivedOn)}</Table.Td>
              <Table.Td style={nowrap}>
                <ApplicationStateBadge state={row.state} size="sm" />
              </Table.Td>
              <Table.Td maw={190}>
                <Stack gap={2} align="flex-start">
                  <ClockBadge clock={row.clock} size="sm" />
                  {row.clock && !row.clock.paused ? (
                    <Text size="xs" c="dimmed" style={nowrap}>
                      {t('approvals.dueBy', { date: dateText(row.clock.dueOn) })}
                    </Text>
                  ) : null}
                  {overdue ? (
                    <Text size="xs" c="red.8" fw={600}>
                      {t('approvals.deemedNote')}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                {row.receivedBy === userId ? (
                  <Text size="sm" c="orange.9">
                    {t('approvals.ownApplication')}
                  </Text>
                ) : (
                  <Button
                    component={Link}
                    to={paths.application(row.id)}
                    size="xs"
                    variant="light"
                    style={nowrap}
                  >
                    {t('approvals.openApplication')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
