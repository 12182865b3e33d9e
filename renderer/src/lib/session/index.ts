export { canUse } from './access';
export { SessionProvider, useCan, useSession } from './SessionContext';
export type { SessionValue } from './SessionContext';
