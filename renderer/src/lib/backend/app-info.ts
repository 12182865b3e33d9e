import { useQuery } from '@tanstack/react-query';
import { useBackend, type CacheRefresh } from './BackendProvider';

/** Cache keys of the application's own facts (version, data folder, register size). */
export const appKeys = {
  info: () => ['app', 'info'] as const,
};

export function useAppInfo() {
  const backend = useBackend();
  return useQuery({
    queryKey: appKeys.info(),
    queryFn: () => backend.call('app.info', {}),
  });
}

/** The register's size in the status bar follows every society added. */
export const refreshAppInfo: CacheRefresh = (backend, queryClient) =>
  backend.on('societies.changed', () => {
    void queryClient.invalidateQueries({ queryKey: appKeys.info() });
  });
