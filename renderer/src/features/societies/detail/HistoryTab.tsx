import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangeEntryList } from '../../../components/ChangeEntryList';
import { ErrorState } from '../../../components/ErrorState';
import { formatCount } from '../../../i18n';
import { useReferenceData } from '../../reference';
import { useSocietyHistory } from '../queries';

/** Every change to the society and its status, name and area rows: who, when, before, after. */
export function HistoryTab({ societyId }: { societyId: string }) {
  const { t } = useTranslation('societies');
  const history = useSocietyHistory(societyId);
  const reference = useReferenceData();

  if (history.isPending) {
    return (
      <Stack gap="sm" aria-busy>
        <Skeleton height={90} />
        <Skeleton height={90} />
        <Skeleton height={90} />
      </Stack>
    );
  }
  if (history.isError) {
    return (
      <ErrorState
        title={t('history.loadError')}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  const entries = history.data.pages.flatMap((page) => page.entries);
  const total = history.data.pages.at(-1)?.total ?? entries.length;
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('history.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('history.shown', { shown: formatCount(entries.length), total: formatCount(total) })}
      </Text>
      <ChangeEntryList
        entries={entries}
        reference={reference.data}
        label={t('detail.tabs.history')}
      />
      {history.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void history.fetchNextPage()}
            loading={history.isFetchingNextPage}
          >
            {t('history.showMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
