import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { indiaDate } from '#shared/domain/dates';
import { recentFinancialYears, returnStatuses, type ReturnStatus } from '#shared/returns/returns';
import type { ReturnFilter } from '#shared/returns/contract';
import { ListBody } from '../../components/ListBody';
import { PageHeader } from '../../components/PageHeader';
import { usePresentedFile } from '../../lib/backend';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useCan, useSession } from '../../lib/session';
import { optional, Pager, RegisterFilters } from '../registers';
import { ReturnStatusBadge, returnStatusColors } from './ReturnStatusBadge';
import { CountChip } from '../../components/CountChip';
import { RETURNS_PAGE_SIZE, returnKeys, useReturnCounts, useReturnsRegister } from './queries';
import { useReferenceData } from '../reference';

const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * The returns register of a year: every functioning society and its return, with counts
 * by status at the top (each a filter), the defaulter notices of an office, and exports.
 * The filters live in the address, so Back returns to the same list.
 */
export function ReturnsRegisterScreen() {
  const { t } = useTranslation('returns');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const reference = useReferenceData();
  const canNotify = useCan('returns.defaulterNotices');
  const years = recentFinancialYears(indiaDate(new Date()));
  const [params, setParams] = useSearchParams();
  const stateOffice =
    reference.data?.offices.find((office) => office.id === user.officeId)?.level === 'state';
  const filter: ReturnFilter = {
    fy: params.get('fy') ?? years[0]!,
    ...optional('officeId', params.get('office') ?? (stateOffice ? null : user.officeId)),
    ...optional('districtId', params.get('district')),
    ...optional('typeId', params.get('type')),
    ...optional('status', params.get('status') as ReturnStatus | null),
  };
  const offset = Number(params.get('from') ?? 0);
  const { status: _status, ...countFilter } = filter;
  const register = useReturnsRegister(filter, offset);
  const counts = useReturnCounts(countFilter);
  const [noticesOpen, setNoticesOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const exporter = usePresentedFile('returns.export');

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    next.delete('from');
    setDone(null);
    setParams(next, { replace: true });
  };
  const page = (from: number) => {
    const next = new URLSearchParams(params);
    next.set('from', String(from));
    setParams(next, { replace: true });
  };

  const offices = reference.data?.offices ?? [];
  const office = offices.find((candidate) => candidate.id === filter.officeId);
  const rows = register.data?.rows ?? [];
  const total = register.data?.total ?? 0;

  return (
    <Stack gap="md" maw={1480}>
      <PageHeader
        title={t('returns.title')}
        subtitle={
          counts.data ? t('returns.intro', { due: dateText(counts.data.dueOn) }) : undefined
        }
        actions={
          <Button variant="default" component={Link} to={paths.returnCandidates}>
            {t('returns.candidates')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <RegisterFilters years={years} filter={filter} onChange={set} />
          <Group gap="xs" ml="auto">
            {canNotify ? (
              <Button variant="light" color="red" onClick={() => setNoticesOpen(true)}>
                {t('returns.notices')}
              </Button>
            ) : null}
            <Button
              variant="default"
              loading={exporter.isPending && exporter.variables?.format === 'xlsx'}
              onClick={() =>
                exporter.mutate(
                  { ...filter, format: 'xlsx' },
                  { onSuccess: (file) => setDone(t('returns.exported', { count: file.count })) },
                )
              }
            >
              {t('returns.exportExcel')}
            </Button>
            <Button
              variant="default"
              loading={exporter.isPending && exporter.variables?.format === 'csv'}
              onClick={() =>
                exporter.mutate(
                  { ...filter, format: 'csv' },
                  { onSuccess: (file) => setDone(t('returns.exported', { count: file.count })) },
                )
              }
            >
              {t('returns.exportCsv')}
            </Button>
          </Group>
        </Group>
        <Group
          gap="xs"
          mt="sm"
          role="group"
          aria-label={t('returns.status')}
          data-testid="return-counts"
        >
          <CountChip
            label={t('returns.allStatuses')}
            count={
              counts.data
                ? returnStatuses.reduce((sum, status) => sum + counts.data[status], 0)
                : null
            }
            active={!filter.status}
            onClick={() => set('status', null)}
          />
          {returnStatuses.map((status) => (
            <CountChip
              key={status}
              label={t(`returnStatus.${status}`)}
              count={counts.data ? counts.data[status] : null}
              active={filter.status === status}
              color={returnStatusColors[status]}
              onClick={() => set('status', status)}
            />
          ))}
        </Group>
      </Paper>
      {done ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setDone(null)}
          title={done}
        />
      ) : null}
      {exporter.isError ? (
        <Alert color="red" variant="light" role="alert" title={exporter.error.message} />
      ) : null}
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <ListBody
          query={register}
          loadError={t('returns.loadError')}
          empty={t('returns.empty')}
          isEmpty={rows.length === 0}
        >
          {() => (
            <Table
              striped
              highlightOnHover
              verticalSpacing="xs"
              horizontalSpacing="md"
              fz="sm"
              aria-label={t('returns.tableLabel')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={320}>{t('returns.col.society')}</Table.Th>
                  {filter.officeId ? null : <Table.Th>{t('returns.col.office')}</Table.Th>}
                  <Table.Th>{t('returns.col.type')}</Table.Th>
                  <Table.Th>{t('returns.col.status')}</Table.Th>
                  <Table.Th>{t('returns.col.ackNo')}</Table.Th>
                  <Table.Th style={nowrap}>{t('returns.col.filedOn')}</Table.Th>
                  <Table.Th ta="right">{t('returns.col.notices')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr
                    key={row.societyId}
                    data-testid="return-row"
                    style={{ cursor: 'pointer' }}
                    onClick={(event) => {
                      if ((event.target as HTMLElement).closest('a')) return;
                      void navigate(paths.annualReturn(row.societyId, filter.fy));
                    }}
                  >
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={paths.annualReturn(row.societyId, filter.fy)}
                        size="sm"
                        c="dark.7"
                        fw={600}
                      >
                        {row.societyName}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {row.regNo}
                      </Text>
                    </Table.Td>
                    {filter.officeId ? null : <Table.Td style={nowrap}>{row.officeName}</Table.Td>}
                    <Table.Td>{row.typeName}</Table.Td>
                    <Table.Td style={nowrap}>
                      <ReturnStatusBadge status={row.status} />
                      {row.daysLate ? (
                        <Text size="xs" c="dimmed" mt={2}>
                          {t('returns.late', { count: row.daysLate })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ff="monospace" style={nowrap}>
                      {row.ackNo ?? ''}
                    </Table.Td>
                    <Table.Td style={nowrap}>{dateText(row.filedOn)}</Table.Td>
                    <Table.Td ta="right">{row.notices > 0 ? row.notices : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </ListBody>
        <Pager offset={offset} pageSize={RETURNS_PAGE_SIZE} total={total} onPage={page} />
      </Paper>
      {noticesOpen ? (
        <NoticesModal
          fy={filter.fy}
          officeId={filter.officeId}
          officeName={office?.shortName ?? ''}
          overdue={counts.data?.overdue ?? 0}
          onClose={() => setNoticesOpen(false)}
          onDone={(count) => {
            setNoticesOpen(false);
            setDone(t('returns.noticesDone', { count }));
            void queryClient.invalidateQueries({ queryKey: returnKeys.all() });
          }}
        />
      ) : null}
    </Stack>
  );
}

/** Confirms and prints the notices of one office's overdue societies. */
function NoticesModal({
  fy,
  officeId,
  officeName,
  overdue,
  onClose,
  onDone,
}: {
  fy: string;
  officeId: string | undefined;
  officeName: string;
  overdue: number;
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t } = useTranslation('returns');
  const notices = usePresentedFile('returns.defaulterNotices');
  return (
    <Modal opened onClose={onClose} title={t('returns.noticesTitle')} size="lg">
      <Stack gap="sm">
        {!officeId ? (
          <Text size="sm">{t('returns.noticesNeedOffice')}</Text>
        ) : overdue === 0 ? (
          <Text size="sm">{t('returns.noticesNone', { office: officeName, fy })}</Text>
        ) : (
          <Text size="sm">
            {t('returns.noticesBody', { count: overdue, office: officeName, fy })}
          </Text>
        )}
        {notices.isError ? (
          <Alert color="red" variant="light" role="alert">
            {notices.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {officeId && overdue > 0 ? (
            <Button
              color="red"
              data-autofocus
              loading={notices.isPending}
              onClick={() =>
                notices.mutate({ officeId, fy }, { onSuccess: (file) => onDone(file.count) })
              }
            >
              {t('returns.noticesSubmit', { count: overdue })}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
