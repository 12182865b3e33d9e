import {
  Button,
  Grid,
  Group,
  Pagination,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeEntryList } from '../../components/ChangeEntryList';
import { DateInput } from '../../components/DateInput';
import { parseDayMonthYear } from '../../components/date-text';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { formatCount } from '../../i18n';
import { VerifyChain } from './VerifyChain';
import { CHANGES_PAGE_SIZE, type ChangeFilter, useChanges } from './queries';
import { useReferenceData } from '../reference';
import { useUsers } from '../auth';

const ENTITIES = [
  'society',
  'society_area_village',
  'society_name',
  'society_status',
  'status_order',
  'user',
  'user_password',
  'setting',
] as const;

interface FilterText {
  userId: string | null;
  entity: string | null;
  officeId: string | null;
  from: string;
  to: string;
}

const NO_FILTER: FilterText = { userId: null, entity: null, officeId: null, from: '', to: '' };

/** The administrator's record of changes: every entry, filtered, and the chain check. */
export function ChangesScreen() {
  const { t } = useTranslation('changes');
  const reference = useReferenceData();
  const users = useUsers();
  const [text, setText] = useState<FilterText>(NO_FILTER);
  const [page, setPage] = useState(1);

  // A date filter applies once it is a real date; half-typed dates are ignored meanwhile.
  const filter: ChangeFilter = {};
  if (text.userId) filter.userId = text.userId;
  if (text.entity) filter.entity = text.entity;
  if (text.officeId) filter.officeId = text.officeId;
  const from = parseDayMonthYear(text.from);
  const to = parseDayMonthYear(text.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  const changes = useChanges(filter, (page - 1) * CHANGES_PAGE_SIZE);

  const update = (patch: Partial<FilterText>) => {
    setText((old) => ({ ...old, ...patch }));
    setPage(1);
  };
  const dateError = (value: string) =>
    value.trim().length >= 8 && !parseDayMonthYear(value) ? t('changes.badDate') : undefined;

  const total = changes.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / CHANGES_PAGE_SIZE));
  const any = t('changes.anyValue');

  let body;
  if (changes.isPending) {
    body = (
      <Stack gap="sm" aria-busy>
        <Skeleton height={90} />
        <Skeleton height={90} />
      </Stack>
    );
  } else if (changes.isError) {
    body = (
      <ErrorState
        title={t('changes.loadError')}
        error={changes.error}
        onRetry={() => void changes.refetch()}
      />
    );
  } else if (changes.data.entries.length === 0) {
    body = (
      <Paper withBorder radius="md" p="xl">
        <Text ta="center" c="dimmed">
          {t('changes.empty')}
        </Text>
      </Paper>
    );
  } else {
    body = (
      <Stack gap="sm" style={{ opacity: changes.isPlaceholderData ? 0.6 : 1 }}>
        <ChangeEntryList
          entries={changes.data.entries}
          reference={reference.data}
          label={t('changes.title')}
          showEntity
        />
        {pages > 1 ? (
          <Group justify="center">
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label':
                  control === 'next'
                    ? t('changes.nextPage')
                    : control === 'previous'
                      ? t('changes.previousPage')
                      : undefined,
              })}
            />
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={1480} pb="xl">
      <PageHeader title={t('changes.title')} subtitle={t('changes.intro')} />
      <Paper withBorder radius="md" p="md">
        <VerifyChain />
      </Paper>
      <Paper withBorder radius="md" p="sm">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 6, md: 3.5 }}>
            <Select
              label={t('changes.filterUser')}
              placeholder={any}
              data={(users.data ?? []).map((user) => ({ value: user.id, label: user.fullName }))}
              value={text.userId}
              onChange={(userId) => update({ userId })}
              searchable
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2.5 }}>
            <Select
              label={t('changes.filterEntity')}
              placeholder={any}
              data={ENTITIES.map((entity) => ({
                value: entity,
                label: t(`changes.entity.${entity}`),
              }))}
              value={text.entity}
              onChange={(entity) => update({ entity })}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2.5 }}>
            <Select
              label={t('changes.filterOffice')}
              placeholder={any}
              data={(reference.data?.offices ?? []).map((office) => ({
                value: office.id,
                label: office.shortName,
              }))}
              value={text.officeId}
              onChange={(officeId) => update({ officeId })}
              searchable
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 3, md: 1.5 }}>
            <DateInput
              label={t('changes.from')}
              value={text.from}
              onChange={(value) => update({ from: value })}
              error={dateError(text.from)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 3, md: 1.5 }}>
            <DateInput
              label={t('changes.to')}
              value={text.to}
              onChange={(value) => update({ to: value })}
              error={dateError(text.to)}
            />
          </Grid.Col>
        </Grid>
        <Group justify="space-between" mt="xs">
          <Text size="sm" fw={500} c="dark.5" data-testid="changes-count" aria-live="polite">
            {changes.data
              ? t('changes.count', { count: total, formatted: formatCount(total) })
              : ''}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => update(NO_FILTER)}>
            {t('changes.clearFilters')}
          </Button>
        </Group>
      </Paper>
      {body}
    </Stack>
  );
}
