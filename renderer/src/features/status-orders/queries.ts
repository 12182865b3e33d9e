import { useQuery } from '@tanstack/react-query';
import type { StatusOrderState } from '#shared/status-orders/status-order';
import { useBackend, type CacheRefresh } from '../../lib/backend';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const statusOrderKeys = {
  all: () => ['status-orders'] as const,
  list: (filter: { state?: StatusOrderState; societyId?: string }) =>
    ['status-orders', filter] as const,
};

export function useStatusOrders(
  filter: { state?: StatusOrderState; societyId?: string },
  enabled = true,
) {
  const backend = useBackend();
  return useQuery({
    queryKey: statusOrderKeys.list(filter),
    queryFn: () => backend.call('statusOrders.list', filter),
    enabled,
  });
}

/** A status order was proposed or decided: approval lists refresh. */
export const refreshStatusOrders: CacheRefresh = (backend, queryClient) =>
  backend.on('statusOrders.changed', () => {
    void queryClient.invalidateQueries({ queryKey: statusOrderKeys.all() });
  });
