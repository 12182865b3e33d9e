import type { z } from 'zod';
import { AppError, toErrorShape, type FieldErrors, type Result } from '#shared/errors';
import { isRequestName } from '#shared/ipc/contract';
import type { Access } from '#shared/auth/roles';
import { contract, type Caller, type Handlers } from '#shared/ipc/contract';
import { type SessionUser } from '#shared/auth/contract';
import { rewordWrongPassword, wrongPasswordField } from './auth/wrong-password';
import type { Logger } from './ports';

/** Handlers slower than this are logged: candidates for a worker (architecture.md §3). */
const SLOW_HANDLER_MS = 16;

/** What the transport knows about who is calling: its own session id, never a credential. */
export interface CallContext {
  /** One per Electron window or browser-mode cookie; the backend keeps the sign-in under it. */
  sessionId: string;
}

export type Dispatch = (
  name: unknown,
  input: unknown,
  context: CallContext,
) => Promise<Result<unknown>>;

/** What dispatch needs from the sign-in service. */
export interface SessionGate {
  sessionState(
    sessionId: string,
  ): { user: SessionUser; locked: boolean; mustChangePassword: boolean } | null;
  touch(sessionId: string): void;
  checkPassword(userId: string, password: string): Promise<void>;
}

/** Requests that only read the session: they must not count as the user being active. */
const PASSIVE_REQUESTS = new Set(['auth.status', 'app.info']);

/**
 * The single door to the backend (architecture.md §2): unknown name → `bad_request`; a
 * caller the request's `access` does not admit → `unauthenticated`, `session_locked`,
 * `password_change_required` or `forbidden` (deny by default); input failing its schema →
 * `invalid_input` naming each field, before any handler runs, so the database is
 * untouched; a request marked `confirmPassword` checks `input.password` first; `AppError`
 * → its code and message; anything else → `internal`, logged here in full and never sent
 * with a stack.
 */
export function createDispatch(handlers: Handlers, logger: Logger, gate: SessionGate): Dispatch {
  return async (name, input, context) => {
    if (!isRequestName(name)) {
      return {
        ok: false,
        error: {
          code: 'bad_request',
          message: `There is no request called "${String(name).slice(0, 80)}".`,
        },
      };
    }
    const spec = contract.requests[name] as { access: Access; confirmPassword?: true };
    const state = gate.sessionState(context.sessionId);
    const refusal = accessRefusal(spec.access, state);
    if (refusal) {
      logger.info('dispatch.refused', {
        request: name,
        code: refusal.code,
        userId: state?.user.id ?? null,
      });
      return { ok: false, error: refusal };
    }
    const parsed = contract.requests[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      const messages = [...new Set(Object.values(fields))];
      const message =
        messages.length === 1
          ? (messages[0] as string)
          : `${messages.length} fields need attention: ${messages.join(' ')}`;
      return { ok: false, error: { code: 'invalid_input', message, fields } };
    }
    const started = performance.now();
    const caller: Caller = { sessionId: context.sessionId, user: state?.user ?? null };
    try {
      if (!PASSIVE_REQUESTS.has(name)) gate.touch(context.sessionId);
      let current = caller;
      if (spec.confirmPassword && state) {
        const { password } = parsed.data as { password: string };
        await gate
          .checkPassword(state.user.id, password)
          .catch(rewordWrongPassword(wrongPasswordField('password')));
        // The check took a while: a deactivation or change of role meanwhile must count.
        const after = gate.sessionState(context.sessionId);
        const late = accessRefusal(spec.access, after);
        if (late) return { ok: false, error: late };
        current = { sessionId: context.sessionId, user: after?.user ?? null };
      }
      const handler = handlers[name] as (input: unknown, caller: Caller) => unknown;
      const value = await handler(parsed.data, current);
      const ms = performance.now() - started;
      if (ms > SLOW_HANDLER_MS)
        logger.warn('dispatch.slow_handler', { request: name, ms: Math.round(ms) });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        logger.info('dispatch.refused', {
          request: name,
          code: error.code,
          userId: state?.user.id ?? null,
        });
      } else {
        logger.error('dispatch.internal_error', {
          request: name,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
      return { ok: false, error: toErrorShape(error) };
    }
  };
}

/** Why `access` does not admit this caller, or null when it does. */
function accessRefusal(
  access: Access,
  state: ReturnType<SessionGate['sessionState']>,
): {
  code: 'unauthenticated' | 'session_locked' | 'password_change_required' | 'forbidden';
  message: string;
} | null {
  if (access === 'public') return null;
  if (!state) return { code: 'unauthenticated', message: 'Sign in first.' };
  if (access === 'session') return null;
  if (state.locked) {
    return {
      code: 'session_locked',
      message: 'The screen is locked. Enter your password to go on.',
    };
  }
  if (state.mustChangePassword) {
    return {
      code: 'password_change_required',
      message: 'Choose a new password before you go on.',
    };
  }
  if (!access.includes(state.user.role)) {
    return { code: 'forbidden', message: 'Your role does not allow this.' };
  }
  return null;
}

/**
 * Zod issues → field path → message. Paths name the record's own fields (`regNo`), not
 * the request envelope (`society.regNo`), so the form can put each message next to its field.
 */
function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (path[0] === 'society' || path[0] === 'fields') path.shift();
    const key = path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
