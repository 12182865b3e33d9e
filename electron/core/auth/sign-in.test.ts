import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createTestCore,
  TEST_HASHING,
  TEST_PASSWORD,
  type TestCore,
  failure,
  movableClock,
  type MovableClock,
} from '../../../tests/fixtures/test-core';
import { PasswordHasher } from './password-hasher';

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

  /** Wrong tries under one name, waiting out each lockout: what a stranger sees, in order. */
  async function wrongTries(username: string) {
    const answers: { code: string; message: string }[] = [];
    for (const waitMs of [0, 0, 0, 0, 0, 0, 31_000, 0, 61_000, 121_000]) {
      clock.advance(waitMs);
      const { code, message } = await failure(
        core.call('auth.login', { username, password: 'guess' }),
      );
      answers.push({ code, message });
    }
    return answers;
  }

  it('answers an unknown name exactly as a real one, wrong try after wrong try', async () => {
    const known = await wrongTries('test.clerk');
    const unknown = await wrongTries('nobody.here');
    expect(unknown).toEqual(known);
    // The lockout holds for the unknown name too (and a real name's warning is not a tell).
    expect(unknown[3]?.message).toMatch(/One more wrong try/);
    expect(unknown[4]).toEqual({
      code: 'too_many_attempts',
      message: 'Too many wrong passwords. This account waits 30 seconds before the next try.',
    });
    expect(unknown[5]?.code).toBe('too_many_attempts');
    expect(unknown[6]?.message).toMatch(/waits 60 seconds/);
    // The name is counted however it is typed, as a real one is.
    const retyped = await failure(
      core.call('auth.login', { username: ' Nobody.Here ', password: 'guess' }),
    );
    expect(retyped.code).toBe('too_many_attempts');
  });

  it('spends a full password check on an unknown name, so the time does not tell', async () => {
    const verify = vi.spyOn(PasswordHasher.prototype, 'verify');
    try {
      await wrongTries('test.clerk');
      const knownChecks = verify.mock.calls.length;
      verify.mockClear();
      await wrongTries('nobody.here');
      // As many checks as for the real name (none while the name waits, as for a real one)…
      expect(verify.mock.calls).toHaveLength(knownChecks);
      // …each against a hash of today's cost, so each takes as long as a real one.
      const hasher = new PasswordHasher(TEST_HASHING);
      for (const [stored] of verify.mock.calls) expect(hasher.needsRehash(stored)).toBe(false);
    } finally {
      verify.mockRestore();
    }
  });

  it('counts parallel guesses at an unknown name one by one, as at a real one', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () =>
        failure(core.call('auth.login', { username: 'nobody.here', password: 'guess' })),
      ),
    );
    const codes = guesses.map((error) => error.code);
    expect(codes.filter((code) => code === 'unauthenticated')).toHaveLength(4);
    expect(codes.filter((code) => code === 'too_many_attempts')).toHaveLength(16);
  });
});
