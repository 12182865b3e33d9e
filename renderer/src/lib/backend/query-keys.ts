import type { AuditFilter } from '#shared/audits/contract';
import type { ReturnFilter } from '#shared/returns/contract';
import type { SocietyFilter, SocietySortField } from '#shared/societies/contract';
import type { StatusOrderState } from '#shared/status-orders/status-order';
import type { ApplicationState } from '#shared/registration/registration';

export interface SocietySort {
  field: SocietySortField;
  direction: 'asc' | 'desc';
}

/** One place for cache keys, so invalidation after a save reaches every list and page. */
export const queryKeys = {
  appInfo: () => ['app', 'info'] as const,
  syncStatus: () => ['sync', 'status'] as const,
  syncIssues: () => ['sync', 'issues'] as const,
  reference: () => ['reference', 'data'] as const,
  ruleParameters: () => ['reference', 'rule-parameters'] as const,
  societyLists: () => ['societies', 'list'] as const,
  societyList: (filter: SocietyFilter, sort: SocietySort) =>
    ['societies', 'list', 'pages', filter, sort] as const,
  societySearch: (query: string, filter: SocietyFilter) =>
    ['societies', 'list', 'search', query, filter] as const,
  society: (id: string) => ['societies', 'one', id] as const,
  societyHistory: (id: string) => ['societies', 'history', id] as const,
  authStatus: () => ['auth', 'status'] as const,
  statusOrders: () => ['status-orders'] as const,
  statusOrderList: (filter: { state?: StatusOrderState; societyId?: string }) =>
    ['status-orders', filter] as const,
  users: () => ['users'] as const,
  applications: () => ['applications'] as const,
  applicationList: (state: ApplicationState | undefined) =>
    ['applications', 'list', state ?? 'all'] as const,
  application: (id: string) => ['applications', 'one', id] as const,
  certificates: () => ['certificates'] as const,
  certificateList: (societyId: string | undefined) => ['certificates', societyId ?? 'all'] as const,
  officeKeys: () => ['certificates', 'keys'] as const,
  nameReservations: () => ['names'] as const,
  returns: () => ['returns'] as const,
  returnsRegister: (filter: ReturnFilter, offset: number) =>
    ['returns', 'register', filter, offset] as const,
  returnCounts: (filter: Omit<ReturnFilter, 'status'>) => ['returns', 'counts', filter] as const,
  returnOne: (societyId: string, fy: string) => ['returns', 'one', societyId, fy] as const,
  counterForm: () => ['returns', 'counter'] as const,
  societyReturns: (societyId: string) => ['returns', 'society', societyId] as const,
  nonFunctionalCandidates: (officeId: string | undefined) =>
    ['returns', 'candidates', officeId ?? 'all'] as const,
  audits: () => ['audits'] as const,
  auditRegister: (filter: AuditFilter, offset: number) =>
    ['audits', 'register', filter, offset] as const,
  auditCounts: (filter: Omit<AuditFilter, 'status'>) => ['audits', 'counts', filter] as const,
  myAudits: () => ['audits', 'mine'] as const,
  audit: (id: string) => ['audits', 'one', id] as const,
  auditors: () => ['audits', 'auditors'] as const,
  overdueDefects: (officeId: string | undefined) =>
    ['audits', 'overdue-defects', officeId ?? 'all'] as const,
  auditGrades: (fy: string, officeId: string | undefined) =>
    ['audits', 'grades', fy, officeId ?? 'all'] as const,
  auditRubrics: () => ['audits', 'rubrics'] as const,
  societyAudits: (societyId: string) => ['audits', 'society', societyId] as const,
  documents: (ownerId: string) => ['documents', ownerId] as const,
  changes: () => ['changes'] as const,
  changeList: (filter: ChangeFilter, offset: number) => ['changes', filter, offset] as const,
};

/** The administrator's filters on the record of changes. */
export interface ChangeFilter {
  userId?: string;
  entity?: string;
  officeId?: string;
  from?: string;
  to?: string;
}
