/**
 * Societies this computer no longer holds (sync.md §3, §7): a field laptop's assignment
 * ended, or a society moved to another office. They are tracked page by page as the
 * buckets change, and their rows are deleted once nothing waits to go up from them.
 */
import { z } from 'zod';
import { societyOfBucket, type PullResponse } from '#shared/sync/protocol';
import { getMeta, setMeta } from '../db/app-meta';
import type { Prepare } from '../db/statement-cache';
import { META, type SyncClientOptions } from './sync-context';
import { societyRowConditions } from './society-rows';

export class DepartedSocieties {
  constructor(
    private readonly options: SyncClientOptions,
    private readonly prepare: Prepare,
  ) {}

  /** Societies this computer is to forget, as last stored. */
  stored(): string[] {
    const text = getMeta(this.options.sqlite, META.departed);
    return text ? z.array(z.string()).parse(JSON.parse(text)) : [];
  }

  /**
   * The societies to forget after this page: those whose bucket was followed and is no
   * longer given, and those the page says left its bucket; less those that came back (a
   * society bucket given again, a society row later than its leaving).
   */
  after(cursors: Record<string, number>, page: PullResponse): string[] {
    const departed = new Set(this.stored());
    for (const bucket of Object.keys(cursors)) {
      const id = societyOfBucket(bucket);
      if (id && !page.buckets.includes(bucket)) departed.add(id);
    }
    for (const bucket of page.buckets) {
      const id = societyOfBucket(bucket);
      if (id) departed.delete(id);
    }
    const arrived = new Map<string, number>();
    for (const row of page.rows) if (row.table === 'societies') arrived.set(row.id, row.serverSeq);
    const left = new Map(page.departed.map((move) => [move.societyId, move.serverSeq]));
    for (const [id, seq] of arrived) if ((left.get(id) ?? 0) < seq) departed.delete(id);
    for (const [id, seq] of left) if ((arrived.get(id) ?? 0) < seq) departed.add(id);
    return [...departed];
  }

  /**
   * Deletes the local rows of societies this computer no longer holds (a field laptop's
   * audit was reassigned or closed; a society moved to another office), except one with
   * changes still waiting to go up: it is forgotten after a later sync, when the server
   * has decided them. Never fails: on an error the rows stay and a later sync tries again.
   */
  forget(): void {
    const departed = this.stored();
    if (departed.length === 0) return;
    const { sqlite } = this.options;
    const conditions = societyRowConditions();
    const pending = this.prepare(
      `SELECT 1 FROM outbox_rows r JOIN outbox o ON o.seq = r.seq
       WHERE o.state = 'pending' AND r.table_name = ? AND r.row_id = ? LIMIT 1`,
    );
    // Every row of each society, found before any goes (a child is found through its parent).
    const rowsOf = (society: string) =>
      [...conditions].map(([table, condition]) => ({
        table,
        ids: this.prepare(`SELECT id FROM ${table} WHERE ${condition}`)
          .pluck()
          .all({ society }) as string[],
      }));
    const plans = departed.map((society) => ({ society, rows: rowsOf(society) }));
    const ready = plans.filter(
      ({ rows }) => !rows.some(({ table, ids }) => ids.some((id) => pending.get(table, id))),
    );
    if (ready.length === 0) return;
    // A record of the office may still point at a forgotten one (a name reservation at the
    // application that used it): the reference stays, as it does for a row not yet pulled.
    sqlite.pragma('foreign_keys = OFF');
    try {
      sqlite.transaction(() => {
        this.options.onForgetting(ready.map(({ society }) => society));
        this.prepare('INSERT INTO temp.forget_guard (open) VALUES (1)').run();
        for (const { rows } of ready) {
          for (const { table, ids } of rows) {
            const drop = this.prepare(`DELETE FROM ${table} WHERE id = ?`);
            for (const id of ids) drop.run(id);
          }
        }
        this.prepare('DELETE FROM temp.forget_guard').run();
        const left = departed.filter((society) => !ready.some((plan) => plan.society === society));
        setMeta(sqlite, META.departed, JSON.stringify(left));
      })();
    } catch (error) {
      // Never a reason for the sync to stop: the rows stay, and the next run tries again.
      this.options.logger.warn('sync.forget_failed', { problem: (error as Error).message });
      return;
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
    this.options.logger.info('sync.societies_forgotten', { count: ready.length });
    this.options.onPulled({ tables: new Set(conditions.keys()), societyIds: new Set() });
  }
}
