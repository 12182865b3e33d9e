import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestCore,
  TEST_PASSWORD,
  type TestCore,
  failure,
} from '../../../tests/fixtures/test-core';

let core: TestCore;
let officeId: string;

beforeEach(async () => {
  core = createTestCore();
  officeId = (await core.call('reference.get', {})).offices.find((o) => o.code === 'AIZ')!.id;
});
afterEach(() => core.dispose());

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
