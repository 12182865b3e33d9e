import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The entry's wiring, with Electron and the core replaced by fakes (there is no Electron
// binary here, and importing the real package would try to download one). The Electron smoke
// tests in tests/electron check the same things in a real window where a binary exists.

type Listener = (...args: unknown[]) => unknown;

const fakes = vi.hoisted(() => {
  const make = (options: { lock: boolean; userData: string; appPath: string }) => {
    const order: string[] = [];
    const appListeners = new Map<string, Listener>();
    let resolveReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    const windows: FakeWindow[] = [];

    class FakeWindow {
      static getAllWindows = () => windows;
      readonly listeners = new Map<string, Listener>();
      readonly webContents = {
        on: vi.fn(),
        send: vi.fn(),
        isDestroyed: () => false,
        mainFrame: { url: '' },
      };
      readonly loadURL = vi.fn(() => Promise.resolve());
      readonly isMinimized = vi.fn(() => true);
      readonly restore = vi.fn();
      readonly focus = vi.fn();
      readonly show = vi.fn();
      readonly isVisible = () => false;
      constructor(readonly options: { webPreferences: { preload: string } }) {
        windows.push(this);
      }
      once(event: string, listener: Listener) {
        this.listeners.set(event, listener);
      }
      on(event: string, listener: Listener) {
        this.listeners.set(event, listener);
      }
    }

    const electron = {
      app: {
        requestSingleInstanceLock: vi.fn(() => {
          order.push('lock');
          return options.lock;
        }),
        enableSandbox: vi.fn(() => order.push('sandbox')),
        quit: vi.fn(),
        exit: vi.fn(),
        on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
        whenReady: vi.fn(() => ready),
        getPath: vi.fn((name: string) =>
          name === 'userData' ? options.userData : join(options.userData, name),
        ),
        getAppPath: () => options.appPath,
        getVersion: () => '9.8.7',
        isPackaged: false,
      },
      BrowserWindow: FakeWindow,
      dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn() },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      net: { isOnline: () => true },
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(text),
        decryptString: (data: Buffer) => data.toString(),
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => order.push('schemes')),
        handle: vi.fn(),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
        },
      },
      shell: { openExternal: vi.fn(), showItemInFolder: vi.fn() },
    };
    return { electron, order, appListeners, windows, ready: () => resolveReady() };
  };
  const state = {
    make,
    current: undefined as unknown as ReturnType<typeof make>,
    core: { dispatch: vi.fn(), onEvent: vi.fn(() => () => {}), close: vi.fn() },
    createCore: vi.fn(),
  };
  return state;
});

vi.mock('electron', () => ({
  get app() {
    return fakes.current.electron.app;
  },
  get BrowserWindow() {
    return fakes.current.electron.BrowserWindow;
  },
  get dialog() {
    return fakes.current.electron.dialog;
  },
  get ipcMain() {
    return fakes.current.electron.ipcMain;
  },
  get net() {
    return fakes.current.electron.net;
  },
  get protocol() {
    return fakes.current.electron.protocol;
  },
  get safeStorage() {
    return fakes.current.electron.safeStorage;
  },
  get session() {
    return fakes.current.electron.session;
  },
  get shell() {
    return fakes.current.electron.shell;
  },
}));
vi.mock('../core', () => ({
  createCore: (...args: unknown[]) => fakes.createCore(...args),
  BACKGROUND_SYNC_MS: 30_000,
}));

const repoRoot = join(import.meta.dirname, '..', '..');
let userData: string;

async function launch(lock = true) {
  fakes.current = fakes.make({ lock, userData, appPath: repoRoot });
  vi.resetModules();
  await import('./index');
  return fakes.current;
}

beforeEach(() => {
  // Unpackaged, the entry mirrors its log to stderr; keep the test output clean.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  userData = mkdtempSync(join(tmpdir(), 'registry-userdata-'));
  fakes.createCore.mockReset();
  fakes.createCore.mockImplementation(() => fakes.core);
  fakes.core.close.mockClear();
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(userData, { recursive: true, force: true });
});

describe('the Electron entry', () => {
  it('registers the app:// scheme and the sandbox before anything else', async () => {
    const { order, electron } = await launch();
    expect(order.slice(0, 3)).toEqual(['schemes', 'sandbox', 'lock']);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('quits at once when another instance holds the lock, touching no data', async () => {
    const { electron } = await launch(false);
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(fakes.createCore).not.toHaveBeenCalled();
  });

  it('on ready: denies permissions, serves app://, opens the core and IPC, then the window', async () => {
    const launched = await launch();
    const { electron, windows } = launched;
    expect(fakes.createCore).not.toHaveBeenCalled();
    launched.ready();
    await vi.waitFor(() => expect(windows).toHaveLength(1));

    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fakes.createCore).toHaveBeenCalledWith(
      expect.objectContaining({
        dataDir: join(userData, 'data'),
        resourcesDir: join(repoRoot, 'resources'),
        migrationsDir: join(repoRoot, 'electron', 'core', 'db', 'migrations'),
        appVersion: '9.8.7',
      }),
    );
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('app:invoke', expect.any(Function));
    expect(windows[0]?.options.webPreferences.preload).toBe(
      join(repoRoot, 'out', 'preload', 'index.cjs'),
    );
    expect(windows[0]?.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    expect(electron.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
  });

  it('focuses the existing window when the app is launched again', async () => {
    const launched = await launch();
    launched.ready();
    await vi.waitFor(() => expect(launched.windows).toHaveLength(1));
    launched.appListeners.get('second-instance')?.();
    expect(launched.windows[0]?.restore).toHaveBeenCalledOnce();
    expect(launched.windows[0]?.focus).toHaveBeenCalledOnce();
  });

  it('closes the core when the app quits', async () => {
    const launched = await launch();
    launched.ready();
    await vi.waitFor(() => expect(launched.windows).toHaveLength(1));
    launched.appListeners.get('will-quit')?.();
    expect(fakes.core.close).toHaveBeenCalledOnce();
    expect(launched.electron.ipcMain.removeHandler).toHaveBeenCalledWith('app:invoke');
  });

  it('says so and exits with 1 when the register cannot be opened', async () => {
    fakes.createCore.mockImplementation(() => {
      throw new Error('SQLITE_CORRUPT');
    });
    const launched = await launch();
    launched.ready();
    await vi.waitFor(() => expect(launched.electron.app.exit).toHaveBeenCalledWith(1));
    expect(launched.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'The registry could not start',
      expect.stringContaining(join(userData, 'logs')),
    );
    expect(launched.windows).toHaveLength(0);
  });
});
