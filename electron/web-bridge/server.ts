import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Core } from '../core';
import type { BrowserFiles } from './files';
import { CONTENT_SECURITY_POLICY } from '#shared/security/content-security-policy';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

// Attached documents travel as base64 in the request: up to 10 MB of file, 14 MB of text.
const MAX_REQUEST_BYTES = 15 * 1_048_576;
const BRIDGE_SCRIPT = readFileSync(new URL('./bridge-client.js', import.meta.url), 'utf8');

export interface WebBridgeOptions {
  core: Core;
  /** The production renderer build (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Files the core presented (browser-mode host), served under /__files/. */
  files?: Pick<BrowserFiles, 'lookup'>;
}

export interface WebBridge {
  url: string;
  close(): Promise<void>;
}

/**
 * Browser mode (architecture.md §2): serves the production renderer and the contract over
 * HTTP on 127.0.0.1 only. The Host header must name the loopback address (a defence against
 * DNS rebinding), and every request must carry a custom header that a page of another
 * origin cannot send without a CORS preflight, which this server never grants.
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const rendererDir = resolve(options.rendererDir);
  const indexHtml = injectBridge(await readFile(join(rendererDir, 'index.html'), 'utf8'));
  const eventStreams = new Set<ServerResponse>();
  let port = options.port;

  const unsubscribe = options.core.onEvent((name, payload) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  const server = createServer((request, response) => {
    handle(request, response).catch(() =>
      send(response, 500, 'text/plain; charset=utf-8', 'Internal error'),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackHost(request.headers.host, port)) {
      send(response, 421, 'text/plain; charset=utf-8', 'This server answers only on 127.0.0.1.');
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/__invoke') {
      await handleInvoke(request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    if (url.pathname === '/__bridge.js') {
      send(response, 200, MIME_TYPES['.js'] as string, BRIDGE_SCRIPT);
      return;
    }
    const served = /^\/__files\/([\w-]+)\/([^/]+)$/u.exec(url.pathname);
    if (served) {
      let name: string | null;
      try {
        name = decodeURIComponent(served[2] as string);
      } catch {
        name = null; // a malformed escape names no file
      }
      const file =
        name === null ? null : (options.files?.lookup(served[1] as string, name) ?? null);
      if (!file) {
        send(response, 404, 'text/plain; charset=utf-8', 'Not found');
        return;
      }
      send(
        response,
        200,
        MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        await readFile(file),
      );
      return;
    }
    if (url.pathname === '/__events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (file === 'forbidden') {
      send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    if (file) {
      try {
        const body = await readFile(file);
        send(response, 200, MIME_TYPES[extname(file)] ?? 'application/octet-stream', body);
        return;
      } catch {
        // not a file: fall through to the app, whose router shows the screen or "not found"
      }
    }
    send(response, 200, MIME_TYPES['.html'] as string, indexHtml, sessionCookie(request));
  }

  /**
   * The browser's session id: an HttpOnly, SameSite=Strict cookie that scripts cannot read,
   * named per port so two bridges on one machine (the sync tests) keep separate sign-ins.
   * The backend keeps the sign-in under it, as Electron keeps it under the window.
   */
  function cookieName(): string {
    return `registry_session_${port}`;
  }

  function sessionIdFrom(request: IncomingMessage): string | null {
    const pattern = new RegExp(`(?:^|;\\s*)${cookieName()}=([A-Za-z0-9_-]{43})(?:;|$)`, 'u');
    return pattern.exec(request.headers.cookie ?? '')?.[1] ?? null;
  }

  /** A Set-Cookie header when the browser has no session id yet. */
  function sessionCookie(
    request: IncomingMessage,
    id = randomBytes(32).toString('base64url'),
  ): string | null {
    return sessionIdFrom(request)
      ? null
      : `${cookieName()}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  }

  async function handleInvoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    if (
      request.headers['x-registry-bridge'] !== '1' ||
      !String(request.headers['content-type']).startsWith('application/json')
    ) {
      send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin, port)) {
      send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(await readBody(request));
    } catch (error) {
      const tooLarge = error instanceof Error && error.message === 'too large';
      send(
        response,
        tooLarge ? 413 : 400,
        MIME_TYPES['.json'] as string,
        JSON.stringify({
          ok: false,
          error: {
            code: 'bad_request',
            message: tooLarge ? 'The request is too large.' : 'The request is not valid JSON.',
          },
        }),
      );
      return;
    }
    const { name, input } = (envelope ?? {}) as { name?: unknown; input?: unknown };
    const known = sessionIdFrom(request);
    const sessionId = known ?? randomBytes(32).toString('base64url');
    const result = await options.core.dispatch(name, input, { sessionId });
    let setCookie = known ? null : sessionCookie(request, sessionId);
    if (result.ok && SIGN_IN_REQUESTS.has(String(name))) {
      // A new id at every sign-in: an id planted in the browser before (session fixation)
      // never becomes a signed-in session.
      const fresh = randomBytes(32).toString('base64url');
      options.core.services.auth.sessions.moveSession(sessionId, fresh);
      setCookie = `${cookieName()}=${fresh}; HttpOnly; SameSite=Strict; Path=/`;
    }
    send(response, 200, MIME_TYPES['.json'] as string, JSON.stringify(result), setCookie);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe();
        for (const stream of eventStreams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

/** Requests that sign a user in; the session id is replaced when they succeed. */
const SIGN_IN_REQUESTS = new Set(['auth.login', 'auth.setup']);

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  setCookie: string | null = null,
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...(setCookie ? { 'set-cookie': setCookie } : {}),
  });
  response.end(body);
}

/** `<script src="/__bridge.js">` before the app's own scripts, so window.app exists when they run. */
export function injectBridge(html: string): string {
  const tag = '<script src="/__bridge.js"></script>';
  const at = html.indexOf('<script');
  return at >= 0
    ? `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`
    : html.replace('</head>', `${tag}</head>`);
}

/** Only `127.0.0.1:<port>` or `localhost:<port>`; anything else may be DNS rebinding. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function isLoopbackOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * Maps a URL path to a file inside `root`, or 'forbidden' for anything that tries to leave
 * it (`..`, encoded separators, NUL). `null` means "not a static file path".
 */
export function resolveStaticFile(root: string, pathname: string): string | 'forbidden' | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'forbidden';
  if (decoded === '/' || !extname(decoded)) return null;
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root + sep)) return 'forbidden';
  return file;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error('too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
