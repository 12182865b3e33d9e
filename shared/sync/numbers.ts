/**
 * Numbers in a series (registration numbers, acknowledgements, receipts, certificate
 * serials) under sync (sync.md §6). The state server leases each enrolled computer blocks
 * of a series; a computer whose blocks run out offline gives a provisional number instead,
 * in a series of its own, and replaces it with a leased one at its next sync.
 */

/** The mutation that gives a record its final number in place of its provisional one. */
export const REPLACE_PROVISIONAL = 'number.replaceProvisional';

/** Numbers in one leased block. */
export const LEASE_BLOCK_SIZE = 50;

/** A computer asks for the next block of a series once fewer than this many are left. */
export const LEASE_LOW_WATER = 10;

const PROVISIONAL_PREFIX = 'provisional/';

/**
 * The series a computer's provisional numbers of a pattern (`RCS/AIZ/2026-27/{serial:4}`)
 * are counted in: its own, named with the whole pattern so the final number can be written
 * the same way when it replaces the provisional one.
 */
export function provisionalSeries(pattern: string, deviceId: string): string {
  return `${PROVISIONAL_PREFIX}${deviceId}/${pattern}`;
}

/** The pattern a provisional series was counted for. */
export function patternOfProvisional(series: string): string {
  return series.slice(PROVISIONAL_PREFIX.length).replace(/^[^/]*\//u, '');
}

/** SQL `LIKE` pattern of every provisional series, for queries over number_allocations. */
export const PROVISIONAL_SERIES_LIKE = `${PROVISIONAL_PREFIX}%`;

export function isProvisionalSeries(series: string): boolean {
  return series.startsWith(PROVISIONAL_PREFIX);
}

/**
 * A provisional number as printed: the pattern's own shape with `P-<computer>-<n>` where the
 * serial goes (RCS/AIZ/2026-27/P-3F9A2C-1), so a clerk sees at once that it is not final
 * and two computers never print the same one.
 */
export function provisionalNumber(pattern: string, deviceId: string, serial: number): string {
  const computer = deviceId.replace(/-/g, '').slice(-6).toUpperCase();
  return pattern.replace(/\{serial(?::\d+)?\}/u, `P-${computer}-${serial}`);
}

const NOT_USED_REFUSED = 'Not used: the record it was given to was refused at the state server. ';

/**
 * Why a number is kept as void when the record it was given to was refused for good: the
 * register of numbers says it was not used, then why the record was refused.
 */
export function voidReasonForRefused(refusal: string): string {
  return `${NOT_USED_REFUSED}${refusal}`;
}

/**
 * Why the record carrying a voided number was refused, for a screen about that record (a
 * certificate printed with the serial): the refusal's own words, or the void reason whole.
 */
export function refusalOfVoided(voidReason: string): string {
  return voidReason.startsWith(NOT_USED_REFUSED)
    ? voidReason.slice(NOT_USED_REFUSED.length)
    : voidReason;
}
