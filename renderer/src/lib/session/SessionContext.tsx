import { createContext, useContext, type ReactNode } from 'react';
import type { RequestName } from '#shared/ipc/contract';
import type { SessionUser } from '#shared/auth/contract';
import { canUse } from './access';

export interface SessionValue {
  user: SessionUser;
  idleLockMinutes: number;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in user for every screen below; set by the app's sign-in gate. */
export function SessionProvider({ value, children }: { value: SessionValue; children: ReactNode }) {
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it.');
  return session;
}

/** Whether the signed-in user's role may make this request (see `canUse`). */
export function useCan(request: RequestName): boolean {
  return canUse(useSession().user.role, request);
}
