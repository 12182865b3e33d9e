import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#shared/errors';
import { requestNames } from '#shared/ipc/contract';
import type { Handlers } from '#shared/ipc/contract';
import type { SessionUser } from '#shared/auth/contract';
import { createTestCore, memoryLogger, type TestCore } from '../../tests/fixtures/test-core';
import { createDispatch, type SessionGate } from './dispatch';

const CONTEXT = { sessionId: 's1' };
const clerk: SessionUser = {
  id: '01890000-0000-7000-8000-000000000001',
  username: 'lalremi',
  fullName: 'Lalremruati',
  role: 'clerk',
  officeId: '01890000-0000-7000-8000-000000000002',
  officeName: 'ARCS Aizawl',
};

/** A gate with a fixed sign-in state; `checkPassword` accepts only "right password". */
function gate(
  state: ReturnType<SessionGate['sessionState']> = {
    user: clerk,
    locked: false,
    mustChangePassword: false,
  },
): SessionGate {
  return {
    sessionState: () => state,
    touch: () => undefined,
    checkPassword: (_userId, password) =>
      password === 'right password'
        ? Promise.resolve()
        : Promise.reject(new AppError('unauthenticated', 'wrong')),
  };
}

const failing = (error: unknown) => () => {
  throw error;
};

describe('dispatch, the single door', () => {
  const logger = memoryLogger();
  const handlers = Object.fromEntries(
    requestNames.map((name) => [name, failing(new Error('not used'))]),
  ) as unknown as Handlers;

  it('answers an unknown request name with bad_request', async () => {
    const dispatch = createDispatch(handlers, logger, gate());
    expect(await dispatch('societies.drop', {}, CONTEXT)).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'There is no request called "societies.drop".' },
    });
  });

  it('refuses invalid input before the handler runs, naming the field', async () => {
    let ran = false;
    const dispatch = createDispatch(
      { ...handlers, 'societies.get': () => ((ran = true), undefined as never) },
      logger,
      gate(),
    );
    const result = await dispatch('societies.get', { id: 'not-an-id' }, CONTEXT);
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
      gate(),
    );
    expect(await dispatch('app.info', {}, CONTEXT)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Saved by someone else.' },
    });
  });

  it('turns anything else into internal, logs the stack and never sends it', async () => {
    const dispatch = createDispatch(
      { ...handlers, 'app.info': failing(new TypeError('secret detail at /home/x')) },
      logger,
      gate(),
    );
    const result = await dispatch('app.info', {}, CONTEXT);
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

describe('who may call what', () => {
  const logger = memoryLogger();
  const ran: string[] = [];
  const handlers = Object.fromEntries(
    requestNames.map((name) => [name, () => (ran.push(name), {})]),
  ) as unknown as Handlers;
  const someId = '01890000-0000-7000-8000-0000000000aa';

  it.each([
    ['nobody signed in', null, 'unauthenticated'],
    ['a locked screen', { user: clerk, locked: true, mustChangePassword: false }, 'session_locked'],
    [
      'a password change due',
      { user: clerk, locked: false, mustChangePassword: true },
      'password_change_required',
    ],
  ] as const)(
    'refuses register requests for %s, before reading the input',
    async (_label, state, code) => {
      ran.length = 0;
      const dispatch = createDispatch(handlers, logger, gate(state));
      const result = await dispatch('societies.get', { id: 'not even an id' }, CONTEXT);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code }) });
      expect(ran).toEqual([]);
    },
  );

  it('lets a locked or password-due session unlock, sign out or change the password', async () => {
    const dispatch = createDispatch(
      handlers,
      logger,
      gate({ user: clerk, locked: true, mustChangePassword: true }),
    );
    expect((await dispatch('auth.logout', {}, CONTEXT)).ok).toBe(true);
    expect((await dispatch('auth.unlock', { password: 'x' }, CONTEXT)).ok).toBe(true);
  });

  it('refuses a role the request does not list', async () => {
    const dispatch = createDispatch(handlers, logger, gate());
    expect(await dispatch('users.list', {}, CONTEXT)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Your role does not allow this.' },
    });
  });

  it('checks the password of a request that needs it before the handler runs', async () => {
    const registrar = { ...clerk, role: 'registrar' as const };
    const dispatch = createDispatch(
      handlers,
      logger,
      gate({ user: registrar, locked: false, mustChangePassword: false }),
    );
    ran.length = 0;
    const wrong = await dispatch(
      'statusOrders.decide',
      { id: someId, decision: 'approve', note: null, password: 'guess' },
      CONTEXT,
    );
    expect(wrong).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid_input',
        fields: { password: 'Your password is wrong.' },
      }),
    });
    expect(ran).toEqual([]);
    const right = await dispatch(
      'statusOrders.decide',
      { id: someId, decision: 'approve', note: null, password: 'right password' },
      CONTEXT,
    );
    expect(right.ok).toBe(true);
    expect(ran).toEqual(['statusOrders.decide']);
  });
});

describe('random payloads to every request', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = createTestCore({ demoSocieties: 40 });
    await core.signInAs('clerk', { sessionId: 'clerk' });
    await core.signInAs('administrator', { sessionId: 'admin', username: 'test.administrator' });
  });
  afterAll(() => core.dispose());

  // What a stray request could damage: the register, the outbox, the record of changes,
  // the users and the orders. (A wrong password may still count towards a lockout.)
  const snapshot = () =>
    core.services.sqlite
      .prepare(
        `SELECT (SELECT count(*) || ':' || total(version) FROM societies) AS societies,
                (SELECT count(*) FROM outbox) AS outbox,
                (SELECT count(*) FROM audit_trail) AS changes,
                (SELECT count(*) || ':' || total(version) FROM users) AS users,
                (SELECT count(*) FROM status_orders) AS orders`,
      )
      .get();

  it('never crash the backend and never change the database', async () => {
    const before = snapshot();
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
        fc.constantFrom('nobody', 'clerk', 'admin'),
        async (name, input, sessionId) => {
          const result = await core.dispatch(name, input, { sessionId });
          if (!result.ok) expect(result.error.code).not.toBe('internal');
          // reads may succeed (and a sync of a computer not enrolled); nothing may be written
          if (
            ![
              'auth.logout',
              'auth.lock',
              'auth.touch',
              'auth.status',
              'returns.closeCounter',
            ].includes(name)
          ) {
            if (
              !String(name).match(
                /^(app|reference|societies\.(search|list|get|history)|statusOrders\.list|users\.list|changes\.(list|verify)|applications\.(list|get)|names\.list|certificates\.(list|keys|verify)|documents\.list|returns\.(register|counts|get|ofSociety|nonFunctionalCandidates|export)|audits\.(register|counts|mine|auditors|get|ofSociety|overdueDefects|grades|rubrics)|sync\.(status|issues|now))\b/,
              )
            )
              expect(result.ok).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(snapshot()).toEqual(before);
  });
});
