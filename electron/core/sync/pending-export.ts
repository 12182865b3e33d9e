/**
 * The export of pending changes (sync.md §3): every change not yet decided, signed into one
 * file the state office imports through the same push path, for a computer with no network.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  PUSH_MAX_MUTATIONS,
  type ExportFile,
  type ExportPayload,
  type WireMutation,
} from '#shared/sync/protocol';
import { AppError } from '#shared/errors';
import { getMeta } from '../db/app-meta';
import type { Prepare } from '../db/statement-cache';
import { officeKeys } from './office-keys';
import type { OutboxPush } from './outbox-push';
import type { ServerConnection } from './server-connection';
import { META, type SyncClientOptions } from './sync-context';

export class PendingExport {
  constructor(
    private readonly options: SyncClientOptions,
    private readonly prepare: Prepare,
    private readonly server: ServerConnection,
    private readonly outbox: OutboxPush,
  ) {}

  /**
   * Every change not yet decided by the server, signed into one file for the state office
   * to import when this computer has no network (or was withdrawn from sync). The changes
   * stay pending here: if they also arrive by sync later, the server answers duplicates.
   * Fails with `conflict` when this computer was never enrolled or nothing is pending.
   */
  async exportPending(): Promise<{ fileName: string; count: number; url: string | null }> {
    const file = this.pendingFile();
    const { host } = this.options;
    const chosen = await host.chooseSavePath(file.fileName);
    const path = chosen ?? join(this.options.dataDir, 'exports', file.fileName);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    if (chosen) {
      // The desktop shows where it went; browser mode offers it for download.
      await host.revealInFolder(path);
      return { fileName: file.fileName, count: file.count, url: null };
    }
    const { url } = await host.presentFile(path);
    return { fileName: file.fileName, count: file.count, url };
  }

  /** The signed file of every pending change. */
  private pendingFile(): { fileName: string; content: string; count: number } {
    const token = getMeta(this.options.sqlite, META.token);
    if (!token) {
      throw new AppError(
        'conflict',
        'This computer was never connected to a state server, so it cannot sign a file the server trusts. Connect it first.',
      );
    }
    const mutations: WireMutation[] = [];
    for (let batch = this.outbox.nextBatch(PUSH_MAX_MUTATIONS, 0); batch.length > 0;) {
      mutations.push(...batch);
      batch = this.outbox.nextBatch(PUSH_MAX_MUTATIONS, batch[batch.length - 1]!.seq);
    }
    if (mutations.length === 0) {
      throw new AppError(
        'conflict',
        'No change waits to go to the state server; there is nothing to export.',
      );
    }
    const createdAt = this.options.clock.now().toISOString();
    const payload = JSON.stringify({
      client: this.server.clientInfo(),
      createdAt,
      mutations,
      officeKeys: officeKeys(this.prepare),
    } satisfies ExportPayload);
    const key = createHash('sha256').update(token).digest('hex');
    const file: ExportFile = {
      format: 'rcs-sync-export',
      version: 1,
      deviceId: this.server.deviceId(),
      payload,
      signature: createHmac('sha256', key).update(payload).digest('hex'),
    };
    this.options.logger.info('sync.exported', { mutations: mutations.length });
    return {
      fileName: `pending-changes-${createdAt.slice(0, 10)}-${this.server.deviceId().slice(-8)}.rcs-sync.json`,
      content: JSON.stringify(file),
      count: mutations.length,
    };
  }
}
