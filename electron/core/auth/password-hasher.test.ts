import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestCore,
  TEST_HASHING,
  TEST_PASSWORD,
  type TestCore,
} from '../../../tests/fixtures/test-core';
import { PasswordHasher, PRODUCTION_HASHING } from './password-hasher';

let core: TestCore;

beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.dispose());

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
    const reopened = createTestCore({ dataDir: core.dataDir, passwordHashing: stronger });
    core = reopened;
    await core.call('auth.login', { username: 'test.clerk', password: TEST_PASSWORD }, 'c');
    expect(hashOf()).toMatch(/m=1024,t=2,p=1/);
  });
});
