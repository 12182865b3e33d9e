import { createHashRouter, type RouteObject } from 'react-router';
import { AcknowledgementRoute } from '../routes/AcknowledgementRoute';
import { ApplicationRoute } from '../routes/ApplicationRoute';
import { ApplicationsRoute } from '../routes/ApplicationsRoute';
import { ApprovalsRoute } from '../routes/ApprovalsRoute';
import { CertificatesRoute } from '../routes/CertificatesRoute';
import { NewApplicationRoute } from '../routes/NewApplicationRoute';
import { NameReservationsRoute } from '../routes/NameReservationsRoute';
import { RefusalOrderRoute } from '../routes/RefusalOrderRoute';
import { DeficiencyLetterRoute } from '../routes/DeficiencyLetterRoute';
import {
  CandidatesRoute,
  ReturnAcknowledgementRoute,
  ReturnRoute,
  ReturnsRoute,
} from '../routes/ReturnsRoutes';
import { SyncRoute } from '../routes/SyncRoute';
import { VerifyRoute } from '../routes/VerifyRoute';
import { AuditRoute, AuditsRoute, FeeReceiptRoute } from '../routes/AuditsRoutes';
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
      {
        path: 'applications',
        element: (
          <RequireAccess request="applications.list">
            <ApplicationsRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'applications/new',
        element: (
          <RequireAccess request="applications.receive">
            <NewApplicationRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'applications/names',
        element: (
          <RequireAccess request="names.list">
            <NameReservationsRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'applications/:id',
        element: (
          <RequireAccess request="applications.get">
            <ApplicationRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'applications/:id/acknowledgement',
        element: (
          <RequireAccess request="applications.get">
            <AcknowledgementRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'applications/:id/refusal-order',
        element: (
          <RequireAccess request="applications.get">
            <RefusalOrderRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'applications/:id/letters/:letterId',
        element: (
          <RequireAccess request="applications.get">
            <DeficiencyLetterRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'returns',
        element: (
          <RequireAccess request="returns.register">
            <ReturnsRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'returns/candidates',
        element: (
          <RequireAccess request="returns.nonFunctionalCandidates">
            <CandidatesRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'returns/:societyId/:fy',
        element: (
          <RequireAccess request="returns.get">
            <ReturnRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'returns/:societyId/:fy/acknowledgement',
        element: (
          <RequireAccess request="returns.get">
            <ReturnAcknowledgementRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'audits',
        element: (
          <RequireAccess request="audits.register">
            <AuditsRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'audits/:id',
        element: (
          <RequireAccess request="audits.get">
            <AuditRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'audits/:id/receipt/:receiptNo',
        element: (
          <RequireAccess request="audits.get">
            <FeeReceiptRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'certificates',
        element: (
          <RequireAccess request="certificates.list">
            <CertificatesRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'verify',
        element: (
          <RequireAccess request="certificates.verify">
            <VerifyRoute />
          </RequireAccess>
        ),
      },
      {
        path: 'sync',
        element: (
          <RequireAccess request="sync.now">
            <SyncRoute />
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
