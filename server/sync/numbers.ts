/**
 * Registration numbers (and every other numbered series) under sync (sync.md §6): the
 * server leases each computer blocks of a series from one per-series counter that only goes
 * up, so blocks never overlap; a pushed number must lie inside a block leased to the
 * computer that gave it.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { LEASE_BLOCK_SIZE, isProvisionalSeries } from '#shared/sync/numbers';
import type { NumberLease, NumbersRequest } from '#shared/sync/protocol';
import { EnrolmentError } from '../devices';
import { rowsOf, type ServerDb } from '../db/open';
import { numberLeases } from '../db/schema';
import { newServerId } from '../ids';
import type { StateDirectory } from '../state-directory';
import type { DeviceRecord } from './decision';
import type { ServerTx } from './rows';

/**
 * Grants `device` a block of each series it runs low on, and answers again any lease it was
 * given but does not list (an answer lost on the way), instead of granting another.
 */
export async function leaseNumbers(
  db: ServerDb,
  directory: StateDirectory,
  device: DeviceRecord,
  wants: NumbersRequest['wants'],
  now: string,
): Promise<NumberLease[]> {
  const office = directory.office(device.officeId);
  for (const want of wants) {
    // A series names its office (RCS/AIZ/2026-27/…): a district office leases only its own.
    const ownOffice =
      directory.isStateOffice(device.officeId) ||
      (office !== undefined && want.series.split('/').includes(office.code));
    if (isProvisionalSeries(want.series) || !ownOffice) {
      throw new EnrolmentError(
        400,
        `This computer may not lease numbers of the series ${want.series}.`,
      );
    }
  }
  return db.transaction(async (tx) => {
    const answered: NumberLease[] = [];
    for (const want of wants) {
      const held = await tx
        .select()
        .from(numberLeases)
        .where(
          and(
            eq(numberLeases.deviceId, device.id),
            eq(numberLeases.series, want.series),
            isNull(numberLeases.revokedAt),
          ),
        );
      const holding = new Set(want.holding);
      const unseen = held.filter((lease) => !holding.has(lease.id));
      if (unseen.length > 0) {
        answered.push(...unseen.map(asLease));
        continue;
      }
      const first = (await advanceCounter(tx, want.series, LEASE_BLOCK_SIZE)) + 1;
      answered.push(
        await insertLease(tx, device, want.series, first, first + LEASE_BLOCK_SIZE - 1, now),
      );
    }
    return answered;
  });
}

/**
 * Why a number a device pushed cannot stand, or null when it can. Numbers inside one of the
 * device's leases stand (a revoked device's too: they were given before it was withdrawn,
 * and nobody else is ever leased them). A number outside every lease was given before the
 * computer was enrolled: it stands if nobody else holds it, and is leased to the computer
 * from then on so the series moves past it.
 */
export async function numberRefusal(
  tx: ServerTx,
  device: DeviceRecord,
  allocation: { id: string; series: string; serial: number; number: string },
  now: string,
): Promise<string | null> {
  if (isProvisionalSeries(allocation.series)) return null;
  const covering = async () =>
    (
      await tx
        .select({ deviceId: numberLeases.deviceId })
        .from(numberLeases)
        .where(
          and(
            eq(numberLeases.series, allocation.series),
            sql`${numberLeases.first} <= ${allocation.serial}`,
            sql`${numberLeases.last} >= ${allocation.serial}`,
          ),
        )
        .limit(1)
    )[0];
  const lease = await covering();
  if (lease?.deviceId === device.id) return null;
  if (lease) return refusalOf(allocation.number);
  // Outside every lease: decided under the series' counter lock, so two computers pushing
  // the same early number concurrently cannot both keep it.
  const counter = await lockCounter(tx, allocation.series);
  const leasedMeanwhile = await covering();
  if (leasedMeanwhile)
    return leasedMeanwhile.deviceId === device.id ? null : refusalOf(allocation.number);
  const given = await tx.execute(
    sql`SELECT 1 FROM sync_rows WHERE table_name = 'number_allocations'
        AND data->>'series' = ${allocation.series} AND (data->>'serial')::int = ${allocation.serial}
        AND id <> ${allocation.id} LIMIT 1`,
  );
  if (rowsOf(given).length > 0) return refusalOf(allocation.number);
  await insertLease(tx, device, allocation.series, allocation.serial, allocation.serial, now);
  if (allocation.serial > counter) await setCounter(tx, allocation.series, allocation.serial);
  return null;
}

function refusalOf(number: string): string {
  return `The number ${number} belongs to a block the state server gave another computer; this computer must not give it.`;
}

async function insertLease(
  tx: ServerTx,
  device: DeviceRecord,
  series: string,
  first: number,
  last: number,
  now: string,
): Promise<NumberLease> {
  const lease = { id: newServerId(), series, first, last };
  await tx.insert(numberLeases).values({ ...lease, deviceId: device.id, leasedAt: now });
  return lease;
}

function asLease(row: { id: string; series: string; first: number; last: number }): NumberLease {
  return { id: row.id, series: row.series, first: row.first, last: row.last };
}

const counterName = (series: string) => `number_series:${series}`;

/**
 * The series' counter (the last number leased or known), locked until the transaction
 * ends. Created on first use above every number of the series the server already holds.
 */
async function lockCounter(tx: ServerTx, series: string): Promise<number> {
  const name = counterName(series);
  await tx.execute(
    sql`INSERT INTO server_counters (name, value)
        SELECT ${name}, greatest(
          (SELECT coalesce(max((data->>'serial')::int), 0) FROM sync_rows
           WHERE table_name = 'number_allocations' AND data->>'series' = ${series}),
          (SELECT coalesce(max(last), 0) FROM number_leases WHERE series = ${series}))
        ON CONFLICT (name) DO NOTHING`,
  );
  const locked = await tx.execute(
    sql`SELECT value FROM server_counters WHERE name = ${name} FOR UPDATE`,
  );
  return Number(rowsOf<{ value: string | number }>(locked)[0]!.value);
}

async function setCounter(tx: ServerTx, series: string, value: number): Promise<void> {
  await tx.execute(
    sql`UPDATE server_counters SET value = ${value} WHERE name = ${counterName(series)}`,
  );
}

/** Moves the series' counter on by `count`; answers where it stood. */
async function advanceCounter(tx: ServerTx, series: string, count: number): Promise<number> {
  const before = await lockCounter(tx, series);
  await setCounter(tx, series, before + count);
  return before;
}
