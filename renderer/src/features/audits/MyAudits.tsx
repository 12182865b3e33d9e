import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ListBody } from '../../components/ListBody';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { AuditStateBadge, GradeBadge } from './AuditBadges';
import { useMyAudits } from './queries';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The auditor's own audits: returned ones first, then those to do, then recently accepted. */
export function MyAudits() {
  const { t } = useTranslation('audits');
  const navigate = useNavigate();
  const mine = useMyAudits();
  const rows = mine.data ?? [];
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <ListBody
        query={mine}
        loadError={t('audits.loadError')}
        empty={t('audits.mineEmpty')}
        isEmpty={rows.length === 0}
      >
        {() => (
          <Table
            striped
            highlightOnHover
            verticalSpacing="xs"
            horizontalSpacing="md"
            fz="sm"
            aria-label={t('audits.views.mine')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={300}>{t('audits.col.society')}</Table.Th>
                <Table.Th>{t('audits.col.fy')}</Table.Th>
                <Table.Th>{t('audits.col.stage')}</Table.Th>
                <Table.Th style={nowrap}>{t('audits.col.fieldwork')}</Table.Th>
                <Table.Th style={nowrap}>{t('audits.col.dueOn')}</Table.Th>
                <Table.Th>{t('audits.col.grade')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.auditId}
                  data-testid="my-audit-row"
                  style={{ cursor: 'pointer' }}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a')) return;
                    void navigate(paths.audit(row.auditId));
                  }}
                >
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
                      · {row.address} · {row.officeName}
                    </Text>
                    {row.state === 'returned' && row.reviewRemarks ? (
                      <Text size="xs" c="orange.9" mt={2}>
                        {t('audits.returnedBecause', { remarks: row.reviewRemarks })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={nowrap}>{row.fy}</Table.Td>
                  <Table.Td style={nowrap}>
                    <AuditStateBadge status={row.state} />
                  </Table.Td>
                  <Table.Td style={nowrap}>
                    {row.fieldworkFrom
                      ? `${dateText(row.fieldworkFrom)} – ${dateText(row.fieldworkTo)}`
                      : ''}
                  </Table.Td>
                  <Table.Td style={nowrap}>{dateText(row.dueOn)}</Table.Td>
                  <Table.Td>{row.grade ? <GradeBadge grade={row.grade} size="sm" /> : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListBody>
    </Paper>
  );
}
