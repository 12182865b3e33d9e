import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, mainWindowOptions, WINDOW_TITLE } from './window';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

  it('spells out the renderer isolation settings', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens hidden at a size that fits the register, with a title', () => {
    expect(options).toMatchObject({
      show: false,
      title: WINDOW_TITLE,
      minWidth: 1024,
      minHeight: 640,
    });
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });
});

type Listener = (...args: unknown[]) => void;

function fakeWindowClass(loadURL: () => Promise<void> = () => Promise.resolve()) {
  const instances: FakeWindow[] = [];
  class FakeWindow {
    readonly windowListeners = new Map<string, Listener>();
    readonly contentsListeners = new Map<string, Listener>();
    visible = false;
    readonly show = vi.fn(() => {
      this.visible = true;
    });
    readonly isVisible = () => this.visible;
    readonly loadURL = vi.fn(loadURL);
    readonly once = (event: string, listener: Listener) =>
      this.windowListeners.set(event, listener);
    readonly webContents = {
      on: (event: string, listener: Listener) => this.contentsListeners.set(event, listener),
    };
    constructor(readonly options: unknown) {
      instances.push(this);
    }
  }
  return { FakeWindow, instances };
}

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('createMainWindow', () => {
  it('loads the app entry with the preload and shows the window when ready', () => {
    const { FakeWindow, instances } = fakeWindowClass();
    createMainWindow(FakeWindow as never, '/app/preload.cjs', logger());
    const window = instances[0];
    expect(window?.options).toEqual(mainWindowOptions('/app/preload.cjs'));
    expect(window?.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    expect(window?.show).not.toHaveBeenCalled();
    window?.windowListeners.get('ready-to-show')?.();
    expect(window?.show).toHaveBeenCalledOnce();
  });

  it('shows the window and logs when the page fails to load', () => {
    const { FakeWindow, instances } = fakeWindowClass();
    const log = logger();
    createMainWindow(FakeWindow as never, '/app/preload.cjs', log);
    instances[0]?.contentsListeners.get('did-fail-load')?.(
      {},
      -6,
      'ERR_FILE_NOT_FOUND',
      'app://renderer/index.html',
    );
    expect(instances[0]?.show).toHaveBeenCalledOnce();
    expect(log.error).toHaveBeenCalledWith('window.load_failed', {
      errorCode: -6,
      errorDescription: 'ERR_FILE_NOT_FOUND',
      origin: 'app://renderer',
    });
  });

  it('logs a rejected load instead of leaving an unhandled rejection', async () => {
    const { FakeWindow } = fakeWindowClass(() => Promise.reject(new Error('ERR_ABORTED')));
    const log = logger();
    createMainWindow(FakeWindow as never, '/app/preload.cjs', log);
    await vi.waitFor(() =>
      expect(log.error).toHaveBeenCalledWith('window.load_rejected', expect.anything()),
    );
  });
});
