// The Electron IPC channels. No imports: the sandboxed preload bundles this file alone.
// Request and event names belong to the domains' contract modules (shared/<domain>/contract.ts);
// the build writes them into the preload, which forwards those and no other.

/** The one Electron IPC channel every request travels on. */
export const invokeChannel = 'app:invoke';
/** The Electron IPC channel backend events arrive on. */
export const eventChannel = 'app:event';

/** The form of every request and event name, `<domain>.<verb>` (contract.test.ts). */
export const namePattern = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;
