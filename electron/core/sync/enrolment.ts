/**
 * Enrolment with the state server (sync.md §2): the one-time code exchanged for a token and
 * an office, a new device identity when this computer was enrolled before or restored from
 * a backup, and what the enrolment says about this computer (a field laptop, and whose).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrolResponseSchema } from '#shared/sync/protocol';
import { AppError } from '#shared/errors';
import { deleteMeta, getMeta, setMeta } from '../db/app-meta';
import type { Prepare } from '../db/statement-cache';
import { newId } from '../ids';
import { HttpError, normaliseServerUrl, type ServerConnection } from './server-connection';
import { META, type SyncClientOptions } from './sync-context';
import { userName } from './sync-issues';

export class Enrolment {
  constructor(
    private readonly options: SyncClientOptions,
    private readonly prepare: Prepare,
    private readonly server: ServerConnection,
  ) {}

  /**
   * Enrols this computer with the state server using the administrator's one-time code,
   * and starts leasing numbers. Changes made before enrolment by the app itself (the demo
   * register) stay on this computer; everything people entered goes up at the first sync.
   * Fails with `invalid_input` (the refusal next to the field it is about) or `conflict`.
   */
  async enrol(
    serverUrl: string,
    code: string,
    label: string,
  ): Promise<{ url: string; token: string; officeId: string }> {
    let url: string;
    try {
      url = normaliseServerUrl(serverUrl);
    } catch {
      const message = 'That is not a server address: type it as the administrator gave it.';
      throw new AppError('invalid_input', message, { serverUrl: message });
    }
    // Enrolled before (a restored database, or moving to another server): from now on this
    // is a new device, so its change numbers never clash with what the server has.
    if (getMeta(this.options.sqlite, META.token) || this.mustReenrol()) this.renewIdentity();
    let response: unknown;
    try {
      response = await this.server.request(url, '/sync/v1/enrol', null, {
        client: this.server.clientInfo(),
        code,
        label,
        afterSeq: this.settledSeq(),
      });
    } catch (error) {
      // The refusal goes next to the field it is about.
      const message = (error as Error).message;
      if (!(error instanceof HttpError)) {
        throw new AppError('invalid_input', message, { serverUrl: message });
      }
      if (error.status === 403) throw new AppError('invalid_input', message, { code: message });
      throw new AppError(error.status === 409 ? 'conflict' : 'invalid_input', message);
    }
    const enrolled = enrolResponseSchema.parse(response);
    const { sqlite } = this.options;
    sqlite.transaction(() => {
      deleteMeta(sqlite, META.mustReenrol);
      setMeta(sqlite, META.url, url);
      setMeta(sqlite, META.token, enrolled.token);
      setMeta(sqlite, META.office, enrolled.officeId);
      if (enrolled.fieldUserId) setMeta(sqlite, META.fieldUser, enrolled.fieldUserId);
      else deleteMeta(sqlite, META.fieldUser);
      setMeta(sqlite, META.cursors, '{}');
      this.prepare(
        "UPDATE outbox SET state = 'local' WHERE state = 'pending' AND user_id IN ('system', 'demo')",
      ).run();
      // A field laptop's own set-up (its administrator's accounts) stays on it: the server
      // takes only its auditor's work from it.
      if (enrolled.fieldUserId) {
        this.prepare(
          "UPDATE outbox SET state = 'local' WHERE state = 'pending' AND user_id <> ?",
        ).run(enrolled.fieldUserId);
      }
    })();
    this.options.numbers.startLeasing();
    return { url, token: enrolled.token, officeId: enrolled.officeId };
  }

  /** Restored from a backup, or told by the server (409): it must enrol again to sync. */
  mustReenrol(): boolean {
    return this.restoredFromBackup() || getMeta(this.options.sqlite, META.mustReenrol) === '1';
  }

  /** The name of the auditor whose field laptop this is; null for an office computer. */
  fieldLaptopOf(): string | null {
    const userId = getMeta(this.options.sqlite, META.fieldUser);
    if (!userId) return null;
    return userName(this.prepare, userId) ?? 'its auditor';
  }

  /** The epoch in the database differs from the one kept beside it: a restored backup. */
  private restoredFromBackup(): boolean {
    const file = join(this.options.dataDir, 'install-epoch');
    if (!existsSync(file)) return false;
    return readFileSync(file, 'utf8').trim() !== getMeta(this.options.sqlite, 'install_epoch');
  }

  /** A new device id and install epoch, in the database and in the file beside it. */
  private renewIdentity(): void {
    const { sqlite } = this.options;
    const deviceId = newId();
    const epoch = newId();
    sqlite.transaction(() => {
      setMeta(sqlite, 'device_id', deviceId);
      setMeta(sqlite, 'install_epoch', epoch);
      deleteMeta(sqlite, META.token, META.cursors);
    })();
    writeFileSync(join(this.options.dataDir, 'install-epoch'), epoch);
    this.options.writer.setDeviceId(deviceId);
    this.options.logger.info('sync.identity_renewed', { deviceId });
  }

  /** The last seq the server has already decided: a new enrolment goes on after it. */
  private settledSeq(): number {
    return (
      this.prepare(
        "SELECT coalesce(max(seq), 0) AS n FROM outbox WHERE state NOT IN ('pending', 'local')",
      ).get() as { n: number }
    ).n;
  }
}
