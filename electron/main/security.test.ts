import { describe, expect, it, vi } from 'vitest';
import {
  allowedExternalUrl,
  denyAllPermissions,
  EXTERNAL_HOST_ALLOW_LIST,
  hardenEveryWebContents,
  hardenWebContents,
  isAllowedExternalUrl,
  loggableOrigin,
} from './security';

const quietLogger = () => ({
  info: vi.fn(),
  warn: vi.fn(),
  error: vi.fn(),
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://mizoram.gov.in/',
    'https://mizoram.gov.in',
    'https://mizoram.gov.in/en/departments?tab=cooperation#top',
    'https://MIZORAM.GOV.IN/',
    'https://mizoram.gov.in:443/',
    'https://cooperation.mizoram.gov.in/registration',
    'https://cooperatives.gov.in/en',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    // other schemes
    ['http://mizoram.gov.in/', 'plain http'],
    ['file:///C:/Windows/System32/calc.exe', 'file'],
    ['file://mizoram.gov.in/share/file.exe', 'file with an allowed host'],
    ['javascript:alert(1)', 'javascript'],
    ['javascript://mizoram.gov.in/%0aalert(1)', 'javascript dressed as a URL'],
    ['smb://mizoram.gov.in/share', 'smb'],
    ['\\\\evil.example\\share\\payload.exe', 'UNC path'],
    ['ftp://mizoram.gov.in/', 'ftp'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['ms-msdt:/id PCWDiagnostic', 'ms-msdt (Follina)'],
    ['search-ms:query=invoice&crumb=location:\\\\evil.example', 'search-ms'],
    ['app://renderer/index.html', 'our own scheme'],
    // lookalike and tricked hosts
    ['https://mizoram.gov.in.evil.com/', 'allowed name as a prefix'],
    ['https://evilmizoram.gov.in/', 'allowed name as a suffix'],
    ['https://evil.com/mizoram.gov.in', 'allowed name in the path'],
    ['https://evil.com/?u=https://mizoram.gov.in', 'allowed name in the query'],
    ['https://mizoram.gov.in@evil.com/', 'allowed name as the user name'],
    ['https://mizoram.gov.in:x@evil.com/', 'allowed name as user:password'],
    ['https://user:secret@mizoram.gov.in/', 'credentials on an allowed host'],
    ['https://mizoram.gov.in:8443/', 'another port'],
    ['https://mizoram.gov.in./', 'trailing dot'],
    ['https://mizorаm.gov.in/', 'Cyrillic а (punycode lookalike)'],
    ['https://sub.mizoram.gov.in/', 'a subdomain not on the list'],
    ['https://gov.in/', 'the parent domain'],
    ['https://127.0.0.1/', 'an address'],
    // not absolute URLs at all
    ['mizoram.gov.in', 'no scheme'],
    ['//mizoram.gov.in/', 'scheme-relative'],
    ['/etc/passwd', 'a path'],
    ['', 'empty'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('hands the OS the normalised URL, not the raw text', () => {
    // WHATWG reads the backslash as a path separator: the host we checked is mizoram.gov.in,
    // and the OS gets a URL in which it cannot read evil.com as the host.
    expect(allowedExternalUrl('https://mizoram.gov.in\\@evil.com')).toBe(
      'https://mizoram.gov.in/@evil.com',
    );
    expect(allowedExternalUrl('https://MIZORAM.gov.in')).toBe('https://mizoram.gov.in/');
    expect(allowedExternalUrl('https://evil.com')).toBeNull();
  });

  it('keeps exact, lower-case host names only', () => {
    for (const host of EXTERNAL_HOST_ALLOW_LIST) {
      expect(host).toBe(host.toLowerCase());
      expect(host).not.toMatch(/[*/:]/u);
    }
  });

  it('honours a given allow-list', () => {
    expect(isAllowedExternalUrl('https://example.org/', ['example.org'])).toBe(true);
    expect(isAllowedExternalUrl('https://mizoram.gov.in/', ['example.org'])).toBe(false);
  });
});

describe('loggableOrigin', () => {
  it('keeps the origin and drops the path and query', () => {
    expect(loggableOrigin('https://evil.com/societies?name=Zoram')).toBe('https://evil.com');
    expect(loggableOrigin('data:text/html,<p>Lalremruata</p>')).toBe('data:');
    expect(loggableOrigin('not a url')).toBe('unparsable');
  });
});

type Listener = (...args: unknown[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: Listener | undefined;
  const contents = {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: Listener) => {
      windowOpenHandler = handler;
    }),
  };
  const fire = (event: string, url?: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ url, preventDefault });
    return preventDefault;
  };
  const open = (url: string) => windowOpenHandler?.({ url });
  return { contents, fire, open };
}

function harden() {
  const fake = fakeContents();
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  const logger = quietLogger();
  hardenWebContents(fake.contents as never, shell, logger);
  return { ...fake, shell, logger };
}

describe('hardenWebContents', () => {
  it('lets the page move within app://', () => {
    const { fire } = harden();
    expect(fire('will-navigate', 'app://renderer/index.html#/societies')).not.toHaveBeenCalled();
    expect(fire('will-redirect', 'app://renderer/index.html')).not.toHaveBeenCalled();
  });

  it('blocks navigation to https://example.com and opens nothing', () => {
    const { fire, shell, logger } = harden();
    expect(fire('will-navigate', 'https://example.com/')).toHaveBeenCalledOnce();
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith('security.blocked', {
      via: 'navigate',
      origin: 'https://example.com',
    });
  });

  it.each([
    'file:///C:/Windows/win.ini',
    'javascript:alert(1)',
    'app://evil/index.html',
    'data:text/html,x',
  ])('blocks navigation to %s', (url) => {
    const { fire, shell } = harden();
    expect(fire('will-navigate', url)).toHaveBeenCalledOnce();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens an allowed https link in the system browser instead of navigating', () => {
    const { fire, shell } = harden();
    expect(fire('will-navigate', 'https://mizoram.gov.in/cooperation')).toHaveBeenCalledOnce();
    expect(shell.openExternal).toHaveBeenCalledWith('https://mizoram.gov.in/cooperation');
  });

  it('blocks redirects away from app://', () => {
    const { fire } = harden();
    expect(fire('will-redirect', 'https://example.com/')).toHaveBeenCalledOnce();
  });

  it('denies every window.open, opening only allowed links outside', () => {
    const { open, shell } = harden();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://renderer/index.html')).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(open('https://cooperatives.gov.in/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://cooperatives.gov.in/');
  });

  it('refuses every webview', () => {
    const { fire } = harden();
    expect(fire('will-attach-webview')).toHaveBeenCalledOnce();
  });

  it('logs, without throwing, when the OS cannot open a link', async () => {
    const { open, shell, logger } = harden();
    shell.openExternal.mockImplementationOnce(() => Promise.reject(new Error('no browser')));
    open('https://mizoram.gov.in/');
    await vi.waitFor(() =>
      expect(logger.warn).toHaveBeenCalledWith('security.open_external_failed', expect.anything()),
    );
  });
});

describe('hardenEveryWebContents', () => {
  it('hardens each webContents as it is created', () => {
    let created: Listener | undefined;
    const app = { on: vi.fn((_event: string, listener: Listener) => (created = listener)) };
    hardenEveryWebContents(app as never, { openExternal: vi.fn() }, quietLogger());
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const { contents, fire } = fakeContents();
    created?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(fire('will-navigate', 'https://example.com/')).toHaveBeenCalledOnce();
  });
});

describe('denyAllPermissions', () => {
  it('denies every request, check and device', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session, quietLogger());
    const [requestHandler] = session.setPermissionRequestHandler.mock.calls[0] as [Listener];
    const [checkHandler] = session.setPermissionCheckHandler.mock.calls[0] as [Listener];
    const [deviceHandler] = session.setDevicePermissionHandler.mock.calls[0] as [Listener];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      requestHandler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler({}, permission, 'app://renderer', {})).toBe(false);
    }
    expect(deviceHandler({ deviceType: 'usb' })).toBe(false);
  });
});
