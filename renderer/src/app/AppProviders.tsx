import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { BackendProvider, type Backend } from '../lib/backend';
import { cacheRefreshes } from './cache-refreshes';
import { theme } from './theme';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // The backend is local: a failure is a real answer, not a flaky network. Show it.
      queries: { retry: false, staleTime: 10_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Theme, cache and backend for everything below. Tests pass their own backend and client. */
export function AppProviders({
  backend,
  queryClient,
  children,
  env,
}: {
  backend: Backend;
  queryClient?: QueryClient;
  children: ReactNode;
  env?: 'default' | 'test';
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
      <QueryClientProvider client={client}>
        <BackendProvider backend={backend} refreshes={cacheRefreshes}>
          {children}
        </BackendProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
