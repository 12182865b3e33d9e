import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Backend } from './client';
import { queryKeys } from './query-keys';
import { storeSyncStatus } from './sync-status';

const BackendContext = createContext<Backend | null>(null);

/** Gives every screen below it the backend client, and keeps cached data fresh on backend events. */
export function BackendProvider({ backend, children }: { backend: Backend; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offSocieties = backend.on('societies.changed', ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.societyLists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.society(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.societyHistory(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.certificates() });
    });
    const offApplications = backend.on('applications.changed', () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.certificates() });
    });
    const offOrders = backend.on('statusOrders.changed', ({ societyId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.statusOrders() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.society(societyId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.societyHistory(societyId) });
    });
    const offSyncStatus = backend.on('sync.statusChanged', (status) => {
      storeSyncStatus(queryClient, status);
      void queryClient.invalidateQueries({ queryKey: queryKeys.syncIssues() });
    });
    // Rows from the state server may touch any list or record on screen.
    const offPulled = backend.on('sync.pulled', () => void queryClient.invalidateQueries());
    return () => {
      offSyncStatus();
      offPulled();
      offSocieties();
      offOrders();
      offApplications();
    };
  }, [backend, queryClient]);
  return <BackendContext value={backend}>{children}</BackendContext>;
}

export function useBackend(): Backend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('useBackend() needs a <BackendProvider> above it.');
  return backend;
}
