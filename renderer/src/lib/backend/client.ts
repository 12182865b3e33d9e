import type { EventName, RequestName } from '../../../../shared/ipc/channels';
import type {
  AppBridge,
  EventPayload,
  RequestInput,
  RequestOutput,
} from '../../../../shared/ipc/contract';
import type { ErrorCode, ErrorShape, FieldErrors } from '../../../../shared/errors';

/** `unreachable`: the transport itself failed (the backend process is gone or the bridge stopped). */
export type BackendErrorCode = ErrorCode | 'unreachable';

/** A failed request, as the UI sees it: the contract's error code, a clerk's sentence, and field reasons. */
export class BackendError extends Error {
  readonly code: BackendErrorCode;
  readonly fields: FieldErrors;

  constructor(code: BackendErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
    this.fields = fields ?? {};
  }

  static fromShape(shape: ErrorShape): BackendError {
    return new BackendError(shape.code, shape.message, shape.fields);
  }
}

export function isBackendError(error: unknown): error is BackendError {
  return error instanceof BackendError;
}

/** The typed client every screen uses; it never exposes the transport. */
export interface Backend {
  /** Resolves with the request's output, or rejects with a `BackendError`. */
  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  /** Subscribes to a backend event; returns the unsubscribe function. */
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

const UNREACHABLE_MESSAGE =
  'The registry backend did not answer. Check that the app is still running, then try again.';

export function createBackend(bridge: AppBridge): Backend {
  return {
    async call(name, input) {
      let result;
      try {
        result = await bridge.invoke(name, input);
      } catch {
        throw new BackendError('unreachable', UNREACHABLE_MESSAGE);
      }
      if (result.ok) return result.value;
      throw BackendError.fromShape(result.error);
    },
    on(name, listener) {
      return bridge.on(name, listener);
    },
  };
}

/**
 * The bridge the host installed: the Electron preload, or the browser bridge's script.
 * `undefined` when neither ran, so the app can say the backend is not connected.
 */
export function findHostBridge(): AppBridge | undefined {
  const candidate = (window as unknown as { app?: AppBridge }).app;
  return candidate && typeof candidate.invoke === 'function' ? candidate : undefined;
}
