import { Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { grades } from '#shared/audits/audits';
import { indiaDate } from '#shared/domain/dates';
import { recentFinancialYears } from '#shared/returns/returns';
import type { GradeCounts } from '#shared/audits/contract';
import { ListBody } from '../../components/ListBody';
import { useAuditGrades } from './queries';
import { useReferenceData } from '../reference';

/** Accepted audits of a year by class, per district and per society type. */
export function GradesView() {
  const { t } = useTranslation(['audits', 'registers']);
  const reference = useReferenceData();
  const years = recentFinancialYears(indiaDate(new Date()));
  const [params, setParams] = useSearchParams();
  const fy = params.get('fy') ?? years[0]!;
  const officeId = params.get('office') ?? '';
  const tally = useAuditGrades(fy, officeId === '' ? undefined : officeId);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    next.set(key, value ?? '');
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('registers:registers.year')}
            data={years}
            value={fy}
            onChange={(value) => set('fy', value)}
            allowDeselect={false}
            w={130}
            autoFocus
          />
          <Select
            label={t('registers:registers.office')}
            data={[
              { value: '', label: t('registers:registers.allOffices') },
              ...(reference.data?.offices ?? []).map((o) => ({ value: o.id, label: o.shortName })),
            ]}
            value={officeId}
            onChange={(value) => set('office', value)}
            allowDeselect={false}
            w={220}
          />
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <GradeTable
          title={t('audits.gradesByDistrict')}
          nameLabel={t('registers:registers.district')}
          query={tally}
          rows={tally.data?.byDistrict ?? []}
        />
        <GradeTable
          title={t('audits.gradesByType')}
          nameLabel={t('registers:registers.type')}
          query={tally}
          rows={tally.data?.byType ?? []}
        />
      </SimpleGrid>
    </Stack>
  );
}

function GradeTable({
  title,
  nameLabel,
  query,
  rows,
}: {
  title: string;
  nameLabel: string;
  query: { isPending: boolean; error: Error | null; refetch: () => unknown };
  rows: GradeCounts[];
}) {
  const { t } = useTranslation(['audits', 'registers']);
  const totals = grades.map((grade) => rows.reduce((sum, row) => sum + row[grade], 0));
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Title order={2} size="h5" p="sm" c="dark.6">
        {title}
      </Title>
      <ListBody
        query={query}
        loadError={t('audits.loadError')}
        empty={t('audits.gradesEmpty')}
        isEmpty={rows.length === 0}
      >
        {() => (
          <Table striped verticalSpacing={6} horizontalSpacing="md" fz="sm" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{nameLabel}</Table.Th>
                {grades.map((grade) => (
                  <Table.Th key={grade} ta="right">
                    {t('audits.gradeClass', { grade })}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('audits.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.name}>
                  <Table.Td>{row.name}</Table.Td>
                  {grades.map((grade) => (
                    <Table.Td key={grade} ta="right">
                      {row[grade].toLocaleString('en-IN')}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={600}>
                    {grades.reduce((sum, grade) => sum + row[grade], 0).toLocaleString('en-IN')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('audits.total')}</Table.Th>
                {totals.map((count, index) => (
                  <Table.Th key={grades[index]} ta="right">
                    {count.toLocaleString('en-IN')}
                  </Table.Th>
                ))}
                <Table.Th ta="right">
                  <Text span fw={700} size="sm">
                    {totals.reduce((sum, count) => sum + count, 0).toLocaleString('en-IN')}
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </ListBody>
    </Paper>
  );
}
