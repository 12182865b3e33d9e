// Browser mode's stand-in for the Electron preload: defines window.app (the AppBridge of
// shared/ipc/contract.ts) over fetch and an event stream to the loopback bridge. Served as
// /__bridge.js, a file of its own, because the CSP forbids inline scripts.
(() => {
  'use strict';
  const listeners = new Map();
  let events = null;
  const ensureEvents = () => {
    if (events) return;
    events = new EventSource('/__events');
    events.onmessage = (message) => {
      const { name, payload } = JSON.parse(message.data);
      for (const listener of listeners.get(name) ?? []) listener(payload);
    };
  };
  const app = {
    async invoke(name, input) {
      try {
        const response = await fetch('/__invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-registry-bridge': '1' },
          body: JSON.stringify({ name, input }),
        });
        return await response.json();
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'The registry backend cannot be reached. Is browser mode still running?',
          },
        };
      }
    },
    on(name, listener) {
      ensureEvents();
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(listener);
      return () => listeners.get(name)?.delete(listener);
    },
  };
  Object.defineProperty(window, 'app', {
    value: Object.freeze(app),
    writable: false,
    configurable: false,
  });
})();
