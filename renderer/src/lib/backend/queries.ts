import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { RequestName } from '#shared/ipc/contract';
import type { AuditFilter } from '#shared/audits/contract';
import type { RequestInput, RequestOutput } from '#shared/ipc/contract';
import type { ReturnFilter } from '#shared/returns/contract';
import type { SocietyDetail, SocietyFilter } from '#shared/societies/contract';
import type { StatusOrderState } from '#shared/status-orders/status-order';
import type { ApplicationState } from '#shared/registration/registration';
import { useBackend } from './BackendProvider';
import { queryKeys, type ChangeFilter, type SocietySort } from './query-keys';
import { askSyncStatus } from './sync-status';

/** Rows fetched per request while the register scrolls. */
export const REGISTER_PAGE_SIZE = 200;
/** The most matches a search shows; typing more narrows them. */
export const SEARCH_LIMIT = 100;

export function useAppInfo() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.appInfo(),
    queryFn: () => backend.call('app.info', {}),
  });
}

/** Districts, villages, offices, sectors and types. Changes only through the administrator. */
export function useReferenceData() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.reference(),
    queryFn: () => backend.call('reference.get', {}),
    staleTime: Infinity,
  });
}

export function useRuleParameters() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.ruleParameters(),
    queryFn: () => backend.call('reference.ruleParameters', {}),
    staleTime: Infinity,
  });
}

/** The register, filtered and sorted on the backend, fetched page by page as the list scrolls. */
export function useSocietyPages(filter: SocietyFilter, sort: SocietySort, enabled = true) {
  const backend = useBackend();
  return useInfiniteQuery({
    queryKey: queryKeys.societyList(filter, sort),
    queryFn: ({ pageParam }) =>
      backend.call('societies.list', {
        filter,
        sort,
        offset: pageParam,
        limit: REGISTER_PAGE_SIZE,
      }),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.rows.length, 0);
      return lastPage.rows.length > 0 && loaded < lastPage.total ? loaded : undefined;
    },
    // A new filter or sort keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Matches for what the clerk typed; the previous matches stay on screen while the next arrive. */
export function useSocietySearch(query: string, filter: SocietyFilter, enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.societySearch(query, filter),
    queryFn: () => backend.call('societies.search', { query, filter, limit: SEARCH_LIMIT }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSociety(id: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.society(id),
    queryFn: () => backend.call('societies.get', { id }),
  });
}

function useStoreSaved() {
  const queryClient = useQueryClient();
  return (saved: SocietyDetail) => {
    queryClient.setQueryData(queryKeys.society(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.societyLists() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo() });
  };
}

export function useCreateSociety() {
  const backend = useBackend();
  const storeSaved = useStoreSaved();
  return useMutation<RequestOutput<'societies.create'>, Error, RequestInput<'societies.create'>>({
    mutationFn: (input) => backend.call('societies.create', input),
    onSuccess: storeSaved,
  });
}

export function useUpdateSociety() {
  const backend = useBackend();
  const storeSaved = useStoreSaved();
  return useMutation<RequestOutput<'societies.update'>, Error, RequestInput<'societies.update'>>({
    mutationFn: (input) => backend.call('societies.update', input),
    onSuccess: storeSaved,
  });
}

/** Who is signed in here; the app's gate decides from it which screen to show. */
export function useAuthStatus() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.authStatus(),
    queryFn: () => backend.call('auth.status', {}),
    staleTime: Infinity,
  });
}

/**
 * A request that changes something, as a mutation: the screen shows its pending state and
 * its refusal. `onSuccess` refreshes whatever the change affects.
 */
export function useRequest<N extends RequestName>(
  name: N,
  onSuccess?: (output: RequestOutput<N>, input: RequestInput<N>) => void,
) {
  const backend = useBackend();
  return useMutation<RequestOutput<N>, Error, RequestInput<N>>({
    mutationFn: (input) => backend.call(name, input),
    onSuccess,
  });
}

/** Rows of a society's History tab fetched per "Show more". */
export const HISTORY_PAGE_SIZE = 25;

/** A society's record of changes, newest first, a page at a time. */
export function useSocietyHistory(societyId: string) {
  const backend = useBackend();
  return useInfiniteQuery({
    queryKey: queryKeys.societyHistory(societyId),
    queryFn: ({ pageParam }) =>
      backend.call('societies.history', {
        societyId,
        offset: pageParam,
        limit: HISTORY_PAGE_SIZE,
      }),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.entries.length, 0);
      return lastPage.entries.length > 0 && loaded < lastPage.total ? loaded : undefined;
    },
  });
}

export function useStatusOrders(
  filter: { state?: StatusOrderState; societyId?: string },
  enabled = true,
) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.statusOrderList(filter),
    queryFn: () => backend.call('statusOrders.list', filter),
    enabled,
  });
}

export function useUsers(enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.users(),
    queryFn: () => backend.call('users.list', {}),
    enabled,
  });
}

/** Entries per page of the record of changes. */
export const CHANGES_PAGE_SIZE = 50;

export function useChanges(filter: ChangeFilter, offset: number) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.changeList(filter, offset),
    queryFn: () => backend.call('changes.list', { ...filter, offset, limit: CHANGES_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

/** Applications of the user's office, open ones first by days left. */
export function useApplications(state?: ApplicationState, enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.applicationList(state),
    queryFn: () => backend.call('applications.list', state ? { state } : {}),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.application(id),
    queryFn: () => backend.call('applications.get', { id }),
  });
}

/** Rows of the returns register fetched per page. */
export const RETURNS_PAGE_SIZE = 50;

/** One page of the returns register for a year and filter. */
export function useReturnsRegister(filter: ReturnFilter, offset: number) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.returnsRegister(filter, offset),
    queryFn: () =>
      backend.call('returns.register', { ...filter, offset, limit: RETURNS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

/** How many returns of the year are due, overdue, filed, incomplete and accepted. */
export function useReturnCounts(filter: Omit<ReturnFilter, 'status'>) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.returnCounts(filter),
    queryFn: () => backend.call('returns.counts', filter),
    placeholderData: keepPreviousData,
  });
}

/** One society's return for one year. */
export function useReturn(societyId: string, fy: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.returnOne(societyId, fy),
    queryFn: () => backend.call('returns.get', { societyId, fy }),
  });
}

/** A society's returns of the last ten years. */
export function useSocietyReturns(societyId: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.societyReturns(societyId),
    queryFn: () => backend.call('returns.ofSociety', { societyId }),
  });
}

/** The return the counter session reaches. */
export function useCounterForm() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.counterForm(),
    queryFn: () => backend.call('returns.counterForm', {}),
  });
}

/** Societies with no return for two years: candidates for non-functional status. */
export function useNonFunctionalCandidates(officeId: string | undefined) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.nonFunctionalCandidates(officeId),
    queryFn: () => backend.call('returns.nonFunctionalCandidates', officeId ? { officeId } : {}),
  });
}

/** Name reservations of the user's office (every office for the state office). */
export function useNameReservations() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.nameReservations(),
    queryFn: () => backend.call('names.list', {}),
  });
}

/** Documents attached to an application or a society, oldest first. */
export function useDocuments(ownerId: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.documents(ownerId),
    queryFn: () => backend.call('documents.list', { ownerId }),
  });
}

/** The offices' public signing keys, for checking certificates by other means. */
export function useOfficeKeys() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.officeKeys(),
    queryFn: () => backend.call('certificates.keys', {}),
  });
}

/** The certificate register, or one society's certificates. */
export function useCertificates(societyId?: string, enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.certificateList(societyId),
    queryFn: () => backend.call('certificates.list', societyId ? { societyId } : {}),
    enabled,
  });
}

/** Rows per page of the audit register. */
export const AUDITS_PAGE_SIZE = 50;

/** One page of the audit register of a year. */
export function useAuditRegister(filter: AuditFilter, offset: number) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.auditRegister(filter, offset),
    queryFn: () => backend.call('audits.register', { ...filter, offset, limit: AUDITS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditCounts(filter: Omit<AuditFilter, 'status'>) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.auditCounts(filter),
    queryFn: () => backend.call('audits.counts', filter),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in auditor's own audits. */
export function useMyAudits(enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.myAudits(),
    queryFn: () => backend.call('audits.mine', {}),
    enabled,
  });
}

export function useAudit(id: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.audit(id),
    queryFn: () => backend.call('audits.get', { id }),
  });
}

/** Auditors who can be given audits. */
export function useAuditors(enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.auditors(),
    queryFn: () => backend.call('audits.auditors', {}),
    enabled,
  });
}

/** Defects not rectified after their due date, for one office or all. */
export function useOverdueDefects(officeId: string | undefined) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.overdueDefects(officeId),
    queryFn: () => backend.call('audits.overdueDefects', officeId ? { officeId } : {}),
  });
}

export function useAuditGrades(fy: string, officeId: string | undefined) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.auditGrades(fy, officeId),
    queryFn: () => backend.call('audits.grades', officeId ? { fy, officeId } : { fy }),
  });
}

/** A society's audits, newest year first. */
export function useSocietyAudits(societyId: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.societyAudits(societyId),
    queryFn: () => backend.call('audits.ofSociety', { societyId }),
  });
}

export function useAuditRubrics() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.auditRubrics(),
    queryFn: () => backend.call('audits.rubrics', {}),
  });
}

/** Sync with the state server; kept fresh by the backend's `sync.statusChanged` event. */
export function useSyncStatus() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.syncStatus(),
    queryFn: () => askSyncStatus(queryClient, () => backend.call('sync.status', {})),
    // The "synced 3 min ago" text and a background run that failed quietly stay current.
    refetchInterval: 30_000,
  });
}

/** The office's conflicts, refused and held changes, as the state server last reported them. */
export function useSyncIssues(enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.syncIssues(),
    queryFn: () => backend.call('sync.issues', {}),
    enabled,
  });
}
