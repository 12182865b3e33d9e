import { Anchor, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { defectCategoryLabels } from '#shared/audits/audits';
import { ListBody } from '../../components/ListBody';
import { dateText, rupeeText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useSession } from '../../lib/session';
import { DefectStatusBadge } from './AuditBadges';
import { useOverdueDefects } from './queries';
import { useReferenceData } from '../reference';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Defects of accepted audits not rectified after their due date, per office, oldest first. */
export function OverdueDefects() {
  const { t } = useTranslation(['audits', 'registers']);
  const { user } = useSession();
  const reference = useReferenceData();
  const [params, setParams] = useSearchParams();
  const stateOffice =
    reference.data?.offices.find((office) => office.id === user.officeId)?.level === 'state';
  const officeId = params.get('office') ?? (stateOffice ? '' : user.officeId);
  const defects = useOverdueDefects(officeId === '' ? undefined : officeId);
  const rows = defects.data ?? [];
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('registers:registers.office')}
            data={[
              { value: '', label: t('registers:registers.allOffices') },
              ...(reference.data?.offices ?? []).map((o) => ({ value: o.id, label: o.shortName })),
            ]}
            value={officeId}
            onChange={(value) => {
              const next = new URLSearchParams(params);
              next.set('office', value ?? '');
              setParams(next, { replace: true });
            }}
            allowDeselect={false}
            w={220}
            autoFocus
          />
          <Text size="sm" c="dimmed" pb={6}>
            {defects.data ? t('audits.overdueCount', { count: rows.length }) : ''}
          </Text>
        </Group>
      </Paper>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <ListBody
          query={defects}
          loadError={t('audits.loadError')}
          empty={t('audits.overdueEmpty')}
          isEmpty={rows.length === 0}
        >
          {() => (
            <Table
              striped
              verticalSpacing="xs"
              horizontalSpacing="md"
              fz="sm"
              aria-label={t('audits.views.defects')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={260}>{t('audits.col.society')}</Table.Th>
                  <Table.Th>{t('audits.col.fy')}</Table.Th>
                  <Table.Th miw={320}>{t('audits.col.defect')}</Table.Th>
                  <Table.Th ta="right">{t('audits.col.amount')}</Table.Th>
                  <Table.Th style={nowrap}>{t('audits.col.rectifyBy')}</Table.Th>
                  <Table.Th>{t('audits.col.followUp')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.observationId} data-testid="overdue-defect-row">
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={paths.audit(row.auditId)}
                        size="sm"
                        c="dark.7"
                        fw={600}
                      >
                        {row.societyName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        <Text span ff="monospace" size="xs">
                          {row.regNo}
                        </Text>{' '}
                        · {row.officeName}
                      </Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>{row.fy}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {t('audits.para', { para: row.para })} ·{' '}
                        {defectCategoryLabels[row.category]}
                      </Text>
                      <Text size="sm" lineClamp={2}>
                        {row.description}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap}>
                      {row.amountPaise ? rupeeText(row.amountPaise) : ''}
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      {dateText(row.rectificationDueOn)}
                      <Text size="xs" c="red.8">
                        {t('audits.daysOverdue', { count: row.daysOverdue })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DefectStatusBadge status={row.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </ListBody>
      </Paper>
    </Stack>
  );
}
