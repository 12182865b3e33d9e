import { Anchor, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { paths } from '../../lib/paths';
import { AuditStateBadge, GradeBadge } from './AuditBadges';
import { useSocietyAudits } from './queries';

/** A society's audits, year by year, each opening its audit. */
export function SocietyAudits({ societyId }: { societyId: string }) {
  const { t } = useTranslation(['audits', 'registers']);
  const audits = useSocietyAudits(societyId);
  if (audits.isPending) {
    return (
      <Stack aria-busy>
        <Skeleton height={28} />
        <Skeleton height={28} />
      </Stack>
    );
  }
  if (audits.isError) {
    return (
      <ErrorState
        title={t('societyAudits.loadError')}
        error={audits.error}
        onRetry={() => void audits.refetch()}
      />
    );
  }
  if (audits.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('societyAudits.empty')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="society-audits" maw={1000}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('registers:registers.year')}</Table.Th>
          <Table.Th>{t('audits.col.stage')}</Table.Th>
          <Table.Th>{t('audits.col.auditor')}</Table.Th>
          <Table.Th>{t('audits.col.grade')}</Table.Th>
          <Table.Th>{t('societyAudits.certificate')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {audits.data.map((row) => (
          <Table.Tr key={row.auditId}>
            <Table.Td fw={600}>{row.fy}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap" preventGrowOverflow={false}>
                <AuditStateBadge status={row.state} />
                {row.overdue ? <AuditStateBadge status="overdue" /> : null}
              </Group>
            </Table.Td>
            <Table.Td>{row.auditorName}</Table.Td>
            <Table.Td>{row.grade ? <GradeBadge grade={row.grade} size="sm" /> : ''}</Table.Td>
            <Table.Td ff="monospace">{row.certificateSerial ?? ''}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={paths.audit(row.auditId)} size="sm">
                {t('societyAudits.open')}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
