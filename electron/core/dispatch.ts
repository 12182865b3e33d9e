import type { z } from 'zod';
import { AppError, toErrorShape, type FieldErrors, type Result } from '../../shared/errors';
import { isRequestName } from '../../shared/ipc/channels';
import { contract, type Handlers } from '../../shared/ipc/contract';
import type { Logger } from './ports';

/** Handlers slower than this are logged: candidates for a worker (architecture.md §3). */
const SLOW_HANDLER_MS = 16;

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The single door to the backend (architecture.md §2): unknown name → `bad_request`;
 * input failing its schema → `invalid_input` naming each field, before any handler runs,
 * so the database is untouched; `AppError` → its code and message; anything else →
 * `internal`, logged here in full and never sent with a stack.
 */
export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (name, input) => {
    if (!isRequestName(name)) {
      return {
        ok: false,
        error: {
          code: 'bad_request',
          message: `There is no request called "${String(name).slice(0, 80)}".`,
        },
      };
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
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const ms = performance.now() - started;
      if (ms > SLOW_HANDLER_MS)
        logger.warn('dispatch.slow_handler', { request: name, ms: Math.round(ms) });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        logger.info('dispatch.refused', { request: name, code: error.code });
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
