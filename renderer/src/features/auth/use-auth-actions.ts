import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AuthStatus } from '#shared/auth/contract';
import { useRequest } from '../../lib/backend';
import { appKeys } from '../../lib/backend';
import { authKeys } from './queries';

/**
 * Stores what an `auth.*` request answered as the app's sign-in state. A new sign-in (or a
 * sign-out) drops everything cached for the previous user first.
 */
export function useApplyAuthStatus() {
  const queryClient = useQueryClient();
  return useCallback(
    (status: AuthStatus, { freshUser = false }: { freshUser?: boolean } = {}) => {
      if (freshUser) {
        // Reference data and the app's own details are the same for everyone.
        queryClient.removeQueries({
          predicate: (query) => !['auth', 'app', 'reference'].includes(String(query.queryKey[0])),
        });
        void queryClient.invalidateQueries({ queryKey: appKeys.info() });
      }
      queryClient.setQueryData(authKeys.status(), status);
    },
    [queryClient],
  );
}

/** Signs out here; the app shows the login screen. */
export function useSignOut() {
  const apply = useApplyAuthStatus();
  const logout = useRequest('auth.logout');
  const { mutateAsync } = logout;
  return useCallback(() => {
    void mutateAsync({}).then(
      (status) => apply(status, { freshUser: true }),
      () => apply({ setupNeeded: false, session: null }, { freshUser: true }),
    );
  }, [mutateAsync, apply]);
}

/** Locks the screen now (the header's Lock button and the idle timer). */
export function useLockNow() {
  const apply = useApplyAuthStatus();
  const { mutateAsync } = useRequest('auth.lock');
  return useCallback(() => {
    void mutateAsync({}).then(apply, () => {});
  }, [mutateAsync, apply]);
}
