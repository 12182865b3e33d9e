import type { EventName, RequestName } from '#shared/ipc/contract';
import type { AppBridge, EventPayload, RequestInput, RequestOutput } from '#shared/ipc/contract';
import type { ErrorShape, Result } from '#shared/errors';

type Handler<N extends RequestName> = (
  input: RequestInput<N>,
) => RequestOutput<N> | Promise<RequestOutput<N>>;
export type FakeHandlers = { [N in RequestName]?: Handler<N> };

/** Thrown by a fake handler to answer `ok: false` with this error, as the real dispatch does. */
export class FakeFailure extends Error {
  constructor(readonly shape: ErrorShape) {
    super(shape.message);
  }
}

export interface FakeBridge extends AppBridge {
  calls: Array<{ name: RequestName; input: unknown }>;
  callsTo<N extends RequestName>(name: N): RequestInput<N>[];
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
}

/** A stand-in for the host bridge that answers from the handlers a test gives it. */
export function createFakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: FakeBridge['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    calls,
    callsTo<N extends RequestName>(name: N) {
      return calls
        .filter((call) => call.name === name)
        .map((call) => call.input as RequestInput<N>);
    },
    async invoke<N extends RequestName>(name: N, input: RequestInput<N>) {
      calls.push({ name, input });
      const handler = handlers[name] as Handler<N> | undefined;
      if (!handler) {
        return {
          ok: false,
          error: { code: 'bad_request', message: `No fake handler for ${name}.` },
        } as Result<RequestOutput<N>>;
      }
      try {
        return { ok: true, value: await handler(input) } as Result<RequestOutput<N>>;
      } catch (error) {
        if (error instanceof FakeFailure) return { ok: false, error: error.shape };
        throw error;
      }
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  };
}
