export { AuthGate } from './AuthGate';
export { useLockNow, useSignOut } from './use-auth-actions';
