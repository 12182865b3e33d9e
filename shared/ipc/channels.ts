// Request and event names. No imports: the sandboxed preload bundles this file alone.

export const requestNames = [
  'app.info',
  'reference.get',
  'reference.ruleParameters',
  'societies.search',
  'societies.list',
  'societies.get',
  'societies.create',
  'societies.update',
] as const;

export type RequestName = (typeof requestNames)[number];

export const eventNames = ['societies.changed'] as const;

export type EventName = (typeof eventNames)[number];

/** The one Electron IPC channel every request travels on. */
export const invokeChannel = 'app:invoke';
/** The Electron IPC channel backend events arrive on. */
export const eventChannel = 'app:event';

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (requestNames as readonly string[]).includes(name);
}
