import { Anchor, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { ReturnStatusBadge } from './ReturnStatusBadge';
import { useSocietyReturns } from './queries';

/** A society's annual returns, year by year, each opening its return. */
export function SocietyReturns({ societyId }: { societyId: string }) {
  const { t } = useTranslation(['returns', 'registers']);
  const returns = useSocietyReturns(societyId);
  if (returns.isPending) {
    return (
      <Stack aria-busy>
        <Skeleton height={28} />
        <Skeleton height={28} />
      </Stack>
    );
  }
  if (returns.isError) {
    return (
      <ErrorState
        title={t('societyReturns.loadError')}
        error={returns.error}
        onRetry={() => void returns.refetch()}
      />
    );
  }
  if (returns.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('societyReturns.empty')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="society-returns" maw={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('registers:registers.year')}</Table.Th>
          <Table.Th>{t('returns.col.status')}</Table.Th>
          <Table.Th>{t('returnPage.ackNo')}</Table.Th>
          <Table.Th>{t('returns.col.filedOn')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {returns.data.map((row) => (
          <Table.Tr key={row.fy}>
            <Table.Td fw={600}>{row.fy}</Table.Td>
            <Table.Td>
              <ReturnStatusBadge status={row.status} />
              {row.daysLate ? (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('returns.late', { count: row.daysLate })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ff="monospace">{row.ackNo ?? ''}</Table.Td>
            <Table.Td>{dateText(row.filedOn)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={paths.annualReturn(societyId, row.fy)} size="sm">
                {t('societyReturns.open')}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
