import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../db/open-database';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { MutationTx } from '../sync/mutation-writer';

/** Numbers a device takes at a time when it grants itself a block. */
export const BLOCK_SIZE = 50;

/**
 * Gives numbers in a series (registration numbers, acknowledgements, certificate serials)
 * from blocks held by this device, records each in `number_allocations` (synced), and voids
 * numbers with a reason instead of reusing them (sync.md §6).
 *
 * Until sync exists, a device grants itself the next block after the highest number it
 * knows in the series. That is exact for one desktop per office; with several, the state
 * server's grants (issue #7) are what keep them apart, and this class then only spends them.
 */
export class NumberAllocator {
  private readonly prepare: Prepare;

  constructor(sqlite: Sqlite) {
    this.prepare = statementCache(sqlite);
  }

  /**
   * The next number of `series`, formatted by `format(serial)`, given to `ownerId` for
   * `purpose`, inside the caller's transaction.
   */
  allocate(
    tx: MutationTx,
    series: string,
    purpose: string,
    ownerId: string,
    format: (serial: number) => string,
    options: { isTaken?: (number: string) => boolean } = {},
  ): { serial: number; number: string } {
    for (;;) {
      let block = this.prepare(
        'SELECT id, next, last FROM number_blocks WHERE series = ? AND next <= last ORDER BY first LIMIT 1',
      ).get(series) as { id: number; next: number; last: number } | undefined;
      if (!block) block = this.grantBlock(tx, series);
      const serial = block.next;
      this.prepare('UPDATE number_blocks SET next = next + 1 WHERE id = ?').run(block.id);
      const number = format(serial);
      if (options.isTaken?.(number)) {
        // Already carried by a record entered from paper: passed over, never given.
        this.record(
          tx,
          series,
          serial,
          number,
          purpose,
          ownerId,
          'Already used by a society entered from old records',
        );
        continue;
      }
      this.record(tx, series, serial, number, purpose, ownerId, null);
      return { serial, number };
    }
  }

  private record(
    tx: MutationTx,
    series: string,
    serial: number,
    number: string,
    purpose: string,
    ownerId: string,
    voidReason: string | null,
  ): void {
    const id = tx.newId();
    const voidedAt = voidReason ? tx.now : null;
    this.prepare(
      `INSERT INTO number_allocations (id, version, created_at, created_by, updated_at, updated_by, series, serial, number, purpose,
         owner_id, voided_at, void_reason)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      tx.now,
      tx.userId,
      tx.now,
      tx.userId,
      series,
      serial,
      number,
      purpose,
      ownerId,
      voidedAt,
      voidReason,
    );
    tx.record({
      name: 'number.allocate',
      entity: 'number_allocation',
      entityId: id,
      subjectId: ownerId,
      args: { series, serial, number, purpose, ownerId, voidedAt, voidReason },
      baseVersion: null,
      base: null,
    });
  }

  /** Voids a number given to something that did not go ahead; it is never given again. */
  void(tx: MutationTx, number: string, reason: string): void {
    const row = this.prepare(
      'SELECT id, version, owner_id AS ownerId, voided_at AS voidedAt FROM number_allocations WHERE number = ?',
    ).get(number) as
      { id: string; version: number; ownerId: string; voidedAt: string | null } | undefined;
    if (!row) throw new AppError('not_found', `Number ${number} was never given.`);
    if (row.voidedAt) throw new AppError('conflict', `Number ${number} is already void.`);
    this.prepare(
      'UPDATE number_allocations SET voided_at = ?, void_reason = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
    ).run(tx.now, reason, tx.now, tx.userId, row.id);
    tx.record({
      name: 'number.void',
      entity: 'number_allocation',
      entityId: row.id,
      subjectId: row.ownerId,
      args: { voidedAt: tx.now, voidReason: reason },
      baseVersion: row.version,
      base: { voidedAt: null, voidReason: null },
    });
  }

  private grantBlock(tx: MutationTx, series: string): { id: number; next: number; last: number } {
    const highest =
      (
        this.prepare(
          `SELECT max(n) AS n FROM (
           SELECT max(last) AS n FROM number_blocks WHERE series = ?
           UNION ALL SELECT max(serial) FROM number_allocations WHERE series = ?)`,
        ).get(series, series) as { n: number | null }
      ).n ?? 0;
    const first = highest + 1;
    const last = first + BLOCK_SIZE - 1;
    const { lastInsertRowid } = this.prepare(
      `INSERT INTO number_blocks (series, first, last, next, granted_by, granted_at)
       VALUES (?, ?, ?, ?, 'this device', ?)`,
    ).run(series, first, last, first, tx.now);
    return { id: Number(lastInsertRowid), next: first, last };
  }
}

/**
 * A registration number from the pattern in the rule parameters, e.g.
 * `RCS/{office}/{fy}/{serial:4}` → series `RCS/AIZ/2026-27/{serial}`, number
 * `RCS/AIZ/2026-27/0001`.
 */
export function numberPattern(
  pattern: string,
  values: { office: string; fy: string },
): { series: string; format: (serial: number) => string } {
  const filled = pattern.replaceAll('{office}', values.office).replaceAll('{fy}', values.fy);
  const match = /\{serial(?::(\d+))?\}/u.exec(filled);
  if (!match) throw new Error(`The number pattern "${pattern}" has no {serial}.`);
  const width = Number(match[1] ?? 1);
  // The whole pattern names the series (serial left as a placeholder), so patterns that put
  // the serial first still keep offices and years apart.
  const series = filled.replace(match[0], '{serial}');
  return {
    series,
    format: (serial) => filled.replace(match[0], String(serial).padStart(width, '0')),
  };
}
