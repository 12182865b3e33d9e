import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { headlessHost, type HostPort } from '../core/ports';

/**
 * Browser mode's host: files the core hands over (certificate PDFs) are served by the
 * bridge under an unguessable, per-run path, since a web page cannot open a local file.
 */
export interface BrowserFiles {
  host: HostPort;
  /** The file behind `/__files/<token>/<name>`, or null. */
  lookup(token: string, name: string): string | null;
}

export function createBrowserFiles(): BrowserFiles {
  const files = new Map<string, string>();
  return {
    host: {
      ...headlessHost,
      presentFile(path) {
        const token = randomBytes(16).toString('base64url');
        files.set(token, path);
        return Promise.resolve({ url: `/__files/${token}/${encodeURIComponent(basename(path))}` });
      },
    },
    lookup(token, name) {
      const path = files.get(token);
      return path && basename(path) === name ? path : null;
    },
  };
}
