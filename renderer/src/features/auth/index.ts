export { AuthGate } from './AuthGate';
export { useApplyAuthStatus, useLockNow, useSignOut } from './use-auth-actions';
