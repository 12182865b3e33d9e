import { AppError } from '#shared/errors';
import {
  LEASE_LOW_WATER,
  PROVISIONAL_SERIES_LIKE,
  isProvisionalSeries,
  provisionalNumber,
  provisionalSeries,
  patternOfProvisional,
} from '#shared/sync/numbers';
import type { NumberLease } from '#shared/sync/protocol';
import { getMeta, setMeta } from '../db/app-meta';
import type { Sqlite } from '../db/open-database';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { MutationTx } from '../sync/mutation-writer';

/** Numbers a device takes at a time when it grants itself a block. */
export const BLOCK_SIZE = 50;

/** Set once this computer is enrolled: from then on only the state server's blocks count. */
const LEASED_META = 'numbers_leased';
/** Series a computer keeps blocks of: those given in the last half year. */
const ACTIVE_SERIES_DAYS = 183;

/** A series of numbers and how its numbers are written (from `numberPattern`). */
export interface NumberSeries {
  /** The series' name: the pattern with `{serial}` where the number goes. */
  series: string;
  /** The pattern with office and year filled in and the serial's width kept. */
  pattern: string;
  format(serial: number): string;
}

export interface Allocation {
  serial: number;
  number: string;
  /** Given while this computer had no leased numbers left: replaced at its next sync. */
  provisional: boolean;
}

/**
 * Gives numbers in a series (registration numbers, acknowledgements, certificate serials)
 * from blocks held by this device, records each in `number_allocations` (synced), and voids
 * numbers with a reason instead of reusing them (sync.md §6).
 *
 * A computer that is not enrolled with a state server grants itself the next block after
 * the highest number it knows in the series: exact for one desktop per office. Once it is
 * enrolled, blocks come only from the state server's leases, which never overlap; when they
 * run out offline it gives a provisional number that its next sync replaces.
 */
export class NumberAllocator {
  private readonly prepare: Prepare;

  constructor(private readonly sqlite: Sqlite) {
    this.prepare = statementCache(sqlite);
  }

  /**
   * The next number of `numbering`, given to `ownerId` for `purpose`, inside the caller's
   * transaction. `final` refuses a provisional number (a certificate prints its serial).
   */
  allocate(
    tx: MutationTx,
    numbering: NumberSeries,
    purpose: string,
    ownerId: string,
    options: { isTaken?: (number: string) => boolean; final?: boolean } = {},
  ): Allocation {
    const { series } = numbering;
    for (;;) {
      let block = this.prepare(
        'SELECT id, next, last FROM number_blocks WHERE series = ? AND next <= last ORDER BY first LIMIT 1',
      ).get(series) as { id: number; next: number; last: number } | undefined;
      if (!block) {
        if (this.leased()) {
          if (options.final) {
            throw new AppError(
              'conflict',
              `This computer has used up the numbers the state server gave it for ${numbering.series.replace('{serial}', '…')}. Sync with the state server (Sync screen, Alt+Y) to get the next block, then try again.`,
            );
          }
          return this.allocateProvisional(tx, numbering, purpose, ownerId);
        }
        block = this.grantBlock(tx, series);
      }
      const serial = block.next;
      this.prepare('UPDATE number_blocks SET next = next + 1 WHERE id = ?').run(block.id);
      // Given here before this computer was enrolled: a leased block may start below it.
      if (
        this.prepare('SELECT 1 FROM number_allocations WHERE series = ? AND serial = ?').get(
          series,
          serial,
        )
      ) {
        continue;
      }
      const number = numbering.format(serial);
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
      return { serial, number, provisional: false };
    }
  }

  /**
   * A number in this computer's own provisional series. The series keeps the pattern with
   * its width, so the sync that replaces it knows how the final number is written.
   */
  private allocateProvisional(
    tx: MutationTx,
    numbering: NumberSeries,
    purpose: string,
    ownerId: string,
  ): Allocation {
    const deviceId = getMeta(this.sqlite, 'device_id') ?? 'unknown';
    const series = provisionalSeries(numbering.pattern, deviceId);
    const serial =
      (
        this.prepare(
          'SELECT coalesce(max(serial), 0) AS n FROM number_allocations WHERE series = ?',
        ).get(series) as { n: number }
      ).n + 1;
    const number = provisionalNumber(numbering.pattern, deviceId, serial);
    this.record(tx, series, serial, number, purpose, ownerId, null);
    return { serial, number, provisional: true };
  }

  /** Whether `number` is a provisional number still waiting for its final one. */
  isProvisional(number: string): boolean {
    const row = this.prepare(
      'SELECT series FROM number_allocations WHERE number = ? AND voided_at IS NULL',
    ).get(number) as { series: string } | undefined;
    return row ? isProvisionalSeries(row.series) : false;
  }

  /** Provisional numbers still in use, oldest first: the next sync replaces them. */
  provisionalInUse(): {
    id: string;
    series: string;
    number: string;
    purpose: string;
    ownerId: string;
    createdBy: string;
  }[] {
    return this.prepare(
      `SELECT id, series, number, purpose, owner_id AS ownerId, created_by AS createdBy FROM number_allocations
       WHERE series LIKE ? AND voided_at IS NULL AND deleted_at IS NULL
       ORDER BY created_at, serial`,
    ).all(PROVISIONAL_SERIES_LIKE) as ReturnType<NumberAllocator['provisionalInUse']>;
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

  // ── blocks leased by the state server (sync.md §6) ─────────────────────────────────────

  /**
   * From enrolment on, numbers come only from the state server. Blocks held before are
   * closed (their unused numbers are never given): they were granted by this computer
   * itself, or leased to the device this database was before a restore, whose later
   * numbers the server already has.
   */
  startLeasing(): void {
    this.sqlite.transaction(() => {
      this.prepare('UPDATE number_blocks SET next = last + 1 WHERE next <= last').run();
      setMeta(this.sqlite, LEASED_META, '1');
    })();
  }

  /** Whether a leased block of `series` still has a number to give. */
  hasLeasedLeft(series: string): boolean {
    return Boolean(
      this.prepare(
        'SELECT 1 FROM number_blocks WHERE series = ? AND lease_id IS NOT NULL AND next <= last',
      ).get(series),
    );
  }

  private leased(): boolean {
    return getMeta(this.sqlite, LEASED_META) === '1';
  }

  /**
   * The series this computer should hold a fresh block of: its office's series of this
   * year (`current`), those given here or pulled for its office in the last half year, and
   * those it gave provisional numbers in, that have fewer than `LEASE_LOW_WATER` leased
   * numbers left.
   */
  wantedSeries(
    now: Date,
    current: readonly NumberSeries[],
  ): { series: string; holding: string[] }[] {
    const since = new Date(now.getTime() - ACTIVE_SERIES_DAYS * 86_400_000).toISOString();
    const recent = this.prepare(
      'SELECT DISTINCT series FROM number_allocations WHERE created_at >= ? AND series NOT LIKE ?',
    ).all(since, PROVISIONAL_SERIES_LIKE) as { series: string }[];
    const waiting = this.provisionalInUse().map(
      (row) => numberPattern(patternOfProvisional(row.series)).series,
    );
    const wanted: { series: string; holding: string[] }[] = [];
    const candidates = [
      ...current.map((numbering) => numbering.series),
      ...recent.map((row) => row.series),
      ...waiting,
    ];
    for (const series of new Set(candidates)) {
      const blocks = this.prepare(
        'SELECT lease_id AS leaseId, last - next + 1 AS left FROM number_blocks WHERE series = ? AND lease_id IS NOT NULL',
      ).all(series) as { leaseId: string; left: number }[];
      const left = blocks.reduce((sum, block) => sum + Math.max(block.left, 0), 0);
      if (left < LEASE_LOW_WATER) wanted.push({ series, holding: blocks.map((b) => b.leaseId) });
    }
    return wanted;
  }

  /** Keeps the blocks the state server leased to this computer (each once). */
  storeLeases(leases: readonly NumberLease[], now: string): void {
    this.sqlite.transaction(() => {
      for (const lease of leases) {
        this.prepare(
          `INSERT INTO number_blocks (series, first, last, next, granted_by, granted_at, lease_id)
           SELECT ?, ?, ?, ?, 'state server', ?, ? WHERE NOT EXISTS (SELECT 1 FROM number_blocks WHERE lease_id = ?)`,
        ).run(lease.series, lease.first, lease.last, lease.first, now, lease.id, lease.id);
      }
    })();
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
 * The numbered series of an office and financial year besides registration numbers (whose
 * pattern is a rule parameter): the one place their shape is written.
 */
export const SERIES_PATTERNS = {
  acknowledgement: 'ACK/{office}/{fy}/{serial:4}',
  returnAcknowledgement: 'RET/{office}/{fy}/{serial:4}',
  returnNotice: 'NOT/{office}/{fy}/{serial:4}',
  auditFeeReceipt: 'AFR/{office}/{fy}/{serial:4}',
  registrationCertificate: 'RC/{office}/{fy}/{serial:6}',
  auditCertificate: 'AC/{office}/{fy}/{serial:6}',
} as const;

/** The series of `kind` an office gives in a financial year. */
export function officeNumbering(
  kind: keyof typeof SERIES_PATTERNS,
  office: string,
  fy: string,
): NumberSeries {
  return numberPattern(SERIES_PATTERNS[kind], { office, fy });
}

/**
 * A registration number from the pattern in the rule parameters, e.g.
 * `RCS/{office}/{fy}/{serial:4}` → series `RCS/AIZ/2026-27/{serial}`, number
 * `RCS/AIZ/2026-27/0001`.
 */
export function numberPattern(
  pattern: string,
  values: { office: string; fy: string } = { office: '', fy: '' },
): NumberSeries {
  const filled = pattern.replaceAll('{office}', values.office).replaceAll('{fy}', values.fy);
  const match = /\{serial(?::(\d+))?\}/u.exec(filled);
  if (!match) throw new Error(`The number pattern "${pattern}" has no {serial}.`);
  const width = Number(match[1] ?? 1);
  // The whole pattern names the series (serial left as a placeholder), so patterns that put
  // the serial first still keep offices and years apart.
  const series = filled.replace(match[0], '{serial}');
  return {
    series,
    pattern: filled,
    format: (serial) => filled.replace(match[0], String(serial).padStart(width, '0')),
  };
}
