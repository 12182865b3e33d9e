import { Center, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '#shared/auth/contract';
import { ErrorState } from '../../components/ErrorState';
import { useBackend } from '../../lib/backend';
import { SessionProvider } from '../../lib/session';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { LockOverlay } from './LockOverlay';
import { LoginScreen } from './LoginScreen';
import { SetupScreen } from './SetupScreen';
import { useApplyAuthStatus, useLockNow } from './use-auth-actions';
import { useIdleLock } from './use-idle-lock';
import { authKeys, useAuthStatus } from './queries';

/**
 * The app's front door: first-start setup, sign-in, a due password change, or the app
 * itself with the idle lock drawn over it. The sign-in lives in the backend; this only
 * follows what `auth.status` and every refusal say.
 */
export function AuthGate({ children, counter }: { children: ReactNode; counter: ReactNode }) {
  const { t } = useTranslation('auth');
  const backend = useBackend();
  const queryClient = useQueryClient();
  const status = useAuthStatus();

  useEffect(
    () =>
      backend.onSessionProblem((code) => {
        if (code === 'session_locked') {
          queryClient.setQueryData<AuthStatus>(authKeys.status(), (old) =>
            old?.session ? { ...old, session: { ...old.session, locked: true } } : old,
          );
        } else {
          void queryClient.invalidateQueries({ queryKey: authKeys.status() });
        }
      }),
    [backend, queryClient],
  );

  if (status.isPending) {
    return (
      <Center mih="100dvh" component="main">
        <Stack align="center" gap="xs" aria-busy>
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('auth.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center mih="100dvh" p="xl" component="main">
        <Stack maw={640}>
          <ErrorState
            title={t('auth.statusError')}
            error={status.error}
            onRetry={() => void status.refetch()}
          />
        </Stack>
      </Center>
    );
  }
  const { setupNeeded, session } = status.data;
  if (!session) return setupNeeded ? <SetupScreen /> : <LoginScreen />;
  if (session.mustChangePassword) return <ChangePasswordScreen fullName={session.user.fullName} />;
  return (
    <SignedIn user={session.user} idleLockMinutes={session.idleLockMinutes} locked={session.locked}>
      {/* Counter mode: the secretary gets the one return, never the app's screens. */}
      {session.counter ? counter : children}
    </SignedIn>
  );
}

function SignedIn({
  user,
  idleLockMinutes,
  locked,
  children,
}: {
  user: NonNullable<AuthStatus['session']>['user'];
  idleLockMinutes: number;
  locked: boolean;
  children: ReactNode;
}) {
  const backend = useBackend();
  const apply = useApplyAuthStatus();
  const lock = useLockNow();
  const touch = useCallback(() => {
    void backend.call('auth.touch', {}).then(apply, () => {});
  }, [backend, apply]);
  useIdleLock({ idleMinutes: idleLockMinutes, locked, lock, touch });
  const value = useMemo(() => ({ user, idleLockMinutes }), [user, idleLockMinutes]);
  return (
    <SessionProvider value={value}>
      {children}
      {locked ? <LockOverlay fullName={user.fullName} /> : null}
    </SessionProvider>
  );
}
