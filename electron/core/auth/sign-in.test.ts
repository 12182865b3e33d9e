import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestCore,
  TEST_PASSWORD,
  type TestCore,
  failure,
  movableClock,
  type MovableClock,
} from '../../../tests/fixtures/test-core';

let core: TestCore;
let clock: MovableClock;
let officeId: string;

beforeEach(async () => {
  clock = movableClock();
  core = createTestCore({ clock });
  officeId = (await core.call('reference.get', {})).offices.find((o) => o.code === 'AIZ')!.id;
});
afterEach(() => core.dispose());

describe('first start', () => {
  it('asks for an administrator account, and signs it in once made', async () => {
    expect(await core.call('auth.status', {}, 'w1')).toEqual({ setupNeeded: true, session: null });
    const status = await core.call(
      'auth.setup',
      { username: 'Zela', fullName: 'Zela Hmar', officeId, password: 'a long enough secret' },
      'w1',
    );
    expect(status.setupNeeded).toBe(false);
    expect(status.session).toMatchObject({
      user: { username: 'zela', fullName: 'Zela Hmar', role: 'administrator' },
      locked: false,
      mustChangePassword: false,
      idleLockMinutes: 10,
    });
  });

  it('refuses a second administrator through setup once one exists', async () => {
    await core.signInAs('administrator', { username: 'test.administrator' });
    const error = await failure(
      core.call(
        'auth.setup',
        { username: 'intruder', fullName: 'X', officeId, password: 'another long secret' },
        'w2',
      ),
    );
    expect(error.code).toBe('forbidden');
    expect(core.services.auth.users.listUsers()).toHaveLength(1);
  });

  it('refuses a short password and one containing the user name, saying why', async () => {
    const short = await failure(
      core.call('auth.setup', { username: 'zela', fullName: 'Z', officeId, password: 'short' }),
    );
    expect(short.fields?.['password']).toMatch(/at least 10 characters/);
    const named = await failure(
      core.call('auth.setup', {
        username: 'zela',
        fullName: 'Z',
        officeId,
        password: 'zela12345678',
      }),
    );
    expect(named.fields?.['password']).toBe('The password must not contain the user name.');
    expect((await core.call('auth.status', {})).setupNeeded).toBe(true);
  });
});

describe('signing in', () => {
  beforeEach(async () => {
    await core.signInAs('clerk', { sessionId: 'setup' });
    await core.call('auth.logout', {}, 'setup');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await failure(core.call('auth.login', { username: 'nobody', password: 'x' }));
    const wrong = await failure(core.call('auth.login', { username: 'test.clerk', password: 'x' }));
    expect(unknown).toMatchObject({
      code: 'unauthenticated',
      message: 'The user name or password is wrong.',
    });
    expect(wrong).toMatchObject({
      code: 'unauthenticated',
      message: 'The user name or password is wrong.',
    });
  });

  it('makes the account wait after 5 wrong passwords, longer each time', async () => {
    const attempt = () =>
      failure(core.call('auth.login', { username: 'test.clerk', password: 'guess' }));
    for (let i = 1; i <= 3; i += 1) expect((await attempt()).code).toBe('unauthenticated');
    expect((await attempt()).message).toMatch(/One more wrong try/);
    expect(await attempt()).toMatchObject({
      code: 'too_many_attempts',
      message: 'Too many wrong passwords. This account waits 30 seconds before the next try.',
    });
    // Even the right password waits.
    const waiting = await failure(
      core.call('auth.login', { username: 'test.clerk', password: TEST_PASSWORD }),
    );
    expect(waiting.code).toBe('too_many_attempts');
    clock.advance(31_000);
    expect((await attempt()).message).toMatch(/waits 60 seconds/);
    clock.advance(61_000);
    expect((await attempt()).message).toMatch(/waits 2 minutes/);
    clock.advance(121_000);
    const status = await core.call('auth.login', {
      username: 'test.clerk',
      password: TEST_PASSWORD,
    });
    expect(status.session?.user.username).toBe('test.clerk');
    // A good password clears the count: the next mistake is the first again.
    expect((await attempt()).code).toBe('unauthenticated');
  });

  it('counts guesses made in parallel one by one, so they reach the lockout too', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () =>
        failure(core.call('auth.login', { username: 'test.clerk', password: 'guess' })),
      ),
    );
    const codes = guesses.map((error) => error.code);
    expect(codes.filter((code) => code === 'unauthenticated')).toHaveLength(4);
    expect(codes.filter((code) => code === 'too_many_attempts')).toHaveLength(16);
  });
});
