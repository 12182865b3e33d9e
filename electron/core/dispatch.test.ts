import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { requestNames } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/contract';
import { createTestCore, memoryLogger, type TestCore } from '../../tests/fixtures/test-core';
import { createDispatch } from './dispatch';

const failing = (error: unknown) => () => {
  throw error;
};

describe('dispatch, the single door', () => {
  const logger = memoryLogger();
  const handlers = Object.fromEntries(
    requestNames.map((name) => [name, failing(new Error('not used'))]),
  ) as unknown as Handlers;

  it('answers an unknown request name with bad_request', async () => {
    const dispatch = createDispatch(handlers, logger);
    expect(await dispatch('societies.drop', {})).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'There is no request called "societies.drop".' },
    });
  });

  it('refuses invalid input before the handler runs, naming the field', async () => {
    let ran = false;
    const dispatch = createDispatch(
      { ...handlers, 'societies.get': () => ((ran = true), undefined as never) },
      logger,
    );
    const result = await dispatch('societies.get', { id: 'not-an-id' });
    expect(ran).toBe(false);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid_input', fields: { id: expect.any(String) } }),
    });
  });

  it('passes an AppError through with its code and message', async () => {
    const dispatch = createDispatch(
      { ...handlers, 'app.info': failing(new AppError('conflict', 'Saved by someone else.')) },
      logger,
    );
    expect(await dispatch('app.info', {})).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Saved by someone else.' },
    });
  });

  it('turns anything else into internal, logs the stack and never sends it', async () => {
    const dispatch = createDispatch(
      { ...handlers, 'app.info': failing(new TypeError('secret detail at /home/x')) },
      logger,
    );
    const result = await dispatch('app.info', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.not.stringContaining('secret') },
    });
    expect(logger.events.at(-1)).toEqual(
      expect.objectContaining({
        level: 'error',
        event: 'dispatch.internal_error',
        fields: expect.objectContaining({ error: expect.stringContaining('secret detail') }),
      }),
    );
  });
});

describe('random payloads to every request', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = createTestCore({ demoSocieties: 40 });
  });
  afterAll(() => core.dispose());

  it('never crash the backend and never change the database', async () => {
    const changesBefore = (
      core.services.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }
    ).n;
    const countsBefore = core.services.sqlite
      .prepare('SELECT (SELECT count(*) FROM societies) AS s, (SELECT count(*) FROM outbox) AS o')
      .get();
    const payload = fc.oneof(
      fc.anything(),
      fc.record({ society: fc.dictionary(fc.string(), fc.anything()) }),
      fc.record({ id: fc.uuid(), baseVersion: fc.integer(), fields: fc.object() }),
      fc.record({ query: fc.string(), limit: fc.integer(), filter: fc.object() }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...requestNames, 'nope', '__proto__', ''),
        payload,
        async (name, input) => {
          const result = await core.dispatch(name, input);
          if (!result.ok) expect(result.error.code).not.toBe('internal');
          // reads may succeed; nothing may be written
          if (name === 'societies.create' || name === 'societies.update')
            expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
    const changesAfter = (
      core.services.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }
    ).n;
    expect(changesAfter).toBe(changesBefore);
    expect(
      core.services.sqlite
        .prepare('SELECT (SELECT count(*) FROM societies) AS s, (SELECT count(*) FROM outbox) AS o')
        .get(),
    ).toEqual(countsBefore);
  });
});
