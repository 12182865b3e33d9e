import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '#shared/sync/contract';
import { askSyncStatus, storeSyncStatus, syncKeys } from './queries';

const status = (running: boolean, takenAt: number): SyncStatus => ({
  enrolled: true,
  serverUrl: 'http://state.test',
  officeId: null,
  online: true,
  running,
  lastSyncAt: null,
  lastAttemptAt: null,
  pending: 0,
  oldestPendingAt: null,
  issues: 0,
  problem: null,
  mustReenrol: false,
  fieldLaptopOf: null,
  takenAt,
});

describe('the sync status on screen', () => {
  it('keeps the later of two statuses, however they arrive: a run over stays over', () => {
    const queryClient = new QueryClient();
    const shown = () => queryClient.getQueryData<SyncStatus>(syncKeys.status());
    storeSyncStatus(queryClient, status(true, 100));
    storeSyncStatus(queryClient, status(false, 200));
    // An answer to a question asked during the run, arriving after the run's last event.
    storeSyncStatus(queryClient, status(true, 150));
    expect(shown()).toEqual(status(false, 200));
    storeSyncStatus(queryClient, status(true, 300));
    expect(shown()?.running).toBe(true);
  });

  it('asked for during a run, answers with the run’s end if that came while the question was on its way', async () => {
    const queryClient = new QueryClient();
    storeSyncStatus(queryClient, status(true, 100));
    let answer: (value: SyncStatus) => void = () => undefined;
    const asked = askSyncStatus(queryClient, () => new Promise((done) => (answer = done)));
    storeSyncStatus(queryClient, status(false, 200));
    answer(status(true, 150));
    expect(await asked).toEqual(status(false, 200));
  });
});
