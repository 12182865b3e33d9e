import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders, createQueryClient } from '../app/AppProviders';
import { createBackend } from '../lib/backend';
import type { FakeBridge } from './fake-bridge';

/**
 * Renders a screen the way the app does (theme, cache, backend, router) over a fake
 * bridge. `routes` lets a test see where the screen navigates to.
 */
export function renderScreen(
  element: ReactElement,
  {
    bridge,
    path = '/',
    url = path,
    routes = [],
  }: { bridge: FakeBridge; path?: string; url?: string; routes?: RouteObject[] },
) {
  const router = createMemoryRouter([{ path, element }, ...routes], { initialEntries: [url] });
  const queryClient = createQueryClient();
  const result = render(
    <AppProviders backend={createBackend(bridge)} queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}
