import { AppShell, Box, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { useAppInfo } from '../lib/backend';
import { formatCount } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { navEntries } from './navigation';

/** Header with the state and the app, the left navigation, the screen, and a status line. */
export function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const info = useAppInfo();

  useHotkeys(
    navEntries.map((entry) => [`alt+${entry.shortcutKey}`, () => void navigate(entry.path)]),
    [],
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 208, breakpoint: 0 }}
      footer={{ height: 30 }}
      padding="md"
    >
      <AppShell.Header bg="indigo.8" c="white" px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" align="center">
            <Box
              aria-hidden
              w={34}
              h={34}
              bg="white"
              c="indigo.8"
              style={{
                borderRadius: '50%',
                display: 'grid',
                placeItems: 'center',
                fontWeight: 700,
                fontSize: 13,
              }}
            >
              RCS
            </Box>
            <Stack gap={0}>
              <Title order={1} size="h4" c="white" lh={1.2}>
                {t('app.name')}
              </Title>
              <Text size="xs" c="indigo.1" lh={1.3}>
                {t('app.office')}
                {info.data ? ` · ${t('app.stateOf', { state: info.data.stateName })}` : ''}
              </Text>
            </Stack>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {navEntries.map((entry) => (
          <NavLink
            key={entry.path}
            component={Link}
            to={entry.path}
            label={t(entry.label)}
            active={entry.matches(location.pathname)}
            rightSection={
              <Kbd size="xs" aria-label={t('nav.shortcut', { key: entry.shortcutKey })}>
                Alt {entry.shortcutKey}
              </Kbd>
            }
            variant="light"
            fw={500}
            styles={{ root: { borderRadius: 6 } }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main id="main" bg="gray.0">
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>

      <ScrollRestoration />
      <AppShell.Footer px="md" bg="gray.1">
        <StatusLine />
      </AppShell.Footer>
    </AppShell>
  );
}

function StatusLine() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const fetching = useIsFetching();
  const mutating = useIsMutating();
  const busy = fetching + mutating > 0;
  return (
    <Group h="100%" gap="lg" wrap="nowrap" justify="space-between" role="status">
      <Group gap="lg" wrap="nowrap" miw={0}>
        <Group gap={6} wrap="nowrap">
          <Box
            w={8}
            h={8}
            bg={info.isError ? 'red.6' : 'green.6'}
            style={{ borderRadius: '50%' }}
            aria-hidden
          />
          <Text size="xs" c="dark.4">
            {info.isError ? t('status.unavailable') : t('status.connected')}
          </Text>
        </Group>
        {info.data ? (
          <Text size="xs" c="dark.4">
            {t('status.registerSize', {
              count: info.data.societyCount,
              formatted: formatCount(info.data.societyCount),
            })}
          </Text>
        ) : null}
        {busy ? (
          <Text size="xs" c="indigo.7">
            {t('status.working')}
          </Text>
        ) : null}
      </Group>
      <Group gap="lg" wrap="nowrap" miw={0}>
        <Text size="xs" c="dimmed" truncate>
          {t('status.shortcuts')}
        </Text>
        {info.data ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('status.version', { version: info.data.appVersion })}
          </Text>
        ) : null}
      </Group>
    </Group>
  );
}
