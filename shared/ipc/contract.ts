import type { z } from 'zod';
import { appRequests } from '../app/contract';
import { auditRequests } from '../audits/contract';
import { authRequests, type SessionUser } from '../auth/contract';
import { certificateRequests } from '../certificates/contract';
import { changeRequests } from '../changes/contract';
import { documentRequests } from '../documents/contract';
import { referenceRequests } from '../reference/contract';
import { registrationEvents, registrationRequests } from '../registration/contract';
import { returnRequests } from '../returns/contract';
import { societyEvents, societyRequests } from '../societies/contract';
import { statusOrderEvents, statusOrderRequests } from '../status-orders/contract';
import { syncEvents, syncRequests } from '../sync/contract';
import type { Result } from '../errors';
import type { RequestSpec } from './wire';

/**
 * The one contract between the renderer and the backend, composed of the domains' own
 * contract modules (`shared/<domain>/contract.ts`): each domain owns its requests (name,
 * access, input and output schemas) and its events; this file only puts them together.
 * `dispatch` parses every input against it before any handler runs.
 */

/** Each domain's requests, by domain: the permission tests walk them one domain at a time. */
export const domainRequests = {
  app: appRequests,
  reference: referenceRequests,
  societies: societyRequests,
  auth: authRequests,
  statusOrders: statusOrderRequests,
  changes: changeRequests,
  registration: registrationRequests,
  certificates: certificateRequests,
  documents: documentRequests,
  returns: returnRequests,
  audits: auditRequests,
  sync: syncRequests,
} as const;

export const contract = {
  requests: {
    ...appRequests,
    ...referenceRequests,
    ...societyRequests,
    ...authRequests,
    ...statusOrderRequests,
    ...changeRequests,
    ...registrationRequests,
    ...certificateRequests,
    ...documentRequests,
    ...returnRequests,
    ...auditRequests,
    ...syncRequests,
  },
  events: {
    ...societyEvents,
    ...registrationEvents,
    ...statusOrderEvents,
    ...syncEvents,
  },
} as const;

type Requests = (typeof contract)['requests'];
export type RequestName = keyof Requests;
export type EventName = keyof (typeof contract)['events'];

/** Every request's name; a request belongs to exactly one domain (contract.test.ts). */
export const requestNames = Object.keys(contract.requests) as RequestName[];
export const eventNames = Object.keys(contract.events) as EventName[];

/** The names alone, as the build writes them into the preload (it bundles no schema). */
export const contractNames = { requests: requestNames, events: eventNames };

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(contract.requests, name);
}

export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;
export type EventPayload<N extends EventName> = z.output<(typeof contract)['events'][N]>;

/** Who is calling, as `dispatch` hands it to a handler after checking the request's access. */
export interface Caller {
  sessionId: string;
  /** Null only for `public` and `session` requests made before signing in. */
  user: SessionUser | null;
}

/**
 * What a domain's backend implements for its requests: one function per request, given the
 * parsed input and the caller. A missing or extra one fails to compile.
 */
export type HandlersOf<R extends Record<string, RequestSpec>> = {
  [N in keyof R]: (
    input: z.output<R[N]['input']>,
    caller: Caller,
  ) => z.output<R[N]['output']> | Promise<z.output<R[N]['output']>>;
};

/** What the backend must implement: one function per request of every domain. */
export type Handlers = HandlersOf<Requests>;

/** What the renderer sees as `window.app`, whatever the transport. */
export interface AppBridge {
  invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}
