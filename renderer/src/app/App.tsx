import { MantineProvider } from '@mantine/core';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { AuthGate } from '../features/auth';
import { ReferenceLetterhead } from '../features/reference';
import { CounterScreen } from '../features/returns';
import { createBackend, findHostBridge } from '../lib/backend';
import { paths } from '../lib/paths';
import { AppProviders } from './AppProviders';
import { BackendMissing } from './BackendMissing';
import { ErrorBoundary } from './ErrorBoundary';
import { createAppRouter } from './router';
import { theme } from './theme';

/**
 * The whole renderer: the sign-in gate and then the app when a backend is connected, a clear
 * full-page error when not.
 */
export function App() {
  const [bridge] = useState(findHostBridge);
  const [router] = useState(createAppRouter);
  const [backend] = useState(() => (bridge ? createBackend(bridge) : null));
  if (!backend) {
    return (
      <MantineProvider theme={theme}>
        <BackendMissing />
      </MantineProvider>
    );
  }
  return (
    <AppProviders backend={backend}>
      <ErrorBoundary>
        <AuthGate
          counter={
            <ReferenceLetterhead>
              <CounterScreen
                onClosed={(closed) =>
                  // Whatever address was typed at the counter, the clerk comes back to its return.
                  void router.navigate(paths.annualReturn(closed.societyId, closed.fy), {
                    replace: true,
                  })
                }
              />
            </ReferenceLetterhead>
          }
        >
          <ReferenceLetterhead>
            <RouterProvider router={router} />
          </ReferenceLetterhead>
        </AuthGate>
      </ErrorBoundary>
    </AppProviders>
  );
}
