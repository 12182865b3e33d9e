import type { EventName, RequestName } from '#shared/ipc/contract';
import type { AppBridge, EventPayload, RequestInput, RequestOutput } from '#shared/ipc/contract';
import type { ErrorCode, ErrorShape, FieldErrors } from '#shared/errors';

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
  /**
   * Hears every refusal that is about the sign-in rather than the request (the screen is
   * locked, nobody is signed in, a password change is due), so the app can show the lock or
   * the login screen wherever the request came from. `auth.*` requests are not reported:
   * their screens show their own answers.
   */
  onSessionProblem(listener: (code: SessionProblem, request: RequestName) => void): () => void;
}

export type SessionProblem = 'session_locked' | 'unauthenticated' | 'password_change_required';
const sessionProblems: readonly string[] = [
  'session_locked',
  'unauthenticated',
  'password_change_required',
] satisfies SessionProblem[];

const UNREACHABLE_MESSAGE =
  'The registry backend did not answer. Check that the app is still running, then try again.';

export function createBackend(bridge: AppBridge): Backend {
  const problemListeners = new Set<(code: SessionProblem, request: RequestName) => void>();
  return {
    async call(name, input) {
      let result;
      try {
        result = await bridge.invoke(name, input);
      } catch {
        throw new BackendError('unreachable', UNREACHABLE_MESSAGE);
      }
      if (result.ok) return result.value;
      const { code } = result.error;
      // A password checked again inside a request (an approval) is the request's own answer.
      if (sessionProblems.includes(code) && !name.startsWith('auth.')) {
        for (const listener of problemListeners) listener(code as SessionProblem, name);
      }
      throw BackendError.fromShape(result.error);
    },
    on(name, listener) {
      return bridge.on(name, listener);
    },
    onSessionProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
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
