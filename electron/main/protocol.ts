import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '#shared/security/content-security-policy';

// The renderer is served from `app://renderer/…` rather than file:// (Electron security
// checklist item 18): a file:// page may read any file the user can, and every file:// page
// shares one origin. This module imports Electron for types only, so its pure parts and the
// handler itself are unit-tested without a binary.

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The one host the scheme answers for. */
export const APP_HOST = 'renderer';
/** The renderer's origin; IPC and navigation checks compare against it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent with every response (checklist item 7). No inline or remote script; Mantine injects
 * `<style>` tags at run time, hence `'unsafe-inline'` for styles only. Kept identical to the
 * browser bridge's policy so both transports behave the same (a test compares them).
 */

/**
 * `standard` gives the scheme real origins and relative-URL resolution, `secure` makes the
 * page a secure context, `supportFetchAPI` lets it fetch its own assets. It must not
 * bypass CSP, and it registers no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** A file to serve, or the status to refuse with. */
export type AppRequestResolution =
  | { ok: true; filePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 405; reason: string };

/**
 * Maps an `app://` request to a file inside `rootDir` (the renderer build), or refuses it:
 * 405 for anything but GET; 400 for an unparsable URL or bad percent-encoding; 403 for another
 * scheme or host, credentials or a port, and any path that could leave `rootDir` (`..` or `.`
 * segments, also percent-encoded; encoded `/` or `\`; backslashes; NUL; `:` as in drive
 * letters or NTFS streams). A path ending in `/` means its `index.html`. Whether the file
 * exists is the caller's business.
 */
export function resolveAppRequest(
  method: string,
  url: string,
  rootDir: string,
): AppRequestResolution {
  if (method !== 'GET') return { ok: false, status: 405, reason: 'method' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'url' };
  }
  if (
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.hostname !== APP_HOST ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    parsed.port !== ''
  ) {
    return { ok: false, status: 403, reason: 'origin' };
  }
  // WHATWG keeps backslashes in non-special schemes' paths; Windows would treat them as separators.
  if (parsed.pathname.includes('\\')) return { ok: false, status: 403, reason: 'path' };

  const rawSegments = parsed.pathname.split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'encoding' };
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..' || /[/\\:\0]/u.test(segment)) {
      return { ok: false, status: 403, reason: 'path' };
    }
    segments.push(segment);
  }
  if (segments.length === 0 || parsed.pathname.endsWith('/')) segments.push('index.html');

  const filePath = join(rootDir, ...segments);
  if (!isInside(rootDir, filePath)) return { ok: false, status: 403, reason: 'path' };
  const contentType = MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  return { ok: true, filePath, contentType };
}

/** True when `candidate` is strictly inside `root` (not `root` itself, not a sibling like `root-x`). */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** True for a URL of our own renderer document (any path, query or fragment on `app://renderer`). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

type ReadFile = (path: string) => Promise<Uint8Array>;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  500: 'Internal error',
};

/**
 * The `protocol.handle('app', …)` handler: serves files of `rootDir` as resolved by
 * {@link resolveAppRequest}, with the CSP and `nosniff` on every response, refusals included.
 * A missing file or a folder is 404; any other read error is 500. Never rejects.
 */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile = fsReadFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const resolution = resolveAppRequest(request.method, request.url, rootDir);
    if (!resolution.ok) return plainResponse(resolution.status);
    let body: Uint8Array;
    try {
      body = await readFile(resolution.filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      return plainResponse(
        code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? 404 : 500,
      );
    }
    return new Response(body, {
      status: 200,
      headers: securityHeaders(resolution.contentType),
    });
  };
}

/** Registers the `app://` handler on the default session's protocol; call after `ready`. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}

function plainResponse(status: number): Response {
  return new Response(STATUS_TEXT[status] ?? 'Error', {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  });
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // A new version must never run with the previous version's cached index.html.
    'Cache-Control': 'no-cache',
  });
}
