import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../../tests/fixtures/test-core';
import { createBrowserFiles } from './files';
import { injectBridge, resolveStaticFile, startWebBridge, type WebBridge } from './server';

let core: TestCore;
let bridge: WebBridge;
let rendererDir: string;

beforeAll(async () => {
  core = createTestCore();
  rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  bridge = await startWebBridge({ core, rendererDir, port: 0 });
});
afterAll(async () => {
  await bridge.close();
  core.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Raw HTTP so the Host and Origin headers are exactly what a test says. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const url = new URL(bridge.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path,
          method: options.method ?? 'GET',
          headers: { host: url.host, ...options.headers },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );
}
const invoke = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  send('/__invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-registry-bridge': '1', ...headers },
    body: JSON.stringify({ name, input }),
  });

describe('browser mode bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer with the bridge script injected before the app and a strict CSP', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body.indexOf('/__bridge.js')).toBeLessThan(page.body.indexOf('/assets/app.js'));
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send('/__bridge.js')).body).toContain("'app'");
  });

  it('answers requests over the same contract as Electron', async () => {
    const response = await invoke('app.info', {});
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: expect.objectContaining({ stateName: 'Mizoram' }),
    });
    const bad = await invoke('auth.login', { username: 'x' });
    expect(JSON.parse(bad.body).error.code).toBe('invalid_input');
  });

  it('keeps the sign-in in the backend under an HttpOnly cookie the page cannot read', async () => {
    const first = await invoke('societies.list', {});
    expect(JSON.parse(first.body).error.code).toBe('unauthenticated');
    const setCookie = String(first.headers['set-cookie']);
    const port = new URL(bridge.url).port;
    expect(setCookie).toMatch(
      new RegExp(`^registry_session_${port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    const cookie = setCookie.split(';')[0] as string;
    await core.signInAs('clerk', { sessionId: cookie.split('=')[1] as string });
    const signedIn = await invoke('societies.list', {}, { cookie });
    expect(JSON.parse(signedIn.body)).toMatchObject({ ok: true, value: { total: 0 } });
    expect(signedIn.headers['set-cookie']).toBeUndefined();
    // Another browser (no cookie, or a made-up one) is not signed in.
    const stranger = await invoke(
      'societies.list',
      {},
      { cookie: `registry_session_${port}=${'x'.repeat(43)}` },
    );
    expect(JSON.parse(stranger.body).error.code).toBe('unauthenticated');
  });

  it('gives a new session id at sign-in, so an id planted beforehand never signs anyone in', async () => {
    const port = new URL(bridge.url).port;
    await core.signInAs('registrar', { sessionId: 'make-the-user' });
    const planted = `registry_session_${port}=${'p'.repeat(43)}`;
    const login = await invoke(
      'auth.login',
      { username: 'test.registrar', password: TEST_PASSWORD },
      { cookie: planted },
    );
    expect(JSON.parse(login.body)).toMatchObject({
      ok: true,
      value: { session: { user: { role: 'registrar' } } },
    });
    const fresh = String(login.headers['set-cookie']).split(';')[0] as string;
    expect(fresh).toMatch(new RegExp(`^registry_session_${port}=[A-Za-z0-9_-]{43}$`));
    expect(fresh).not.toBe(planted);
    const withPlanted = await invoke('auth.status', {}, { cookie: planted });
    expect(JSON.parse(withPlanted.body).value.session).toBeNull();
    const withFresh = await invoke('auth.status', {}, { cookie: fresh });
    expect(JSON.parse(withFresh.body).value.session.user.username).toBe('test.registrar');
  });

  it('refuses a Host header that is not the loopback address (DNS rebinding)', async () => {
    const response = await send('/', { headers: { host: 'evil.example:80' } });
    expect(response.status).toBe(421);
  });

  it('refuses calls from another origin or without the bridge header', async () => {
    expect((await invoke('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const plain = await send('/__invoke', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"app.info"}',
    });
    expect(plain.status).toBe(403);
  });

  it('refuses paths that leave the renderer folder', async () => {
    expect((await send('/..%2f..%2fetc%2fpasswd.txt')).status).toBe(403);
    expect(resolveStaticFile('/srv/app', '/../../etc/passwd.txt')).toBe('forbidden');
    expect(resolveStaticFile('/srv/app', '/assets/app.js')).toBe('/srv/app/assets/app.js');
    expect(resolveStaticFile('/srv/app', '/societies/123')).toBeNull();
  });

  it('injects the bridge into a page without scripts too', () => {
    expect(injectBridge('<html><head></head></html>')).toContain(
      '<script src="/__bridge.js"></script></head>',
    );
  });
});

describe('files the core presents in browser mode', () => {
  it('are served under an unguessable path, and nothing else is', async () => {
    const files = createBrowserFiles();
    const withFiles = await startWebBridge({ core, rendererDir, port: 0, files });
    try {
      const pdf = join(rendererDir, 'RC-AIZ-2026-27-000001.pdf');
      writeFileSync(pdf, '%PDF-1.7 test');
      const { url } = await files.host.presentFile(pdf);
      expect(url).toMatch(/^\/__files\/[\w-]{22}\/RC-AIZ-2026-27-000001\.pdf$/);
      const served = await fetch(new URL(url!, withFiles.url));
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      expect(await served.text()).toBe('%PDF-1.7 test');
      const guessed = await fetch(
        new URL('/__files/AAAAAAAAAAAAAAAAAAAAAA/RC-AIZ-2026-27-000001.pdf', withFiles.url),
      );
      expect(guessed.status).toBe(404);
    } finally {
      await withFiles.close();
    }
  });
});
