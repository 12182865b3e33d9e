export { BackendError, createBackend, findHostBridge, isBackendError } from './client';
export type { Backend, BackendErrorCode, SessionProblem } from './client';
export { BackendProvider, useBackend } from './BackendProvider';
export type { CacheRefresh } from './BackendProvider';
export { appKeys, refreshAppInfo, useAppInfo } from './app-info';
export { showFile, usePresentedFile } from './present-file';
export { useRequest } from './request';
