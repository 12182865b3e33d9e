import {
  Anchor,
  Button,
  EmptyState,
  Group,
  Kbd,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { applicationStates, type ApplicationState } from '#shared/registration/registration';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PlusIcon } from '../../components/icons';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useCan, useSession } from '../../lib/session';
import { ApplicationStateBadge } from './ApplicationStateBadge';
import { ClockBadge, dueCounts } from './clock';
import { useApplications } from './queries';
import { useReferenceData } from '../reference';
import { useScreenShortcuts } from '../../lib/screen-shortcuts';

/** Applications of the office with the statutory clock of each; the most urgent first. */
export function ApplicationsScreen() {
  const { t } = useTranslation('registration');
  const navigate = useNavigate();
  const { user } = useSession();
  const reference = useReferenceData();
  const [state, setState] = useState<ApplicationState | null>(null);
  const applications = useApplications(state ?? undefined);
  const canReceive = useCan('applications.receive');
  const stateOffice =
    reference.data?.offices.find((office) => office.id === user.officeId)?.level === 'state';

  const addApplication = () => {
    if (canReceive) void navigate(paths.newApplication);
  };
  useScreenShortcuts(
    canReceive
      ? [
          {
            keys: 'alt+N',
            hint: t('applications.shortcutAdd'),
            run: addApplication,
            inFields: true,
          },
        ]
      : [],
  );

  const rows = applications.data ?? [];
  const counts = dueCounts(rows);

  let body;
  if (applications.isPending) {
    body = (
      <Stack gap="xs" p="md" aria-busy>
        <Skeleton height={32} />
        <Skeleton height={32} />
        <Skeleton height={32} />
      </Stack>
    );
  } else if (applications.isError) {
    body = (
      <Stack p="md">
        <ErrorState
          title={t('applications.loadError')}
          error={applications.error}
          onRetry={() => void applications.refetch()}
        />
      </Stack>
    );
  } else if (rows.length === 0) {
    body = state ? (
      <EmptyState py={40} title={t('applications.emptyFiltered')} />
    ) : (
      <EmptyState py={40} title={t('applications.empty')} description={t('applications.emptyHint')}>
        {canReceive ? (
          <EmptyState.Actions>
            <Button leftSection={<PlusIcon />} onClick={addApplication}>
              {t('applications.add')}
            </Button>
          </EmptyState.Actions>
        ) : null}
      </EmptyState>
    );
  } else {
    body = (
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        horizontalSpacing="md"
        fz="sm"
        aria-label={t('applications.tableLabel')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('applications.col.ackNo')}</Table.Th>
            <Table.Th>{t('applications.col.name')}</Table.Th>
            <Table.Th>{t('applications.col.type')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('applications.col.receivedOn')}</Table.Th>
            <Table.Th>{t('applications.col.receivedBy')}</Table.Th>
            <Table.Th>{t('applications.col.state')}</Table.Th>
            <Table.Th>{t('applications.col.clock')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              data-testid="application-row"
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate(paths.application(row.id));
              }}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={paths.application(row.id)} ff="monospace" size="sm">
                  {row.ackNo}
                </Anchor>
              </Table.Td>
              <Table.Td fw={600}>{row.proposedName}</Table.Td>
              <Table.Td>{row.typeName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateText(row.receivedOn)}</Table.Td>
              <Table.Td>{row.receivedByName}</Table.Td>
              <Table.Td>
                <ApplicationStateBadge state={row.state} size="sm" />
              </Table.Td>
              <Table.Td>
                <ClockBadge clock={row.clock} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Stack gap="md" maw={1480}>
      <PageHeader
        title={t('applications.title')}
        subtitle={
          stateOffice
            ? t('applications.introState')
            : t('applications.intro', { office: user.officeName })
        }
        actions={
          <>
            <Button variant="default" component={Link} to={paths.nameReservations}>
              {t('names.link')}
            </Button>
            {canReceive ? (
              <Button
                leftSection={<PlusIcon />}
                rightSection={
                  <Kbd size="xs" c="indigo.9">
                    Alt N
                  </Kbd>
                }
                onClick={addApplication}
                aria-keyshortcuts="Alt+N"
              >
                {t('applications.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Select
            autoFocus
            label={t('applications.filterState')}
            data={[
              { value: '', label: t('applications.allStates') },
              ...applicationStates.map((value) => ({
                value,
                label: t(`applicationState.${value}`),
              })),
            ]}
            value={state ?? ''}
            onChange={(value) => setState(value ? (value as ApplicationState) : null)}
            allowDeselect={false}
            w={280}
          />
          {applications.data ? (
            <Group gap="md" wrap="nowrap" data-testid="application-counts">
              <Text size="sm" c="dark.5" fw={500}>
                {t('applications.count', { count: rows.length })}
              </Text>
              <Text
                size="sm"
                fw={600}
                c={counts.overdue > 0 ? 'red.8' : counts.soon > 0 ? 'orange.8' : 'dimmed'}
              >
                {counts.soon + counts.overdue > 0
                  ? t('applications.dueSummary', counts)
                  : t('applications.nothingDue')}
              </Text>
            </Group>
          ) : null}
        </Group>
      </Paper>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        {body}
      </Paper>
    </Stack>
  );
}
