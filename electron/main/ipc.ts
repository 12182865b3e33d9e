import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '#shared/errors';
import { eventChannel, invokeChannel } from '#shared/ipc/channels';
import type { Core } from '../core';
import type { Logger } from '../core/ports';
import { isAppUrl } from './protocol';
import { loggableOrigin } from './security';

// The Electron transport over `core.dispatch` (architecture.md §2.1). Only our own top-level
// app:// document may call the backend (Electron security checklist item 17): a frame that
// is not ours, an iframe, or a page the window was somehow navigated to gets `forbidden`.

/**
 * True when an IPC message comes from our renderer: the sending frame is the top frame and
 * its document is on `app://renderer`. Anything else (an iframe, a `data:`, `file:`,
 * `https:` or `about:blank` document, another custom scheme or host) is untrusted.
 */
export function isTrustedSender(frameUrl: string, isTopFrame: boolean): boolean {
  return isTopFrame && isAppUrl(frameUrl);
}

/** What an untrusted frame gets back: a refusal, never data. */
export const UNTRUSTED_SENDER_RESULT: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Only the registry window may call the registry.' },
};

/** A renderer that may receive backend events; Electron's WebContents fits. */
export interface EventReceiver {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  readonly mainFrame: { readonly url: string };
}

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Pick<Core, 'dispatch' | 'onEvent'>;
  logger: Logger;
  /** The renderers to forward events to, looked up at each event (windows come and go). */
  eventTargets: () => Iterable<EventReceiver>;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & {
  sender: Pick<IpcMainInvokeEvent['sender'], 'id'>;
};

/**
 * Each window is its own sign-in: the backend keeps the session under the window's
 * webContents id, so the renderer never holds a token or password.
 */
export function sessionIdOf(event: SenderEvent): string {
  return `window-${event.sender.id}`;
}

/**
 * Handles `app:invoke` and forwards backend events on `app:event` as `(name, payload)`.
 * The handler checks the sender frame before anything else, then returns whatever
 * `core.dispatch` returns (it never rejects; a throw is logged and answered `internal`).
 * Events go only to live renderers showing an app:// document. Returns the undo function.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { ipcMain, core, logger } = options;

  const handleInvoke = async (
    event: SenderEvent,
    name: unknown,
    input: unknown,
  ): Promise<Result<unknown>> => {
    // senderFrame is null when the frame navigated away or was destroyed meanwhile.
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
      logger.warn('ipc.untrusted_sender', {
        origin: frame ? loggableOrigin(frame.url) : 'gone',
        topFrame: frame ? frame.parent === null : null,
      });
      return UNTRUSTED_SENDER_RESULT;
    }
    try {
      return await core.dispatch(name, input, { sessionId: sessionIdOf(event) });
    } catch (error) {
      logger.error('ipc.dispatch_threw', {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong. The details were written to the log.',
        },
      };
    }
  };
  ipcMain.handle(invokeChannel, handleInvoke);

  const unsubscribe = core.onEvent((name, payload) => {
    for (const target of options.eventTargets()) {
      if (target.isDestroyed() || !isAppUrl(target.mainFrame.url)) continue;
      target.send(eventChannel, name, payload);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(invokeChannel);
  };
}
