import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BridgeSession } from './api';
import { stop, waitForUrl } from './processes';
import { e2eUsers, TEMPORARY_PASSWORD } from './users';

const root = resolve(import.meta.dirname, '..', '..');

/**
 * Starts the browser bridge on a fresh data folder (300 demo societies) and a free port,
 * creates the officers of users.ts through the real API, and hands the address to the
 * tests. Returns the teardown that stops it.
 */
// eslint-disable-next-line no-restricted-syntax -- Playwright loads globalSetup from its default export
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('The renderer build (electron-vite build) failed.');
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'registry-e2e-'));
  const bridge = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'electron', 'web-bridge', 'cli.ts'),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--demo-count',
      '300',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );

  try {
    const url = await waitForUrl(bridge);
    await createUsers(url);
    process.env['E2E_BASE_URL'] = url;
  } catch (error) {
    bridge.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return async () => {
    await stop(bridge);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * First start: the administrator by `auth.setup`; everyone else by `users.create` with a
 * temporary password, then one sign-in each to choose their own (as a new officer would).
 */
async function createUsers(baseUrl: string): Promise<void> {
  const admin = new BridgeSession(baseUrl);
  const reference = await admin.invoke<{ offices: { id: string; code: string }[] }>(
    'reference.get',
  );
  const officeId = (code: string) => {
    const office = reference.offices.find((candidate) => candidate.code === code);
    if (!office) throw new Error(`No office with code ${code} in the reference data.`);
    return office.id;
  };
  const first = e2eUsers.administrator;
  await admin.invoke('auth.setup', {
    username: first.username,
    fullName: first.fullName,
    officeId: officeId(first.officeCode),
    password: first.password,
  });
  const others = Object.values(e2eUsers).filter((user) => user !== first);
  for (const user of others) {
    await admin.invoke('users.create', {
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      officeId: officeId(user.officeCode),
      temporaryPassword: TEMPORARY_PASSWORD,
    });
  }
  await Promise.all(
    others.map(async (user) => {
      const session = new BridgeSession(baseUrl);
      await session.invoke('auth.login', {
        username: user.username,
        password: TEMPORARY_PASSWORD,
      });
      await session.invoke('auth.changePassword', {
        currentPassword: TEMPORARY_PASSWORD,
        newPassword: user.password,
      });
      await session.invoke('auth.logout');
    }),
  );
  await admin.invoke('auth.logout');
}
