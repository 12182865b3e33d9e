import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOutput } from '#shared/ipc/contract';
import { MINE_DECIDABLE, setAsideRefusal } from '#shared/sync/protocol';
import { ListBody } from '../../components/ListBody';
import { Section } from '../../components/Section';
import { useRequest } from '../../lib/backend';
import { dateText, instantText } from '../../lib/format';
import { ISO_DATE } from '#shared/domain/dates';
import { useCan } from '../../lib/session';
import { storeSyncStatus, syncKeys, useSyncIssues } from './queries';

type Issue = RequestOutput<'sync.issues'>[number];

const KIND_COLOURS: Record<Issue['kind'], string> = {
  conflict: 'orange',
  rejected: 'red',
  held: 'gray',
  flagged: 'yellow',
  duplicate: 'grape',
};

/**
 * The buttons of each kind of issue: the state server's side (`theirs`), and this change's
 * side (`mine`) for the kinds that can keep it (MINE_DECIDABLE).
 */
const DECISIONS: Record<Issue['kind'], { theirs: InboxKey; mine?: InboxKey }> = {
  conflict: { theirs: 'sync.inbox.keepTheirs', mine: 'sync.inbox.keepMine' },
  duplicate: { theirs: 'sync.inbox.sameSociety', mine: 'sync.inbox.differentSociety' },
  rejected: { theirs: 'sync.inbox.setAside' },
  held: { theirs: 'sync.inbox.setAside' },
  flagged: { theirs: 'sync.inbox.markSeen' },
};
type InboxKey = `sync.inbox.${
  'keepTheirs' | 'keepMine' | 'sameSociety' | 'differentSociety' | 'setAside' | 'markSeen'}`;

/**
 * The Sync issues inbox (sync.md §3): conflicts, refused and held changes of the office,
 * newest first. Opening one shows it side by side; the registrar decides it.
 */
export function SyncIssues() {
  const { t } = useTranslation(['sync', 'societies']);
  const issues = useSyncIssues();
  const [open, setOpen] = useState<Issue | null>(null);
  const [done, setDone] = useState(false);
  const rows = issues.data ?? [];
  return (
    <Section title={t('sync.inbox.title')} id="sync-issues-title">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sync.inbox.intro')}
        </Text>
        {done ? (
          <Alert
            color="green"
            variant="light"
            role="status"
            withCloseButton
            onClose={() => setDone(false)}
          >
            {t('sync.inbox.resolved')}
          </Alert>
        ) : null}
        <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
          <ListBody
            query={issues}
            loadError={t('sync.inbox.loadError')}
            empty={t('sync.inbox.empty')}
            isEmpty={rows.length === 0}
          >
            {() => (
              <Table
                striped
                highlightOnHover
                verticalSpacing="xs"
                fz="sm"
                aria-label={t('sync.inbox.title')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={160}>{t('sync.inbox.kind')}</Table.Th>
                    <Table.Th miw={240}>{t('sync.inbox.record')}</Table.Th>
                    <Table.Th miw={280}>{t('sync.inbox.reason')}</Table.Th>
                    <Table.Th>{t('sync.inbox.by')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('sync.inbox.when')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((issue) => (
                    <Table.Tr
                      key={issue.id}
                      data-testid="sync-issue-row"
                      tabIndex={0}
                      style={{ cursor: 'pointer' }}
                      onClick={() => setOpen(issue)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') setOpen(issue);
                      }}
                    >
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge
                          color={KIND_COLOURS[issue.kind]}
                          variant="light"
                          style={{ overflow: 'visible' }}
                        >
                          {t(`sync.inbox.kinds.${issue.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {issue.recordLabel}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {issue.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {issue.reason}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {issue.madeByName}
                        {issue.fromThisDevice ? (
                          <Text size="xs" c="dimmed">
                            {t('sync.inbox.fromHere')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {instantText(issue.madeAt)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </ListBody>
        </Paper>
      </Stack>
      {open ? (
        <IssueDetail
          issue={open}
          onClose={() => setOpen(null)}
          onResolved={() => {
            setOpen(null);
            setDone(true);
          }}
        />
      ) : null}
    </Section>
  );
}

/** One issue side by side: before both changes, this change, the state server's value. */
function IssueDetail({
  issue,
  onClose,
  onResolved,
}: {
  issue: Issue;
  onClose: () => void;
  onResolved: () => void;
}) {
  const { t } = useTranslation(['sync', 'societies']);
  const queryClient = useQueryClient();
  const canDecide = useCan('sync.resolve');
  const resolve = useRequest('sync.resolve', (status) => {
    storeSyncStatus(queryClient, status);
    void queryClient.invalidateQueries({ queryKey: syncKeys.issues() });
  });
  const [failed, setFailed] = useState<string | null>(null);
  const decide = async (choice: 'mine' | 'theirs') => {
    setFailed(null);
    try {
      await resolve.mutateAsync({ issueId: issue.id, choice });
      onResolved();
    } catch (failure) {
      setFailed(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const fields = Object.entries(issue.fields);
  // A waiting number goes with its record: nothing to decide about it here.
  const keptWithItsRecord = setAsideRefusal(issue);
  // A likely duplicate is two new records: there was nothing before either.
  const showBase = issue.kind !== 'duplicate';
  const fieldLabel = useFieldLabel();
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('sync.inbox.detailTitle', { record: issue.recordLabel })}
      closeButtonProps={{ 'aria-label': t('sync.inbox.close') }}
      styles={{ title: { fontWeight: 650 } }}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={KIND_COLOURS[issue.kind]} variant="light">
            {t(`sync.inbox.kinds.${issue.kind}`)}
          </Badge>
          <Text size="sm">{issue.reason}</Text>
        </Group>
        {failed ? (
          <Alert color="red" variant="light" role="alert">
            {failed}
          </Alert>
        ) : null}
        {fields.length > 0 ? (
          <Table withTableBorder withColumnBorders fz="sm" aria-label={t('sync.inbox.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.inbox.field')}</Table.Th>
                {showBase ? <Table.Th>{t('sync.inbox.base')}</Table.Th> : null}
                <Table.Th bg="orange.0">{t('sync.inbox.mine')}</Table.Th>
                <Table.Th bg="indigo.0">{t('sync.inbox.theirs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map(([field, values]) => (
                <Table.Tr key={field}>
                  <Table.Td fw={600}>{fieldLabel(field)}</Table.Td>
                  {showBase ? <Table.Td c="dimmed">{valueText(values.base)}</Table.Td> : null}
                  <Table.Td bg="orange.0">{valueText(values.mine)}</Table.Td>
                  <Table.Td bg="indigo.0">{valueText(values.theirs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('sync.inbox.madeBy', {
              name: issue.fromThisDevice
                ? `${issue.madeByName} (${t('sync.inbox.fromHere')})`
                : issue.madeByName,
              when: instantText(issue.madeAt),
            })}
          </Text>
          {issue.theirsAt ? (
            <Text size="xs" c="dimmed">
              {t('sync.inbox.theirsBy', {
                name: issue.theirsByName ?? '',
                when: instantText(issue.theirsAt),
              })}
            </Text>
          ) : null}
        </Stack>
        {canDecide && keptWithItsRecord ? (
          <Text size="sm" c="dimmed">
            {keptWithItsRecord}
          </Text>
        ) : canDecide ? (
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              loading={resolve.isPending}
              onClick={() => void decide('theirs')}
            >
              {t(DECISIONS[issue.kind].theirs)}
            </Button>
            {MINE_DECIDABLE.includes(issue.kind) ? (
              <Button
                color={KIND_COLOURS[issue.kind]}
                loading={resolve.isPending}
                onClick={() => void decide('mine')}
              >
                {t(DECISIONS[issue.kind].mine!)}
              </Button>
            ) : null}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sync.inbox.onlyRegistrar')}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}

/**
 * `reg_no` → "Registration number": the form's label for the field when there is one, else
 * the column name as words.
 */
function useFieldLabel(): (column: string) => string {
  const { t, i18n } = useTranslation(['sync', 'societies']);
  return (column) => {
    const field = column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    if (i18n.exists(`societies:field.${field}`))
      return t(`societies:field.${field}` as 'societies:field.name');
    const text = column.replaceAll('_', ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && ISO_DATE.test(value)) return dateText(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
