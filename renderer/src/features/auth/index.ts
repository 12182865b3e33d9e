export { AuthGate } from './AuthGate';
export { useApplyAuthStatus, useLockNow, useSignOut } from './use-auth-actions';
export { UsersScreen } from './users/UsersScreen';
export { useAuthStatus, useUsers } from './queries';
