import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { ClockBadge, isDueSoonOrOverdue } from './clock';
import { useApplications } from './queries';

const SHOWN = 4;

/**
 * The home screen's reminder: open applications due within 15 days or overdue, most urgent
 * first. Nothing is shown when none is due, so the register keeps its room.
 */
export function DueSoonCard() {
  const { t } = useTranslation('registration');
  const applications = useApplications();
  if (applications.isError) {
    return (
      <Text size="sm" c="red.8" role="alert">
        {t('applications.dueCardError')}: {applications.error.message}
      </Text>
    );
  }
  const due = (applications.data ?? []).filter(isDueSoonOrOverdue);
  if (due.length === 0) return null;
  const shown = due.slice(0, SHOWN);
  return (
    <Paper
      withBorder
      radius="md"
      px="md"
      py="xs"
      component="section"
      aria-labelledby="due-soon-title"
      data-testid="due-soon"
      style={{ borderLeft: '4px solid var(--mantine-color-orange-6)' }}
    >
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Text id="due-soon-title" fw={650} size="sm" c="orange.9">
          {t('applications.dueCardTitle')} ({due.length})
        </Text>
        <Anchor component={Link} to={paths.applications} size="sm">
          {t('applications.dueCardAll')}
        </Anchor>
      </Group>
      <Stack gap={2}>
        {shown.map((row) => (
          <Group key={row.id} gap="sm" wrap="nowrap">
            <Box w={130} style={{ flexShrink: 0 }}>
              <ClockBadge clock={row.clock} size="sm" />
            </Box>
            <Anchor
              component={Link}
              to={paths.application(row.id)}
              size="sm"
              fw={600}
              truncate
              miw={0}
            >
              {row.proposedName}
            </Anchor>
            <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {row.ackNo}
            </Text>
          </Group>
        ))}
        {due.length > SHOWN ? (
          <Text size="xs" c="dimmed">
            {t('applications.dueCardMore', { count: due.length - SHOWN })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
