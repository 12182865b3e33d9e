import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, invokeChannel, namePattern } from '#shared/ipc/channels';

// The whole surface the renderer gets (Electron security checklist item 20): `window.app`
// with `invoke` and `on`, as shared/ipc/contract.ts's AppBridge describes. No ipcRenderer,
// no event objects, no Node. This file may import only channels.ts (the sandboxed preload
// is bundled alone), so the AppBridge types are restated loosely here. The names themselves
// belong to the domains' contract modules, which the preload does not bundle: it forwards
// any name of the form `<domain>.<verb>`, and the main process checks the sender and the
// core refuses an unknown name and validates every input.

function isWellFormedName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 80 && namePattern.test(name);
}

/**
 * Sends a request to the backend. A name that is not of the form `<domain>.<verb>` is
 * refused here, without a round trip, with the same `bad_request` the core gives an
 * unknown name.
 */
function invoke(name: unknown, input: unknown): Promise<unknown> {
  if (!isWellFormedName(name)) {
    return Promise.resolve({
      ok: false,
      error: {
        code: 'bad_request',
        message: `There is no request called "${String(name).slice(0, 80)}".`,
      },
    });
  }
  return ipcRenderer.invoke(invokeChannel, name, input);
}

/**
 * Calls `listener` with the payload of each backend event called `name`; returns the
 * function that stops it. The IPC event object never reaches the page: it would expose
 * `sender`, from which a page could reach ipcRenderer.
 */
function on(name: unknown, listener: unknown): () => void {
  if (!isWellFormedName(name)) {
    throw new TypeError(`There is no event called "${String(name).slice(0, 80)}".`);
  }
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
  const relay = (_event: IpcRendererEvent, eventName: unknown, payload: unknown): void => {
    if (eventName === name) (listener as (payload: unknown) => void)(payload);
  };
  ipcRenderer.on(eventChannel, relay);
  return () => {
    ipcRenderer.removeListener(eventChannel, relay);
  };
}

contextBridge.exposeInMainWorld('app', { invoke, on });
