import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventChannel, invokeChannel } from '#shared/ipc/channels';
import { eventNames, requestNames } from '#shared/ipc/contract';

// The preload runs only inside Electron; here Electron is replaced by fakes (importing the
// real package would try to download its binary) and the preload module is loaded once.

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn((..._args: unknown[]): Promise<unknown> =>
      Promise.resolve({ ok: true, value: 'from main' }),
    ),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

interface Bridge {
  invoke(name: unknown, input: unknown): Promise<unknown>;
  on(name: unknown, listener: unknown): () => void;
}

let exposed: unknown[][];
let bridge: Bridge;

beforeAll(async () => {
  await import('../preload/index');
  // Copied now: vitest may clear mock call records between tests.
  exposed = [...electron.contextBridge.exposeInMainWorld.mock.calls];
  bridge = exposed[0]?.[1] as Bridge;
});

describe('the preload', () => {
  it('exposes window.app with exactly invoke and on, and nothing else', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.[0]).toBe('app');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('sends a known request on the invoke channel', async () => {
    await expect(bridge.invoke('societies.get', { id: 'x' })).resolves.toEqual({
      ok: true,
      value: 'from main',
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(invokeChannel, 'societies.get', {
      id: 'x',
    });
  });

  it('sends every request the contract has, and no other', async () => {
    for (const name of requestNames) {
      electron.ipcRenderer.invoke.mockClear();
      await bridge.invoke(name, {});
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(invokeChannel, name, {});
    }
  });

  it.each(['societies.drop', 'constructor', '__proto__', 'app:invoke', 'societies', '', 42, null])(
    'refuses the unknown request %j without sending it',
    async (name) => {
      electron.ipcRenderer.invoke.mockClear();
      await expect(bridge.invoke(name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('passes only the payload of the named event to the listener, never the IPC event', () => {
    const listener = vi.fn();
    const stop = bridge.on('societies.changed', listener);
    const relay = electron.ipcRenderer.on.mock.calls.at(-1)?.[1] as (...args: unknown[]) => void;
    expect(electron.ipcRenderer.on.mock.calls.at(-1)?.[0]).toBe(eventChannel);
    const ipcEvent = { sender: { send: vi.fn() } };
    relay(ipcEvent, 'societies.changed', { id: '1' });
    relay(ipcEvent, 'something.else', { id: '2' });
    expect(listener.mock.calls).toEqual([[{ id: '1' }]]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(eventChannel, relay);
  });

  it('listens to every event the contract has', () => {
    for (const name of eventNames) expect(bridge.on(name, () => {})).toBeTypeOf('function');
  });

  it('refuses an unknown event name or a listener that is not a function', () => {
    expect(() => bridge.on('societies.dropped', () => {})).toThrow(TypeError);
    expect(() => bridge.on('__proto__', () => {})).toThrow(TypeError);
    expect(() => bridge.on(42, () => {})).toThrow(TypeError);
    expect(() => bridge.on('societies.changed', 'alert(1)')).toThrow(TypeError);
  });
});
