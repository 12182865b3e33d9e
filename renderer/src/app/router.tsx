import { createHashRouter, type RouteObject } from 'react-router';
import { ApprovalsRoute } from '../routes/ApprovalsRoute';
import { ChangesRoute } from '../routes/ChangesRoute';
import { EditSocietyRoute } from '../routes/EditSocietyRoute';
import { NewSocietyRoute } from '../routes/NewSocietyRoute';
import { NotFoundRoute } from '../routes/NotFoundRoute';
import { ReferenceDataRoute } from '../routes/ReferenceDataRoute';
import { RegisterRoute } from '../routes/RegisterRoute';
import { SocietyDetailRoute } from '../routes/SocietyDetailRoute';
import { UsersRoute } from '../routes/UsersRoute';
import { RequireAccess } from './RequireAccess';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        element: (
          <RequireAccess request="societies.list">
            <RegisterRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'societies/new',
        element: (
          <RequireAccess request="societies.create">
            <NewSocietyRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'societies/:id',
        element: (
          <RequireAccess request="societies.get">
            <SocietyDetailRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'societies/:id/edit',
        element: (
          <RequireAccess request="societies.update">
            <EditSocietyRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'reference',
        element: (
          <RequireAccess request="reference.ruleParameters">
            <ReferenceDataRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'approvals',
        element: (
          <RequireAccess request="statusOrders.decide">
            <ApprovalsRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'users',
        element: (
          <RequireAccess request="users.list">
            <UsersRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'changes',
        element: (
          <RequireAccess request="changes.list">
            <ChangesRoute />
          </RequireAccess>
        ),
      },
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
