import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '#shared/security/content-security-policy';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isAppUrl,
  isInside,
  registerAppProtocol,
  resolveAppRequest,
} from './protocol';

const root = join(tmpdir(), 'renderer-root-that-is-never-read');

describe('resolveAppRequest', () => {
  it.each([
    ['app://renderer/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer/', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer/index.html?x=1#/societies/42', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer/assets/index-Bx1.js', 'assets/index-Bx1.js', 'text/javascript; charset=utf-8'],
    ['app://renderer/assets/index-Bx1.css', 'assets/index-Bx1.css', 'text/css; charset=utf-8'],
    ['app://renderer/assets/', 'assets/index.html', 'text/html; charset=utf-8'],
    ['app://renderer/fonts/NotoSans.WOFF2', 'fonts/NotoSans.WOFF2', 'font/woff2'],
    ['app://renderer/emblem.svg', 'emblem.svg', 'image/svg+xml'],
    ['app://renderer/a%20b.png', 'a b.png', 'image/png'],
    ['app://renderer/notes.unknownext', 'notes.unknownext', 'application/octet-stream'],
    // Dot segments are resolved by the URL parser before we see them, so they stay inside.
    ['app://renderer/../../etc/passwd', 'etc/passwd', 'application/octet-stream'],
    ['app://renderer/%2e%2e/%2E%2E/secret.txt', 'secret.txt', 'text/plain; charset=utf-8'],
    ['app://renderer//etc/hosts', 'etc/hosts', 'application/octet-stream'],
    ['app://renderer/%2e%2e', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer/assets/%2e', 'assets/index.html', 'text/html; charset=utf-8'],
    // Decoded exactly once: a double-encoded traversal is just an odd file name inside.
    [
      'app://renderer/%252e%252e%252fsecret.txt',
      '%2e%2e%2fsecret.txt',
      'text/plain; charset=utf-8',
    ],
  ])('serves %s from the build folder', (url, file, contentType) => {
    expect(resolveAppRequest('GET', url, root)).toEqual({
      ok: true,
      filePath: join(root, file),
      contentType,
    });
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'get'])(
    'refuses method %s with 405',
    (method) => {
      expect(resolveAppRequest(method, APP_ENTRY_URL, root)).toMatchObject({
        ok: false,
        status: 405,
      });
    },
  );

  it.each([
    'app://evil/index.html',
    'app://renderer.evil/index.html',
    'app://RENDERER/index.html',
    'app://user:pass@renderer/index.html',
    'app://renderer@evil/index.html',
    'app://renderer:8080/index.html',
    'file:///etc/passwd',
    'https://renderer/index.html',
    'http://localhost/index.html',
    'other://renderer/index.html',
  ])('refuses %s (another origin) with 403', (url) => {
    expect(resolveAppRequest('GET', url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it.each([
    'app://renderer/..%2f..%2fetc%2fpasswd',
    'app://renderer/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://renderer/%2Fetc%2Fpasswd',
    'app://renderer/..%5c..%5cWindows%5cwin.ini',
    'app://renderer/assets\\..\\..\\secret.txt',
    'app://renderer/C:/Windows/win.ini',
    'app://renderer/C%3A%5CWindows%5Cwin.ini',
    'app://renderer/index.html::$DATA',
    'app://renderer/index.html%00.png',
  ])('refuses the traversal %s with 403', (url) => {
    expect(resolveAppRequest('GET', url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 400 to broken percent-encoding and an unparsable URL', () => {
    expect(resolveAppRequest('GET', 'app://renderer/%E0%A4%A', root)).toMatchObject({
      status: 400,
    });
    expect(resolveAppRequest('GET', 'not a url', root)).toMatchObject({ status: 400 });
  });

  it('never resolves to a file outside the build folder, whatever the path', () => {
    const nasty = fc.constantFrom(
      '.',
      '..',
      '/',
      '\\',
      '%',
      '2',
      'e',
      'E',
      'f',
      'F',
      '5',
      'c',
      'C',
      ':',
      'a',
      '0',
      '?',
      '#',
      '@',
    );
    fc.assert(
      fc.property(fc.array(nasty, { maxLength: 40 }), (chars) => {
        const resolution = resolveAppRequest('GET', `app://renderer/${chars.join('')}`, root);
        return !resolution.ok || isInside(root, resolution.filePath);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('isInside', () => {
  it.each([
    [join(root, 'a.js'), true],
    [join(root, 'assets', 'a.js'), true],
    [root, false],
    [`${root}-sibling/a.js`, false],
    [join(root, '..', 'secret.txt'), false],
    ['/etc/passwd', false],
  ])('%s inside the root: %s', (candidate, expected) => {
    expect(isInside(root, candidate)).toBe(expected);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://renderer/index.html', true],
    ['app://renderer/index.html#/societies', true],
    ['app://renderer/', true],
    ['app://renderer.evil/', false],
    ['app://evil/', false],
    ['app://renderer@evil/', false],
    ['file:///index.html', false],
    ['https://example.com/', false],
    ['about:blank', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/u);
      return [name, values] as const;
    }),
  );

  it('allows no inline or remote script, plugins, base or framing', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/u);
  });

  it('allows inline styles only (Mantine injects style tags)', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(CONTENT_SECURITY_POLICY.match(/unsafe-inline/gu)).toHaveLength(1);
  });
});

describe('the app scheme', () => {
  it('is standard and secure but never bypasses CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(APP_ENTRY_URL).toBe('app://renderer/index.html');
  });
});

describe('createAppProtocolHandler', () => {
  let base: string;
  let build: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
    build = join(base, 'renderer');
    mkdirSync(join(build, 'assets'), { recursive: true });
    writeFileSync(join(build, 'index.html'), '<!doctype html><title>Registry</title>');
    writeFileSync(join(build, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'SECRET');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') =>
    createAppProtocolHandler(build)(new Request(url, { method }));

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await get('app://renderer/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Registry</title>');
  });

  it('serves a script as JavaScript', async () => {
    const response = await get('app://renderer/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for a missing file and for a folder, with the CSP', async () => {
    for (const url of ['app://renderer/missing.js', 'app://renderer/assets']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never returns a file beside the build folder', async () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/..%2fsecret.txt',
      'app://renderer/..%5csecret.txt',
    ]) {
      const response = await get(url);
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('refuses POST with 405 and another host with 403', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    expect((await get('app://evil/index.html')).status).toBe(403);
  });

  it('answers 500 when the file cannot be read for another reason', async () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const handler = createAppProtocolHandler(build, () => Promise.reject(denied));
    expect((await handler(new Request(APP_ENTRY_URL))).status).toBe(500);
  });

  it('is registered for the app scheme', () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, build);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
