import { describe, expect, it, vi } from 'vitest';
import type { Result } from '#shared/errors';
import { eventChannel, invokeChannel } from '#shared/ipc/channels';
import type { CoreEventListener } from '../core';
import { isTrustedSender, registerIpc, UNTRUSTED_SENDER_RESULT, type EventReceiver } from './ipc';

describe('isTrustedSender', () => {
  it.each([
    ['app://renderer/index.html', true, true],
    ['app://renderer/index.html#/societies/42', true, true],
    ['app://renderer/', true, true],
    ['app://renderer/index.html', false, false],
    ['app://evil/index.html', true, false],
    ['app://renderer.evil/index.html', true, false],
    ['app://renderer@evil/index.html', true, false],
    ['app://renderer:1234/index.html', true, false],
    ['file:///C:/Program%20Files/Registry/resources/app.asar/out/renderer/index.html', true, false],
    ['https://example.com/', true, false],
    ['http://127.0.0.1:4870/', true, false],
    ['data:text/html,<script>1</script>', true, false],
    ['about:blank', true, false],
    ['about:srcdoc', false, false],
    ['devtools://devtools/bundled/inspector.html', true, false],
    ['chrome-extension://abc/page.html', true, false],
    ['', true, false],
  ])('%s (top frame: %s) → %s', (url, isTop, expected) => {
    expect(isTrustedSender(url, isTop)).toBe(expected);
  });
});

type Handler = (event: unknown, name: unknown, input: unknown) => Promise<Result<unknown>>;

function setup(
  dispatch = vi.fn(() => Promise.resolve<Result<unknown>>({ ok: true, value: 'done' })),
) {
  let handler: Handler | undefined;
  let listener: CoreEventListener | undefined;
  const unsubscribe = vi.fn();
  const ipcMain = {
    handle: vi.fn((_channel: string, fn: Handler) => {
      handler = fn;
    }),
    removeHandler: vi.fn(),
  };
  const core = {
    dispatch,
    onEvent: vi.fn((fn: CoreEventListener) => {
      listener = fn;
      return unsubscribe;
    }),
  };
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const targets: EventReceiver[] = [];
  const dispose = registerIpc({
    ipcMain: ipcMain as never,
    core,
    logger,
    eventTargets: () => targets,
  });
  const invoke = (frame: { url: string; parent: unknown } | null, name: unknown, input: unknown) =>
    (handler as Handler)({ senderFrame: frame, sender: { id: 7 } }, name, input);
  const emit = (name: 'societies.changed', payload: { id: string }) => listener?.(name, payload);
  return { ipcMain, core, logger, targets, dispose, invoke, emit, unsubscribe };
}

const appFrame = { url: 'app://renderer/index.html', parent: null };

describe('registerIpc', () => {
  it('handles the one invoke channel', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle).toHaveBeenCalledOnce();
    expect(ipcMain.handle).toHaveBeenCalledWith(invokeChannel, expect.any(Function));
  });

  it("passes our page's request to dispatch and returns its result", async () => {
    const { invoke, core } = setup();
    await expect(invoke(appFrame, 'app.info', {})).resolves.toEqual({ ok: true, value: 'done' });
    // The window's webContents id is its session: the renderer holds no credential.
    expect(core.dispatch).toHaveBeenCalledWith('app.info', {}, { sessionId: 'window-7' });
  });

  it.each([
    ['an iframe inside our page', { url: 'app://renderer/index.html', parent: appFrame }],
    ['a page of another origin', { url: 'https://example.com/', parent: null }],
    ['a data: document', { url: 'data:text/html,x', parent: null }],
    ['a frame that is gone', null],
  ])('refuses %s without dispatching', async (_what, frame) => {
    const { invoke, core, logger } = setup();
    await expect(invoke(frame, 'app.info', {})).resolves.toEqual(UNTRUSTED_SENDER_RESULT);
    expect(core.dispatch).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith('ipc.untrusted_sender', expect.anything());
  });

  it('logs nothing personal about an untrusted sender: origin only', async () => {
    const { invoke, logger } = setup();
    await invoke(
      { url: 'https://evil.example/steal?name=Lalthanzuala', parent: null },
      'app.info',
      {},
    );
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('Lalthanzuala');
  });

  it('answers internal, never rejects, when dispatch throws', async () => {
    const { invoke, logger } = setup(vi.fn(() => Promise.reject(new Error('boom'))));
    await expect(invoke(appFrame, 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(logger.error).toHaveBeenCalledWith('ipc.dispatch_threw', expect.anything());
  });

  it('forwards backend events only to live app:// pages', () => {
    const { targets, emit } = setup();
    const make = (url: string, destroyed = false) => ({
      isDestroyed: () => destroyed,
      send: vi.fn(),
      mainFrame: { url },
    });
    const ours = make('app://renderer/index.html#/societies');
    const closed = make('app://renderer/index.html', true);
    const foreign = make('https://example.com/');
    targets.push(ours, closed, foreign);
    emit('societies.changed', { id: '0190a4b2-0000-7000-8000-000000000001' });
    expect(ours.send).toHaveBeenCalledWith(eventChannel, 'societies.changed', {
      id: '0190a4b2-0000-7000-8000-000000000001',
    });
    expect(closed.send).not.toHaveBeenCalled();
    expect(foreign.send).not.toHaveBeenCalled();
  });

  it('undoes everything it registered', () => {
    const { dispose, ipcMain, unsubscribe } = setup();
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(invokeChannel);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});
