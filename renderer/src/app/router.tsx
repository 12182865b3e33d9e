import { createHashRouter, type RouteObject } from 'react-router';
import { EditSocietyRoute } from '../routes/EditSocietyRoute';
import { NewSocietyRoute } from '../routes/NewSocietyRoute';
import { NotFoundRoute } from '../routes/NotFoundRoute';
import { ReferenceDataRoute } from '../routes/ReferenceDataRoute';
import { RegisterRoute } from '../routes/RegisterRoute';
import { SocietyDetailRoute } from '../routes/SocietyDetailRoute';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <RegisterRoute /> },
      { path: 'societies/new', element: <NewSocietyRoute /> },
      { path: 'societies/:id', element: <SocietyDetailRoute /> },
      { path: 'societies/:id/edit', element: <EditSocietyRoute /> },
      { path: 'reference', element: <ReferenceDataRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

/**
 * Hash history: the same bundle runs from Electron's app:// protocol and from the browser
 * bridge, and a reload never asks either host for a path it does not serve.
 */
export function createAppRouter() {
  return createHashRouter(routes);
}
