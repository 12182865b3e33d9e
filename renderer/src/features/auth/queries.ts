import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../../lib/backend';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const authKeys = {
  status: () => ['auth', 'status'] as const,
  users: () => ['users'] as const,
};

/** Who is signed in here; the app's gate decides from it which screen to show. */
export function useAuthStatus() {
  const backend = useBackend();
  return useQuery({
    queryKey: authKeys.status(),
    queryFn: () => backend.call('auth.status', {}),
    staleTime: Infinity,
  });
}

export function useUsers(enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: authKeys.users(),
    queryFn: () => backend.call('users.list', {}),
    enabled,
  });
}
