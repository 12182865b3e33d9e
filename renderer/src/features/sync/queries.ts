import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useBackend, type CacheRefresh } from '../../lib/backend';
import type { QueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '#shared/sync/contract';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const syncKeys = {
  status: () => ['sync', 'status'] as const,
  issues: () => ['sync', 'issues'] as const,
};

/** Sync with the state server; kept fresh by the backend's `sync.statusChanged` event. */
export function useSyncStatus() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: syncKeys.status(),
    queryFn: () => askSyncStatus(queryClient, () => backend.call('sync.status', {})),
    // The "synced 3 min ago" text and a background run that failed quietly stay current.
    refetchInterval: 30_000,
  });
}

/** The office's conflicts, refused and held changes, as the state server last reported them. */
export function useSyncIssues(enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: syncKeys.issues(),
    queryFn: () => backend.call('sync.issues', {}),
    enabled,
  });
}

/**
 * Of the status on screen and one just received, the one taken later. A status asked for
 * during a run can arrive after the event that says the run is over; shown, it would leave
 * the screen saying "Syncing…".
 */
export function laterSyncStatus(shown: SyncStatus | undefined, received: SyncStatus): SyncStatus {
  return shown && shown.takenAt > received.takenAt ? shown : received;
}

/**
 * Asks for the status, and gives the later of the answer and the status on screen when the
 * answer arrives (not when it was asked for: the run's last event may come in between).
 */
export async function askSyncStatus(
  queryClient: QueryClient,
  ask: () => Promise<SyncStatus>,
): Promise<SyncStatus> {
  const received = await ask();
  return laterSyncStatus(queryClient.getQueryData(syncKeys.status()), received);
}

/** Puts a status received (an answer or an event) on screen, unless a later one is there. */
export function storeSyncStatus(queryClient: QueryClient, received: SyncStatus): void {
  queryClient.setQueryData<SyncStatus>(syncKeys.status(), (shown) =>
    laterSyncStatus(shown, received),
  );
}

/** The status indicator follows every run; rows from the state server may touch anything. */
export const refreshSync: CacheRefresh = (backend, queryClient) => {
  const offStatus = backend.on('sync.statusChanged', (status) => {
    storeSyncStatus(queryClient, status);
    void queryClient.invalidateQueries({ queryKey: syncKeys.issues() });
  });
  const offPulled = backend.on('sync.pulled', () => void queryClient.invalidateQueries());
  return () => {
    offStatus();
    offPulled();
  };
};
