import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, invokeChannel } from '#shared/ipc/channels';

// The whole surface the renderer gets (Electron security checklist item 20): `window.app`
// with `invoke` and `on`, as shared/ipc/contract.ts's AppBridge describes. No ipcRenderer,
// no event objects, no Node. This file may import only channels.ts (the sandboxed preload
// is bundled alone), so the AppBridge types are restated loosely here, and the names the
// domains' contract modules declare are written in when the preload is built
// (contract-names.d.ts). The main process checks the sender; the core validates every input.

const contractNames = __CONTRACT_NAMES__;
const requestNames: ReadonlySet<string> = new Set(contractNames.requests);
const eventNames: ReadonlySet<string> = new Set(contractNames.events);

/**
 * Sends a request to the backend. A name the contract does not have is refused here,
 * without a round trip, with the same `bad_request` the core gives an unknown name.
 */
function invoke(name: unknown, input: unknown): Promise<unknown> {
  if (typeof name !== 'string' || !requestNames.has(name)) {
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
  if (typeof name !== 'string' || !eventNames.has(name)) {
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
