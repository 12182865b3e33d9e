import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ElectronApplication, Page } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '#shared/security/content-security-policy';

// Electron smoke tests (architecture.md §8): the real shell in a real window, driven by
// Playwright's `_electron`. They need an Electron binary, which the electron package
// downloads on first use; where that is impossible they are skipped with one message.
// They run in vitest's node project (`npx vitest run tests/electron`), not under Playwright
// Test, so they share the unit tests' runner and report.

const root = join(import.meta.dirname, '..', '..');
// Found the same way `npm start` finds it, without importing `electron` (which would
// start the download). A variable specifier keeps TypeScript from wanting types for it.
const startScript = pathToFileURL(join(root, 'scripts', 'start.mjs')).href;
const { findElectronBinary } = (await import(startScript)) as {
  findElectronBinary: (projectRoot: string, env?: NodeJS.ProcessEnv) => string | null;
};

const electronBinary = findElectronBinary(root);
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
const skipReason = !electronBinary
  ? 'No Electron binary on this machine (it cannot be downloaded here); Electron smoke tests skipped.'
  : !hasDisplay
    ? 'No display to open an Electron window on (run under xvfb-run); Electron smoke tests skipped.'
    : null;
if (skipReason) console.warn(skipReason);

describe('findElectronBinary', () => {
  let project: string;
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'electron-binary-'));
    mkdirSync(join(project, 'node_modules', 'electron', 'dist'), { recursive: true });
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('finds the binary the electron package recorded in path.txt', () => {
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    writeFileSync(join(project, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(project, {})).toBe(
      join(project, 'node_modules', 'electron', 'dist', 'electron'),
    );
  });

  it('finds nothing when the package was installed but the binary never downloaded', () => {
    expect(findElectronBinary(project, {})).toBeNull();
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(project, {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const dist = join(project, 'custom');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary(project, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(
      join(dist, 'electron'),
    );
  });
});

/** What the smoke tests touch in the renderer; the node tsconfig has no DOM types. */
interface RendererGlobals {
  app: Record<string, unknown> & {
    invoke(
      name: string,
      input: unknown,
    ): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  };
  location: { href: string };
  open(url: string): unknown;
  document: {
    createElement(tag: 'script'): { textContent: string };
    head: { append(node: unknown): void };
  };
  inlineScriptRan?: boolean;
}

describe.skipIf(skipReason !== null)('the Electron shell', () => {
  let app: ElectronApplication;
  let page: Page;
  let userDataHome: string;
  const appVersion = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;

  beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(build.status, build.stderr).toBe(0);

    // A fresh userData (and so a fresh register) per run: Electron derives it from these.
    userDataHome = mkdtempSync(join(tmpdir(), 'registry-smoke-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env))
      if (value !== undefined) env[key] = value;
    delete env['ELECTRON_RUN_AS_NODE'];
    Object.assign(env, {
      XDG_CONFIG_HOME: userDataHome,
      APPDATA: userDataHome,
      HOME: userDataHome,
    });

    const { _electron } = await import('@playwright/test');
    app = await _electron.launch({
      executablePath: electronBinary as string,
      // Chromium refuses to start as root with its sandbox; `sandbox: true` still keeps Node out.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      cwd: root,
      env,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (userDataHome) rmSync(userDataHome, { recursive: true, force: true });
  });

  it('opens one visible window on app://renderer/index.html', async () => {
    expect(page.url()).toMatch(/^app:\/\/renderer\/index\.html/u);
    const state = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      return { count: windows.length, minimumSize: windows[0]?.getMinimumSize() };
    });
    expect(state).toEqual({ count: 1, minimumSize: [1024, 640] });
    // Shown on ready-to-show, a moment after the page loads.
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible()),
      )
      .toBe(true);
  });

  it('gives the page window.app with exactly invoke and on', async () => {
    const shape = await page.evaluate(() => {
      const bridge = (globalThis as unknown as RendererGlobals).app;
      return {
        keys: Object.keys(bridge).sort(),
        invoke: typeof bridge['invoke'],
        on: typeof bridge['on'],
      };
    });
    expect(shape).toEqual({ keys: ['invoke', 'on'], invoke: 'function', on: 'function' });
  });

  it('leaves the page without require, process or module', async () => {
    const types = await page.evaluate(() => {
      const globals = globalThis as unknown as Record<string, unknown>;
      return [
        typeof globals['require'],
        typeof globals['process'],
        typeof globals['module'],
        typeof globals['Buffer'],
      ];
    });
    expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('answers our page through the backend', async () => {
    const result = await page.evaluate(() =>
      (globalThis as unknown as RendererGlobals).app.invoke('app.info', {}),
    );
    expect(result).toMatchObject({ ok: true, value: { appVersion } });
  });

  it('sends the CSP header and enforces it on inline script', async () => {
    const header = await page.evaluate(async () => {
      const response = await fetch('app://renderer/index.html');
      return response.headers.get('content-security-policy');
    });
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    const ran = await page.evaluate(async () => {
      const renderer = globalThis as unknown as RendererGlobals;
      const script = renderer.document.createElement('script');
      script.textContent = 'globalThis.inlineScriptRan = true';
      renderer.document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return renderer.inlineScriptRan === true;
    });
    expect(ran).toBe(false);
  });

  it('serves nothing outside the renderer build', async () => {
    const statuses = await page.evaluate(async () => {
      const urls = [
        'app://renderer/..%2f..%2fpackage.json',
        'app://renderer/%2e%2e/%2e%2e/package.json',
      ];
      return Promise.all(urls.map(async (url) => (await fetch(url)).status));
    });
    for (const status of statuses) expect([403, 404]).toContain(status);
  });

  it('blocks navigation to https://example.com and window.open', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as RendererGlobals).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1_000);
    expect(page.url()).toMatch(/^app:\/\/renderer\//u);
    const opened = await page.evaluate(() =>
      (globalThis as unknown as RendererGlobals).open('https://example.com/'),
    );
    expect(opened).toBeNull();
    expect(app.windows()).toHaveLength(1);
  });

  it('refuses a request from a page that is not our app:// document', async () => {
    const preload = join(root, 'out', 'preload', 'index.cjs');
    const opened = app.waitForEvent('window');
    await app.evaluate(({ BrowserWindow }, preloadFile) => {
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          preload: preloadFile,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
        },
      });
      void window.loadURL('data:text/html,<title>not the registry</title>');
    }, preload);
    const foreign = await opened;
    await foreign.waitForLoadState('domcontentloaded');
    const result = await foreign.evaluate(() =>
      (globalThis as unknown as RendererGlobals).app.invoke('app.info', {}),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await foreign.close();
  });
});
