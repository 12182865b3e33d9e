export { BackendError, createBackend, findHostBridge, isBackendError } from './client';
export type { Backend, BackendErrorCode } from './client';
export { BackendProvider, useBackend } from './BackendProvider';
export { queryKeys } from './query-keys';
export type { SocietySort } from './query-keys';
export {
  REGISTER_PAGE_SIZE,
  SEARCH_LIMIT,
  useAppInfo,
  useCreateSociety,
  useReferenceData,
  useRuleParameters,
  useSociety,
  useSocietyPages,
  useSocietySearch,
  useUpdateSociety,
} from './queries';
