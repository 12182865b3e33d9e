/**
 * The wire to the state server: one JSON POST per request, with this computer's identity
 * and versions in every body (sync.md §8), and whether the server was last reachable.
 */
import { SYNC_PROTOCOL_VERSION, type ClientInfo } from '#shared/sync/protocol';
import { getMeta } from '../db/app-meta';
import type { SyncClientOptions } from './sync-context';

const REQUEST_TIMEOUT_MS = 30_000;

export class ServerConnection {
  /** Whether the last request reached the server; null before the first. */
  online: boolean | null = null;
  private readonly fetch: typeof fetch;

  constructor(
    private readonly options: Pick<
      SyncClientOptions,
      'sqlite' | 'schemaVersion' | 'appVersion' | 'fetch'
    >,
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** The device id from enrolment; empty before the first. */
  deviceId(): string {
    return getMeta(this.options.sqlite, 'device_id') ?? '';
  }

  /** Who is asking, sent with every request. */
  clientInfo(): ClientInfo {
    return {
      protocol: SYNC_PROTOCOL_VERSION,
      schemaVersion: this.options.schemaVersion,
      appVersion: this.options.appVersion,
      deviceId: this.deviceId(),
      installEpoch: getMeta(this.options.sqlite, 'install_epoch') ?? '',
    };
  }

  /**
   * Posts `body` to `path` and returns the parsed answer. Fails with a sentence for the
   * status line when the server cannot be reached, and with an `HttpError` carrying the
   * server's own message when it refuses.
   */
  async request(url: string, path: string, token: string | null, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      this.online = false;
      throw new Error(
        `The state server at ${url} cannot be reached (${(error as Error).message}). Work goes on here and syncs when it can.`,
        { cause: error },
      );
    }
    this.online = true;
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const message =
        (parsed as { error?: string } | null)?.error ??
        `The state server answered ${response.status}.`;
      throw new HttpError(response.status, message);
    }
    return parsed;
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** "registry.example:8787" → "http://registry.example:8787", without a trailing slash. */
export function normaliseServerUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const url = new URL(withScheme);
  return url.origin + url.pathname.replace(/\/+$/, '');
}
