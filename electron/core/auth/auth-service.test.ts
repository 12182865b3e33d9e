import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestCore,
  FIXED_NOW,
  TEST_HASHING,
  TEST_PASSWORD,
  type TestCore,
  failure,
} from '../../../tests/fixtures/test-core';
import { PasswordHasher, PRODUCTION_HASHING } from './password-hasher';

/** A clock the test moves by hand. */
function movableClock() {
  let now = FIXED_NOW.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

let core: TestCore;
let clock: ReturnType<typeof movableClock>;
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
    expect(core.services.auth.listUsers()).toHaveLength(1);
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

describe('the login screen', () => {
  it('learns neither the data folder nor figures of the register before sign-in', async () => {
    expect(await core.call('app.info', {}, 'stranger')).toMatchObject({
      dataDir: null,
      societyCount: null,
      stateName: 'Mizoram',
    });
    await core.signInAs('clerk', { sessionId: 'clerk' });
    expect(await core.call('app.info', {}, 'clerk')).toMatchObject({
      dataDir: core.dataDir,
      societyCount: 0,
    });
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

  it('locks the screen after the idle minutes, keeps the session, and unlocks with the password', async () => {
    await core.call('auth.login', { username: 'test.clerk', password: TEST_PASSWORD });
    clock.advance(9 * 60_000);
    expect((await core.call('societies.list', {})).total).toBe(0);
    clock.advance(9 * 60_000); // 9 minutes after the last request: still open
    expect((await core.call('auth.status', {})).session?.locked).toBe(false);
    clock.advance(60_000);
    expect((await core.call('auth.status', {})).session?.locked).toBe(true);
    expect((await failure(core.call('societies.list', {}))).code).toBe('session_locked');
    expect((await failure(core.call('auth.unlock', { password: 'wrong' }))).code).toBe(
      'unauthenticated',
    );
    const unlocked = await core.call('auth.unlock', { password: TEST_PASSWORD });
    expect(unlocked.session).toMatchObject({ locked: false, user: { username: 'test.clerk' } });
    expect((await core.call('societies.list', {})).total).toBe(0);
  });

  it('uses the idle minutes the administrator set', async () => {
    await core.signInAs('administrator', { sessionId: 'admin', username: 'test.administrator' });
    await core.call('settings.update', { idleLockMinutes: 2 }, 'admin');
    await core.call('auth.login', { username: 'test.clerk', password: TEST_PASSWORD });
    clock.advance(2 * 60_000);
    expect((await core.call('auth.status', {})).session).toMatchObject({
      locked: true,
      idleLockMinutes: 2,
    });
  });
});

describe('administering users', () => {
  let admin: string;
  beforeEach(async () => {
    admin = 'admin';
    await core.signInAs('administrator', { sessionId: admin, username: 'test.administrator' });
  });

  it('adds a user who must change the temporary password before anything else', async () => {
    const user = await core.call(
      'users.create',
      {
        username: 'Lalremi',
        fullName: 'Lalremruati',
        role: 'registrar',
        officeId,
        temporaryPassword: 'first day password',
      },
      admin,
    );
    expect(user).toMatchObject({
      username: 'lalremi',
      role: 'registrar',
      active: true,
      mustChangePassword: true,
    });
    const status = await core.call(
      'auth.login',
      { username: 'lalremi', password: 'first day password' },
      'w',
    );
    expect(status.session?.mustChangePassword).toBe(true);
    expect((await failure(core.call('societies.list', {}, 'w'))).code).toBe(
      'password_change_required',
    );
    const same = await failure(
      core.call(
        'auth.changePassword',
        { currentPassword: 'first day password', newPassword: 'first day password' },
        'w',
      ),
    );
    expect(same.fields?.['newPassword']).toBe('Choose a password different from the current one.');
    await core.call(
      'auth.changePassword',
      { currentPassword: 'first day password', newPassword: 'my own new password' },
      'w',
    );
    expect((await core.call('societies.list', {}, 'w')).total).toBe(0);
  });

  it('refuses a user name already taken', async () => {
    await core.signInAs('clerk', { sessionId: 'c' });
    const error = await failure(
      core.call(
        'users.create',
        {
          username: 'test.clerk',
          fullName: 'X',
          role: 'clerk',
          officeId,
          temporaryPassword: 'long enough one',
        },
        admin,
      ),
    );
    expect(error.fields?.['username']).toBe('The user name test.clerk is already taken.');
  });

  it('deactivates a user: their session ends and they cannot sign in', async () => {
    const clerk = await core.signInAs('clerk', { sessionId: 'c' });
    await core.call('users.setActive', { id: clerk.id, active: false }, admin);
    expect((await core.call('auth.status', {}, 'c')).session).toBeNull();
    const error = await failure(
      core.call('auth.login', { username: 'test.clerk', password: TEST_PASSWORD }, 'c'),
    );
    expect(error).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/deactivated/),
    });
    await core.call('users.setActive', { id: clerk.id, active: true }, admin);
    expect(
      (await core.call('auth.login', { username: 'test.clerk', password: TEST_PASSWORD }, 'c'))
        .session,
    ).not.toBeNull();
  });

  it('resets a password: the lockout clears and a change is due at next sign-in', async () => {
    const clerk = await core.signInAs('clerk', { sessionId: 'c' });
    for (let i = 0; i < 6; i += 1) {
      await failure(core.call('auth.login', { username: 'test.clerk', password: 'guess' }, 'x'));
    }
    await core.call(
      'users.resetPassword',
      { id: clerk.id, temporaryPassword: 'reset by admin 1' },
      admin,
    );
    expect((await core.call('auth.status', {}, 'c')).session).toBeNull();
    const status = await core.call(
      'auth.login',
      { username: 'test.clerk', password: 'reset by admin 1' },
      'c',
    );
    expect(status.session?.mustChangePassword).toBe(true);
  });

  it('writes every user change to the record of changes, never a password', async () => {
    const clerk = await core.signInAs('clerk', { sessionId: 'c' });
    await core.call(
      'users.resetPassword',
      { id: clerk.id, temporaryPassword: 'reset by admin 1' },
      admin,
    );
    const users = await core.call('changes.list', { entity: 'user' }, admin);
    const passwords = await core.call('changes.list', { entity: 'user_password' }, admin);
    expect(users.entries.map((entry) => entry.action)).toContain('user.create');
    expect(passwords.entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['user.setPassword', 'user.changePassword', 'user.resetPassword']),
    );
    const stored = JSON.stringify(core.services.sqlite.prepare('SELECT * FROM audit_trail').all());
    expect(stored).not.toContain('reset by admin 1');
    expect(stored).not.toContain(TEST_PASSWORD);
    expect(stored).not.toContain('$argon2id');
  });
});

describe('password hashing', () => {
  it('stores argon2id at the production cost, with its parameters', async () => {
    const hasher = new PasswordHasher(PRODUCTION_HASHING);
    const stored = await hasher.hash('a long enough secret');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    expect(await hasher.verify(stored, 'a long enough secret')).toBe(true);
    expect(await hasher.verify(stored, 'a long enough secreT')).toBe(false);
    expect(await hasher.verify('not a hash', 'anything')).toBe(false);
    expect(hasher.needsRehash(stored)).toBe(false);
  });

  it('rehashes at sign-in when the cost has changed since the password was set', async () => {
    await core.signInAs('clerk', { sessionId: 'c' });
    const hashOf = () =>
      (
        core.services.sqlite
          .prepare(
            "SELECT password_hash AS h FROM user_passwords p JOIN users u ON u.id = p.user_id WHERE u.username = 'test.clerk'",
          )
          .get() as { h: string }
      ).h;
    expect(hashOf()).toMatch(/m=1024,t=1,p=1/);
    core.close();
    const stronger = { ...TEST_HASHING, timeCost: 2 };
    const reopened = createTestCore({ dataDir: core.dataDir, passwordHashing: stronger, clock });
    core = reopened;
    await core.call('auth.login', { username: 'test.clerk', password: TEST_PASSWORD }, 'c');
    expect(hashOf()).toMatch(/m=1024,t=2,p=1/);
  });
});
