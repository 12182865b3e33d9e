import { AppShell, Box, Button, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '#shared/auth/roles';
import { useLockNow, useSignOut } from '../features/auth';
import { SyncIndicator } from '../features/sync';
import { useAppInfo } from '../lib/backend';
import { ScreenShortcutsProvider, useScreenHints } from '../lib/screen-shortcuts';
import { useSession } from '../lib/session';
import { formatCount } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { navEntriesFor } from './navigation';

/** Header with the state and the app, the left navigation, the screen, and a status line. */
export function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const info = useAppInfo();
  const { user } = useSession();
  const navEntries = navEntriesFor(user.role);

  useHotkeys(
    navEntries.map((entry) => [`alt+${entry.shortcutKey}`, () => void navigate(entry.path)]),
    [],
  );

  return (
    <ScreenShortcutsProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 232, breakpoint: 0 }}
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
            <SignedInUser />
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
    </ScreenShortcutsProvider>
  );
}

/** Who is signed in, with the two ways to leave the desk: lock now, or sign out. */
function SignedInUser() {
  const { t } = useTranslation();
  const { user } = useSession();
  const lock = useLockNow();
  const signOut = useSignOut();
  return (
    <Group gap="md" wrap="nowrap" miw={0}>
      <Stack gap={0} align="flex-end" miw={0} aria-label={t('session.signedInAs')}>
        <Text size="sm" fw={600} c="white" lh={1.25} truncate data-testid="signed-in-user">
          {user.fullName}
        </Text>
        <Text size="xs" c="indigo.1" lh={1.3} truncate>
          {roleLabels[user.role]} · {user.officeName}
        </Text>
      </Stack>
      <Group gap={6} wrap="nowrap">
        <Button
          size="xs"
          variant="white"
          color="indigo.8"
          onClick={lock}
          title={t('session.lockHint')}
        >
          {t('session.lock')}
        </Button>
        <Button
          size="xs"
          variant="outline"
          color="white"
          onClick={signOut}
          styles={{ root: { borderColor: 'var(--mantine-color-indigo-3)' } }}
        >
          {t('session.signOut')}
        </Button>
      </Group>
    </Group>
  );
}

function StatusLine() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const hints = useScreenHints();
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
        <SyncIndicator />
        {info.data?.societyCount != null ? (
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
        {hints.length > 0 ? (
          <Text size="xs" c="dimmed" truncate data-testid="screen-hints">
            {hints.join(' · ')}
          </Text>
        ) : null}
        {info.data ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('status.version', { version: info.data.appVersion })}
          </Text>
        ) : null}
      </Group>
    </Group>
  );
}
