/**
 * Pull (sync.md §3, §7): the buckets the server gives this device, page by page from the
 * cursor kept per bucket, each page written with its cursor; buckets no longer given stop
 * being followed, and the societies that left are forgotten when the pull is complete.
 */
import { z } from 'zod';
import { pullResponseSchema } from '#shared/sync/protocol';
import { getMeta, setMeta } from '../db/app-meta';
import type { Prepare } from '../db/statement-cache';
import type { DepartedSocieties } from './departed-societies';
import { storeOfficeKeys } from './office-keys';
import type { PulledPageWriter } from './pulled-page';
import type { ServerConnection } from './server-connection';
import { META, type RunFigures, type SyncClientOptions } from './sync-context';

/** A run stops pulling after this many pages and carries on at the next run. */
const MAX_PAGES_PER_RUN = 500;

export class BucketPull {
  constructor(
    private readonly options: SyncClientOptions,
    private readonly prepare: Prepare,
    private readonly server: ServerConnection,
    private readonly page: PulledPageWriter,
    private readonly departed: DepartedSocieties,
  ) {}

  /**
   * Pulls until the server has no more (or MAX_PAGES_PER_RUN pages). Fails as the request
   * does; every page written before the failure stays, with its cursor.
   */
  async pull(url: string, token: string, figures: RunFigures): Promise<void> {
    for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
      const cursors = this.cursors();
      const response = pullResponseSchema.parse(
        await this.server.request(url, '/sync/v1/pull', token, {
          client: this.server.clientInfo(),
          cursors,
          ...(this.options.pullPageRows ? { limit: this.options.pullPageRows } : {}),
        }),
      );
      if (response.serverTime) {
        this.options.writer.observeServerTime(Date.parse(response.serverTime));
      }
      // A bucket the server no longer gives this device stops being followed. An office's
      // rows stay (the registrar may still need to read them); a society that left (a field
      // laptop's assignment ended, or it moved office) is forgotten once nothing waits to
      // go up from it (sync.md §3, §7).
      const kept = Object.fromEntries(
        Object.entries(cursors).filter(([bucket]) => response.buckets.includes(bucket)),
      );
      const departed = this.departed.after(cursors, response);
      storeOfficeKeys(this.options.sqlite, this.prepare, response.officeKeys);
      const next = response.bucket ? { ...kept, [response.bucket]: response.cursor } : kept;
      if (response.rows.length > 0) {
        const started = performance.now();
        this.page.apply(response.rows, next, departed);
        figures.applyMs += performance.now() - started;
        figures.pulledRows += response.rows.length;
      } else {
        this.options.sqlite.transaction(() => {
          setMeta(this.options.sqlite, META.cursors, JSON.stringify(next));
          setMeta(this.options.sqlite, META.departed, JSON.stringify(departed));
        })();
      }
      if (!response.more) {
        this.departed.forget();
        return;
      }
    }
  }

  private cursors(): Record<string, number> {
    const text = getMeta(this.options.sqlite, META.cursors);
    return text ? z.record(z.string(), z.number()).parse(JSON.parse(text)) : {};
  }
}
