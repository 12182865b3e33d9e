/**
 * The "Sync issues" inbox (sync.md §3, §5): the office's conflicts and refused changes as
 * the server last gave them, named so a person can read them, and the registrar's decision
 * on one recorded as a `conflict.resolve` change.
 */
import { z } from 'zod';
import { isSyncTable, type SyncTable } from '#shared/sync/entities';
import {
  MINE_DECIDABLE,
  setAsideRefusal,
  syncIssueSchema,
  type SyncIssue,
} from '#shared/sync/protocol';
import { AppError } from '#shared/errors';
import type { Prepare } from '../db/statement-cache';
import type { Actor } from './mutation-writer';
import type { ServerConnection } from './server-connection';
import type { SyncClientOptions } from './sync-context';

export type SyncIssueRow = SyncIssue & {
  recordLabel: string;
  madeByName: string;
  theirsByName: string | null;
  fromThisDevice: boolean;
};

const TABLE_LABELS: Record<string, string> = {
  societies: 'Society',
  society_area_villages: 'Area of operation',
  registration_applications: 'Application',
  annual_returns: 'Annual return',
  audits: 'Audit',
  audit_observations: 'Audit observation',
  certificates: 'Certificate',
  users: 'User',
  status_orders: 'Status order',
  number_allocations: 'Number given',
};

/** A user's full name as this computer holds it; undefined for one it does not. */
export function userName(prepare: Prepare, id: string): string | undefined {
  const user = prepare('SELECT full_name AS name FROM users WHERE id = ?').get(id) as
    { name: string } | undefined;
  return user?.name;
}

export class SyncIssues {
  constructor(
    private readonly options: SyncClientOptions,
    private readonly prepare: Prepare,
    private readonly server: ServerConnection,
    private readonly columnsOf: (table: SyncTable) => string[],
  ) {}

  /** How many issues the inbox holds. */
  count(): number {
    return (this.prepare('SELECT count(*) AS n FROM sync_issues').get() as { n: number }).n;
  }

  /** The office's sync issues as last fetched, newest first, with names a person reads. */
  list(): SyncIssueRow[] {
    const rows = this.prepare(
      'SELECT data FROM sync_issues ORDER BY fetched_at DESC, id',
    ).all() as {
      data: string;
    }[];
    const nameOf = (id: string | null) =>
      id ? (userName(this.prepare, id) ?? 'A user of another office') : null;
    return rows
      .map((row) => syncIssueSchema.parse(JSON.parse(row.data)))
      .sort((a, b) => b.madeAt.localeCompare(a.madeAt))
      .map((issue) => ({
        ...issue,
        recordLabel: this.recordLabel(issue.table, issue.entityId, issue.fields),
        madeByName: nameOf(issue.userId) ?? '',
        theirsByName: nameOf(issue.theirsBy),
        fromThisDevice: issue.deviceId === this.server.deviceId(),
      }));
  }

  /**
   * The registrar's decision on an issue, recorded as a `conflict.resolve` change: the
   * server applies it (keeping this side's values, or the server's) and every computer of
   * the office receives the result. The issue leaves the inbox at once. Fails with
   * `not_found` for an issue no longer open, `invalid_input` for a choice it does not allow.
   */
  resolve(actor: Actor, issueId: string, choice: 'mine' | 'theirs'): void {
    const row = this.prepare('SELECT data FROM sync_issues WHERE id = ?').get(issueId) as
      { data: string } | undefined;
    if (!row)
      throw new AppError(
        'not_found',
        'That sync issue is no longer open. Sync to see the current list.',
      );
    const issue = syncIssueSchema.parse(JSON.parse(row.data));
    if (choice === 'mine' && !MINE_DECIDABLE.includes(issue.kind)) {
      throw new AppError(
        'invalid_input',
        'Only a conflict can keep this side’s values; a refused change can only be set aside.',
      );
    }
    const kept = choice === 'theirs' ? setAsideRefusal(issue) : null;
    if (kept) throw new AppError('invalid_input', kept);
    this.options.writer.run(actor, (tx) => {
      tx.record({
        name: 'conflict.resolve',
        entity: 'sync_issue',
        entityId: issueId,
        args: { choice },
        baseVersion: null,
        base: null,
        subjectId: issue.entityId,
      });
      this.prepare('DELETE FROM sync_issues WHERE id = ?').run(issueId);
    });
  }

  /** Replaces the inbox with the office's issues as the server has them now. */
  async fetch(url: string, token: string): Promise<void> {
    const response = z.object({ issues: z.array(syncIssueSchema) }).parse(
      await this.server.request(url, '/sync/v1/issues', token, {
        client: this.server.clientInfo(),
      }),
    );
    const { sqlite } = this.options;
    const now = this.options.clock.now().toISOString();
    const insert = this.prepare(
      'INSERT INTO sync_issues (id, kind, data, fetched_at) VALUES (?, ?, ?, ?)',
    );
    sqlite.transaction(() => {
      this.prepare('DELETE FROM sync_issues').run();
      for (const issue of response.issues)
        insert.run(issue.id, issue.kind, JSON.stringify(issue), now);
    })();
  }

  private recordLabel(table: string, id: string, fields: SyncIssue['fields']): string {
    const label = TABLE_LABELS[table] ?? table.replaceAll('_', ' ');
    if (!isSyncTable(table)) return label;
    const columns = this.columnsOf(table);
    const societyId =
      table === 'societies'
        ? id
        : columns.includes('society_id')
          ? ((
              this.prepare(`SELECT society_id AS s FROM ${table} WHERE id = ?`).get(id) as
                { s: string | null } | undefined
            )?.s ?? null)
          : null;
    const society = societyId
      ? (this.prepare('SELECT name FROM societies WHERE id = ?').get(societyId) as
          { name: string } | undefined)
      : undefined;
    if (society) return `${label}: ${society.name}`;
    // A society this computer does not hold (another computer's entry held as a likely
    // duplicate) is named by the change itself.
    const named = table === 'societies' ? fields['name']?.mine : undefined;
    return typeof named === 'string' ? `${label}: ${named}` : label;
  }
}
