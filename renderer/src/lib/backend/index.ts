export { BackendError, createBackend, findHostBridge, isBackendError } from './client';
export type { Backend, BackendErrorCode, SessionProblem } from './client';
export { BackendProvider, useBackend } from './BackendProvider';
export { queryKeys } from './query-keys';
export { useOpenDocument, usePresentedFile, usePrintCertificate } from './print';
export type { ChangeFilter, SocietySort } from './query-keys';
export {
  CHANGES_PAGE_SIZE,
  HISTORY_PAGE_SIZE,
  REGISTER_PAGE_SIZE,
  SEARCH_LIMIT,
  useAppInfo,
  useApplication,
  useApplications,
  useCertificates,
  useDocuments,
  useNameReservations,
  useCounterForm,
  useNonFunctionalCandidates,
  useReturn,
  useReturnCounts,
  useSocietyReturns,
  useReturnsRegister,
  RETURNS_PAGE_SIZE,
  useOfficeKeys,
  useAuthStatus,
  useChanges,
  useRequest,
  useSocietyHistory,
  useStatusOrders,
  useUsers,
  useCreateSociety,
  useReferenceData,
  useRuleParameters,
  useSociety,
  useSocietyPages,
  useSocietySearch,
  useUpdateSociety,
} from './queries';
