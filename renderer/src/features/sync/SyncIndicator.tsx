import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agoText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useSyncStatus } from './queries';

/**
 * The status line's sync part: online or offline, when it last synced, how many changes
 * wait and how many issues need the registrar. Opens the sync screen.
 */
export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const status = useSyncStatus();
  const data = status.data;
  if (!data) return null;
  const colour = !data.enrolled
    ? 'gray.5'
    : data.issues > 0 || data.mustReenrol
      ? 'orange.6'
      : data.online === false
        ? 'red.6'
        : 'green.6';
  const parts: (string | null)[] = [
    !data.enrolled
      ? t('sync.indicator.off')
      : data.running
        ? t('sync.indicator.running')
        : data.online === false
          ? t('sync.indicator.offline')
          : data.lastSyncAt
            ? t('sync.indicator.online', { when: agoText(data.lastSyncAt) })
            : t('sync.indicator.onlineNever'),
    data.enrolled && data.pending > 0 ? t('sync.indicator.pending', { count: data.pending }) : null,
    data.issues > 0 ? t('sync.indicator.issues', { count: data.issues }) : null,
  ];
  const summary = parts.filter((part) => part !== null).join(' · ');
  return (
    <UnstyledButton
      component={Link}
      to={paths.sync}
      aria-label={t('sync.indicator.open', { summary })}
      data-testid="sync-indicator"
    >
      <Group gap={6} wrap="nowrap">
        <Box w={8} h={8} bg={colour} style={{ borderRadius: '50%' }} aria-hidden />
        <Text
          size="xs"
          c={data.issues > 0 ? 'orange.9' : 'dark.4'}
          style={{ whiteSpace: 'nowrap' }}
        >
          {summary}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
