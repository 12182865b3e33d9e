import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders, createQueryClient } from '../app/AppProviders';
import type { SessionUser } from '#shared/auth/contract';
import { createBackend } from '../lib/backend';
import { SessionProvider } from '../lib/session';
import type { FakeBridge } from './fake-bridge';
import { clerk } from './fixtures';

/**
 * Renders a screen the way the app does (theme, cache, backend, signed-in user, router)
 * over a fake bridge. `routes` lets a test see where the screen navigates to.
 */
export function renderScreen(
  element: ReactElement,
  {
    bridge,
    path = '/',
    url = path,
    routes = [],
    user = clerk,
    idleLockMinutes = 10,
  }: {
    bridge: FakeBridge;
    path?: string;
    url?: string;
    routes?: RouteObject[];
    /** Who is signed in (a dealing clerk unless the test says otherwise). */
    user?: SessionUser;
    idleLockMinutes?: number;
  },
) {
  const router = createMemoryRouter([{ path, element }, ...routes], { initialEntries: [url] });
  const queryClient = createQueryClient();
  const result = render(
    <AppProviders backend={createBackend(bridge)} queryClient={queryClient} env="test">
      <SessionProvider value={{ user, idleLockMinutes }}>
        <RouterProvider router={router} />
      </SessionProvider>
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}
