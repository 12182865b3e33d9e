/**
 * What the core needs from its host, passed in explicitly (architecture.md §3): the core
 * reads no environment and keeps no module-level state, so tests and browser mode can
 * give it fakes and Electron gives it the real thing.
 */

export interface Logger {
  /** `event` is `<domain>.<snake_case_fact>`; `fields` carry ids and figures, never names or other personal data. */
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** Desktop services only the shell can give; browser mode and tests fake them. */
export interface HostPort {
  /** Asks where to save a file; `null` when the user cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Shows a file in the system's file manager. */
  revealInFolder(path: string): Promise<void>;
  /** The host's guess whether the network is up (a hint; sync decides by trying). */
  isOnline(): boolean;
  /**
   * Protects a small secret (an office's signing key) for storage at rest: Electron's
   * safeStorage (DPAPI on Windows) in the app. Browser mode and tests keep it as it is and
   * rely on the key file being readable by its owner only.
   */
  protectSecret(plain: Buffer): Buffer;
  unprotectSecret(stored: Buffer): Buffer;
  /**
   * Puts a file the core wrote (a certificate PDF) in front of the user: the desktop app
   * opens it in the system's viewer and answers `url: null`; browser mode answers a
   * same-origin URL that serves it, for the page to open.
   */
  presentFile(path: string): Promise<{ url: string | null }>;
}

export const systemClock: Clock = { now: () => new Date() };

/** Writes one JSON line per event to stderr; the shell may pass a logger that writes files. */
export function consoleLogger(): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    process.stderr.write(
      `${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`,
    );
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

export const headlessHost: HostPort = {
  chooseSavePath: () => Promise.resolve(null),
  revealInFolder: () => Promise.resolve(),
  isOnline: () => true,
  protectSecret: (plain) => Buffer.from(plain),
  unprotectSecret: (stored) => Buffer.from(stored),
  presentFile: () => Promise.resolve({ url: null }),
};
