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

beforeEach(() => {
  clock = movableClock();
  core = createTestCore({ clock });
});
afterEach(() => core.dispose());

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

describe('the idle lock', () => {
  beforeEach(async () => {
    await core.signInAs('clerk', { sessionId: 'setup' });
    await core.call('auth.logout', {}, 'setup');
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
