import type { App, Session, Shell, WebContents } from 'electron';
import type { Logger } from '../core/ports';
import { isAppUrl } from './protocol';

// The renderer may show registry data typed by anyone, so treat it as untrusted (Electron
// security checklist items 5, 13, 14, 15): it never leaves app://, never opens windows or
// webviews, gets no permission, and can ask the OS to open only https links to known hosts.
// Electron comes in as parameters (types only here), so every rule is unit-tested with fakes.

/**
 * Hosts whose https pages a link in the app may open in the system browser. Exact names
 * only: no wildcard, so `evil.mizoram.gov.in.example` or a punycode lookalike never matches.
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'mizoram.gov.in',
  'www.mizoram.gov.in',
  'cooperation.mizoram.gov.in',
  'cooperatives.gov.in',
  'www.cooperatives.gov.in',
];

/**
 * The link to hand to the OS, or null when it must not leave the app. Only an absolute
 * `https:` URL on the default port, without user name or password, whose host is exactly on
 * `allowList` passes. Refused: `http:`, `file:`, `javascript:`, `smb:` and every other scheme,
 * unparsable text, `https://mizoram.gov.in@evil.com` (the real host is evil.com),
 * `https://mizoram.gov.in.evil.com`, a trailing-dot host. The result is the parsed,
 * normalised href, never the raw text, so the OS cannot read a different host from it
 * than we checked (`https://mizoram.gov.in\@evil.com` is mizoram.gov.in to us).
 */
export function allowedExternalUrl(
  url: string,
  allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST,
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const allowed =
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    allowList.includes(parsed.hostname);
  return allowed ? parsed.href : null;
}

/** Whether {@link allowedExternalUrl} lets `url` open in the system browser. */
export function isAllowedExternalUrl(
  url: string,
  allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST,
): boolean {
  return allowedExternalUrl(url, allowList) !== null;
}

/** The part of a URL that is safe to log: its origin, never its path or query (they may carry names). */
export function loggableOrigin(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return host ? `${protocol}//${host}` : protocol;
  } catch {
    return 'unparsable';
  }
}

type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks one webContents down: navigation and redirects only within app:// (an allowed https
 * link opens in the system browser instead), every `window.open` denied (same rule for
 * links), every `<webview>` refused.
 */
export function hardenWebContents(
  contents: HardenedContents,
  shell: Pick<Shell, 'openExternal'>,
  logger: Logger,
): void {
  const openOutside = (url: string, via: string): void => {
    const allowed = allowedExternalUrl(url);
    if (allowed !== null) {
      shell.openExternal(allowed).catch((error: unknown) => {
        logger.warn('security.open_external_failed', {
          origin: loggableOrigin(url),
          error: String(error),
        });
      });
    } else {
      logger.warn('security.blocked', { via, origin: loggableOrigin(url) });
    }
  };

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url, 'navigate');
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('security.blocked', { via: 'redirect', origin: loggableOrigin(event.url) });
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, 'window_open');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('security.blocked', { via: 'webview' });
  });
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/**
 * Denies every permission request (camera, notifications, geolocation, clipboard read …),
 * every permission check and every device (HID, serial, USB) request: a registry needs none.
 */
export function denyAllPermissions(session: PermissionSession, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('security.permission_denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Applies {@link hardenWebContents} to every webContents the app ever creates (windows,
 * devtools, anything a future feature adds), so no code path can forget it. Call before
 * the first window opens.
 */
export function hardenEveryWebContents(
  app: Pick<App, 'on'>,
  shell: Pick<Shell, 'openExternal'>,
  logger: Logger,
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, logger));
}
