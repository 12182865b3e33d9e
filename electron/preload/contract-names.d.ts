/**
 * The contract's request and event names, written into the preload when it is built
 * (electron.vite.config.ts, and vitest.config.ts for its test): the sandboxed preload
 * bundles no contract module, yet forwards exactly the contract's names and no other.
 */
declare const __CONTRACT_NAMES__: { requests: readonly string[]; events: readonly string[] };
