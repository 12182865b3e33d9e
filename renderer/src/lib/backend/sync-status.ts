import type { QueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '#shared/sync/contract';
import { queryKeys } from './query-keys';

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
  return laterSyncStatus(queryClient.getQueryData(queryKeys.syncStatus()), received);
}

/** Puts a status received (an answer or an event) on screen, unless a later one is there. */
export function storeSyncStatus(queryClient: QueryClient, received: SyncStatus): void {
  queryClient.setQueryData<SyncStatus>(queryKeys.syncStatus(), (shown) =>
    laterSyncStatus(shown, received),
  );
}
