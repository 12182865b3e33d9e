import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { auditStatuses, type AuditorKind, type AuditStatus } from '#shared/audits/audits';
import { indiaDate } from '#shared/domain/dates';
import { recentFinancialYears } from '#shared/returns/returns';
import type { AuditFilter } from '#shared/audits/contract';
import { CountChip } from '../../components/CountChip';
import { FormModal } from '../../components/FormModal';
import { ListBody } from '../../components/ListBody';
import { useRequest } from '../../lib/backend';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useCan, useSession } from '../../lib/session';
import { optional, Pager, RegisterFilters, type YearlyFilterKey } from '../registers';
import { AuditStateBadge, auditStatusColors, GradeBadge } from './AuditBadges';
import { AuditorChoice } from './AuditorChoice';
import { AUDITS_PAGE_SIZE, auditKeys, useAuditCounts, useAuditRegister } from './queries';
import { useReferenceData } from '../reference';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Audits the register can still give to an auditor: the year's programme is made from these. */
const closedYears = () => recentFinancialYears(indiaDate(new Date()));

/**
 * The audit register of a year: every functioning society and where its audit stands,
 * counts by stage at the top (each a filter). The audit officer draws up the programme
 * here: ticks societies not yet programmed and gives them to an auditor, or gives every
 * such society of the office (of a type) at once.
 */
export function AuditRegister() {
  const { t } = useTranslation(['audits', 'registers']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const reference = useReferenceData();
  const canAssign = useCan('audits.assign');
  const years = closedYears();
  const [params, setParams] = useSearchParams();
  const stateOffice =
    reference.data?.offices.find((office) => office.id === user.officeId)?.level === 'state';
  const filter: AuditFilter = {
    fy: params.get('fy') ?? years[0]!,
    ...optional('officeId', params.get('office') ?? (stateOffice ? null : user.officeId)),
    ...optional('districtId', params.get('district')),
    ...optional('typeId', params.get('type')),
    ...optional('status', params.get('status') as AuditStatus | null),
  };
  const offset = Number(params.get('from') ?? 0);
  const { status: _status, ...countFilter } = filter;
  const register = useAuditRegister(filter, offset);
  const counts = useAuditCounts(countFilter);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assigning, setAssigning] = useState<'selected' | 'matching' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const assignSelected = useRequest('audits.assign');
  const assignAllMatching = useRequest('audits.assignMatching');

  const set = (key: YearlyFilterKey | 'status', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    next.delete('from');
    setSelected(new Set());
    setDone(null);
    setParams(next, { replace: true });
  };
  const page = (from: number) => {
    const next = new URLSearchParams(params);
    next.set('from', String(from));
    setParams(next, { replace: true });
  };

  const rows = register.data?.rows ?? [];
  const total = register.data?.total ?? 0;
  const selectable = rows.filter((row) => row.auditId === null);
  const office = reference.data?.offices.find((candidate) => candidate.id === filter.officeId);
  const type = reference.data?.societyTypes.find((candidate) => candidate.id === filter.typeId);
  const toggle = (societyId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(societyId)) next.delete(societyId);
      else next.add(societyId);
      return next;
    });

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <RegisterFilters years={years} filter={filter} onChange={set} />
          {canAssign ? (
            <Group gap="xs" ml="auto">
              <Button
                variant="filled"
                disabled={selected.size === 0}
                onClick={() => setAssigning('selected')}
              >
                {t('audits.assignSelected', { count: selected.size })}
              </Button>
              <Button
                variant="default"
                disabled={!filter.officeId || (counts.data?.not_programmed ?? 0) === 0}
                title={filter.officeId ? undefined : t('audits.assignNeedsOffice')}
                onClick={() => setAssigning('matching')}
              >
                {t('audits.assignMatching')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Group
          gap="xs"
          mt="sm"
          role="group"
          aria-label={t('audits.col.stage')}
          data-testid="audit-counts"
        >
          <CountChip
            label={t('audits.allStages')}
            count={
              counts.data
                ? counts.data.not_programmed +
                  counts.data.planned +
                  counts.data.in_field +
                  counts.data.submitted +
                  counts.data.returned +
                  counts.data.accepted
                : null
            }
            active={!filter.status}
            onClick={() => set('status', null)}
          />
          {auditStatuses.map((status) => (
            <CountChip
              key={status}
              label={t(`auditStatus.${status}`)}
              count={counts.data ? counts.data[status] : null}
              active={filter.status === status}
              color={auditStatusColors[status]}
              onClick={() => set('status', status)}
            />
          ))}
        </Group>
        {counts.data ? (
          <Text size="xs" c="dimmed" mt={6}>
            {t('audits.dueBy', { fy: filter.fy, date: dateText(counts.data.dueOn) })}
          </Text>
        ) : null}
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
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <ListBody
          query={register}
          loadError={t('audits.loadError')}
          empty={t('audits.registerEmpty')}
          isEmpty={rows.length === 0}
        >
          {() => (
            <Table
              striped
              highlightOnHover
              verticalSpacing="xs"
              horizontalSpacing="md"
              fz="sm"
              aria-label={t('audits.views.register')}
            >
              <Table.Thead>
                <Table.Tr>
                  {canAssign ? (
                    <Table.Th w={36}>
                      <Checkbox
                        aria-label={t('audits.selectPage')}
                        checked={
                          selectable.length > 0 &&
                          selectable.every((row) => selected.has(row.societyId))
                        }
                        disabled={selectable.length === 0}
                        onChange={(event) =>
                          setSelected(
                            event.currentTarget.checked
                              ? new Set(selectable.map((row) => row.societyId))
                              : new Set(),
                          )
                        }
                      />
                    </Table.Th>
                  ) : null}
                  <Table.Th miw={300}>{t('audits.col.society')}</Table.Th>
                  {filter.officeId ? null : <Table.Th>{t('audits.col.office')}</Table.Th>}
                  <Table.Th>{t('audits.col.type')}</Table.Th>
                  <Table.Th>{t('audits.col.stage')}</Table.Th>
                  <Table.Th>{t('audits.col.auditor')}</Table.Th>
                  <Table.Th style={nowrap}>{t('audits.col.submittedOn')}</Table.Th>
                  <Table.Th>{t('audits.col.grade')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const target = row.auditId
                    ? paths.audit(row.auditId)
                    : paths.society(row.societyId);
                  return (
                    <Table.Tr
                      key={row.societyId}
                      data-testid="audit-row"
                      style={{ cursor: 'pointer' }}
                      onClick={(event) => {
                        if ((event.target as HTMLElement).closest('a, input, label')) return;
                        void navigate(target);
                      }}
                    >
                      {canAssign ? (
                        <Table.Td>
                          {row.auditId === null ? (
                            <Checkbox
                              aria-label={t('audits.selectSociety', { name: row.societyName })}
                              checked={selected.has(row.societyId)}
                              onChange={() => toggle(row.societyId)}
                            />
                          ) : null}
                        </Table.Td>
                      ) : null}
                      <Table.Td>
                        <Anchor component={Link} to={target} size="sm" c="dark.7" fw={600}>
                          {row.societyName}
                        </Anchor>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {row.regNo}
                        </Text>
                      </Table.Td>
                      {filter.officeId ? null : (
                        <Table.Td style={nowrap}>{row.officeName}</Table.Td>
                      )}
                      <Table.Td>{row.typeName}</Table.Td>
                      <Table.Td style={nowrap}>
                        <Group gap={4} wrap="nowrap" preventGrowOverflow={false}>
                          <AuditStateBadge status={row.state ?? 'not_programmed'} />
                          {row.overdue ? <AuditStateBadge status="overdue" /> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {row.auditorName ? (
                          <>
                            <Text size="sm">{row.auditorName}</Text>
                            <Text size="xs" c="dimmed">
                              {t(`audits.kind.${row.auditorKind!}`)}
                            </Text>
                          </>
                        ) : (
                          ''
                        )}
                      </Table.Td>
                      <Table.Td style={nowrap}>{dateText(row.submittedOn)}</Table.Td>
                      <Table.Td>
                        {row.grade ? <GradeBadge grade={row.grade} size="sm" /> : ''}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </ListBody>
        <Pager offset={offset} pageSize={AUDITS_PAGE_SIZE} total={total} onPage={page} />
      </Paper>
      {assigning ? (
        <AssignModal
          summary={
            assigning === 'selected'
              ? t('audits.assignSelectedSummary', { count: selected.size, fy: filter.fy })
              : t('audits.assignMatchingSummary', {
                  count: counts.data?.not_programmed ?? 0,
                  office: office?.shortName ?? '',
                  type: type?.name ?? t('registers:registers.allTypes').toLowerCase(),
                  fy: filter.fy,
                })
          }
          onClose={() => setAssigning(null)}
          assign={async (auditorId, auditorKind) =>
            assigning === 'selected'
              ? assignSelected.mutateAsync({
                  fy: filter.fy,
                  societyIds: [...selected],
                  auditorId,
                  auditorKind,
                })
              : assignAllMatching.mutateAsync({
                  fy: filter.fy,
                  officeId: filter.officeId!,
                  ...optional('districtId', filter.districtId),
                  ...optional('typeId', filter.typeId),
                  auditorId,
                  auditorKind,
                })
          }
          onDone={({ assigned, skipped }) => {
            setAssigning(null);
            setSelected(new Set());
            setDone(t('audits.assigned', { count: assigned, skipped }));
            void queryClient.invalidateQueries({ queryKey: auditKeys.all() });
          }}
        />
      ) : null}
    </Stack>
  );
}

/** Chooses the auditor (and whether departmental or panel) for the societies summarised. */
function AssignModal({
  summary,
  assign,
  onClose,
  onDone,
}: {
  summary: string;
  assign: (auditorId: string, kind: AuditorKind) => Promise<{ assigned: number; skipped: number }>;
  onClose: () => void;
  onDone: (result: { assigned: number; skipped: number }) => void;
}) {
  const { t } = useTranslation(['audits', 'registers']);
  const [auditorId, setAuditorId] = useState<string | null>(null);
  const [kind, setKind] = useState<AuditorKind>('departmental');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setProblem(null);
    if (!auditorId) {
      setProblem(t('audits.chooseAuditor'));
      return;
    }
    setBusy(true);
    try {
      onDone(await assign(auditorId, kind));
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal
      title={t('audits.assignTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={problem}
      submitLabel={t('audits.assignSubmit')}
      submitting={busy}
    >
      <Text size="sm">{summary}</Text>
      <AuditorChoice auditorId={auditorId} onAuditor={setAuditorId} kind={kind} onKind={setKind} />
    </FormModal>
  );
}
