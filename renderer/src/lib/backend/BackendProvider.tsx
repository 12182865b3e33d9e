import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Backend } from './client';

const BackendContext = createContext<Backend | null>(null);

/**
 * How a domain keeps its cached data fresh: it subscribes to the backend events that make
 * its lists and records stale (its own, and others' such as "a society changed"), and
 * returns the function that unsubscribes. Each domain's `queries.ts` exports its own.
 */
export type CacheRefresh = (backend: Backend, queryClient: QueryClient) => () => void;

/** Gives every screen below it the backend client, and keeps cached data fresh on backend events. */
export function BackendProvider({
  backend,
  refreshes,
  children,
}: {
  backend: Backend;
  /** The domains' cache refreshes (app/cache-refreshes.ts); fixed for the app's life. */
  refreshes: readonly CacheRefresh[];
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stops = refreshes.map((refresh) => refresh(backend, queryClient));
    return () => {
      for (const stop of stops) stop();
    };
  }, [backend, queryClient, refreshes]);
  return <BackendContext value={backend}>{children}</BackendContext>;
}

export function useBackend(): Backend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('useBackend() needs a <BackendProvider> above it.');
  return backend;
}
