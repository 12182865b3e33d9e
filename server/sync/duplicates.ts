/**
 * Two offices entering one society offline (sync.md §5): the ids differ, so nothing
 * clashes, but the register would hold it twice. A new society with the same distinctive
 * name as one already registered in the same village is held for the registrar, who says
 * whether it is a different society.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { distinctiveName } from '#shared/registration/registration';
import { deriveColumns, type RowImage } from '#shared/sync/entities';
import type { ServerDb } from '../db/open';
import { societyKeys, syncRows } from '../db/schema';
import type { StateDirectory } from '../state-directory';
import type { RowStore, ServerTx, StoredRow } from './rows';

export interface LikelyDuplicate {
  /** The society already on the state register. */
  existing: StoredRow;
  reason: string;
  /** Side by side for the inbox: this entry's values and the registered society's. */
  fields: Record<string, { base: unknown; mine: unknown; theirs: unknown }>;
}

const COMPARED = ['name', 'reg_no', 'registered_on', 'address'] as const;

/** A society's village and distinctive name, or null when it has none to compare. */
function keyOf(data: RowImage): { villageId: string; nameKey: string } | null {
  const villageId = data['village_id'];
  const nameKey = distinctiveName(String(data['name'] ?? ''));
  return typeof villageId === 'string' && nameKey !== '' && !data['deleted_at']
    ? { villageId, nameKey }
    : null;
}

/**
 * The likely-duplicate check of one push: the village-and-name keys of every society the
 * push brings are looked up in one query, so each new society costs no round trip of its own.
 */
export class LikelyDuplicates {
  /** `village|name key` → the registered societies with it. */
  private readonly known = new Map<string, string[]>();

  constructor(
    private readonly tx: ServerTx,
    private readonly store: RowStore,
    private readonly directory: StateDirectory,
  ) {}

  async preload(societies: readonly RowImage[]): Promise<void> {
    const keys = [
      ...new Map(
        societies
          .map(keyOf)
          .filter((key) => key !== null)
          .map((key) => [lookup(key), key]),
      ).values(),
    ].filter((key) => !this.known.has(lookup(key)));
    for (let start = 0; start < keys.length; start += 500) {
      const chunk = keys.slice(start, start + 500);
      for (const key of chunk) this.known.set(lookup(key), []);
      const found = await this.tx
        .select()
        .from(societyKeys)
        .where(
          or(
            ...chunk.map((key) =>
              and(eq(societyKeys.villageId, key.villageId), eq(societyKeys.nameKey, key.nameKey)),
            ),
          ),
        );
      for (const row of found) this.known.get(lookup(row))!.push(row.societyId);
    }
  }

  /** A registered society that `society`, new on the server, is likely the same as. */
  async find(society: { id: string; data: RowImage }): Promise<LikelyDuplicate | null> {
    const key = keyOf(society.data);
    if (!key) return null;
    await this.preload([society.data]);
    const twin = this.known.get(lookup(key))!.find((id) => id !== society.id);
    const existing = twin ? await this.store.read('societies', twin) : null;
    if (!existing) return null;
    const office = existing.officeId ? this.directory.office(existing.officeId) : undefined;
    const registered = existing.data['reg_no'] ? ` (${String(existing.data['reg_no'])})` : '';
    return {
      existing,
      reason: `Likely the same society as ${String(existing.data['name'])}${registered} of the same village, already on the state register${office ? ` from ${office.shortName}` : ''}. The registrar decides whether this is a different society.`,
      fields: Object.fromEntries(
        COMPARED.map((column) => [
          column,
          { base: null, mine: society.data[column] ?? null, theirs: existing.data[column] ?? null },
        ]),
      ),
    };
  }
}

function lookup(key: { villageId: string; nameKey: string }): string {
  return `${key.villageId}|${key.nameKey}`;
}

/** Likely-duplicate lookups, loaded for all the push's new societies at once. */
export function likelyDuplicatesOf(tx: ServerTx, store: RowStore, directory: StateDirectory) {
  return store.lookup(LikelyDuplicates, () => new LikelyDuplicates(tx, store, directory));
}

/**
 * Why a new society (`id`, `data`) cannot be entered: its registration number is already on
 * the state register, for another society; null when it is not.
 */
export async function registrationNumberTaken(
  store: RowStore,
  data: RowImage,
  id: string,
): Promise<string | null> {
  const key = deriveColumns('societies', data)['reg_no_key'];
  if (typeof key !== 'string') return null;
  const clash = await store.findBy('societies', 'reg_no_key', key, id);
  return clash
    ? `Registration number ${String(data['reg_no'])} is already on the state register, for ${String(clash.data['name'])}.`
    : null;
}

/** Keeps `society_keys` with the society rows a push writes. */
export async function writeSocietyKeys(
  tx: ServerTx,
  rows: readonly { id: string; data: unknown }[],
): Promise<void> {
  if (rows.length === 0) return;
  const keyed = rows.map((row) => ({ societyId: row.id, key: keyOf(row.data as RowImage) }));
  await tx.delete(societyKeys).where(
    inArray(
      societyKeys.societyId,
      keyed.map((row) => row.societyId),
    ),
  );
  const values = keyed.flatMap(({ societyId, key }) => (key ? [{ societyId, ...key }] : []));
  for (let start = 0; start < values.length; start += 500) {
    await tx.insert(societyKeys).values(values.slice(start, start + 500));
  }
}

/**
 * Fills `society_keys` for societies written before it existed (its migration can only
 * make the table: the key is worked out in the app). Runs at server start; does nothing
 * once every society has its key.
 */
export async function backfillSocietyKeys(db: ServerDb): Promise<number> {
  let filled = 0;
  for (;;) {
    const missing = await db
      .select({ id: syncRows.id, data: syncRows.data })
      .from(syncRows)
      .where(
        and(
          eq(syncRows.tableName, 'societies'),
          sql`NOT EXISTS (SELECT 1 FROM society_keys k WHERE k.society_id = ${syncRows.id})`,
          sql`${syncRows.data}->>'village_id' IS NOT NULL`,
          sql`${syncRows.data}->>'deleted_at' IS NULL`,
        ),
      )
      .limit(2_000);
    const values = missing.flatMap((row) => {
      const key = keyOf(row.data as RowImage);
      return key ? [{ societyId: row.id, ...key }] : [];
    });
    if (values.length === 0) return filled;
    await db.insert(societyKeys).values(values).onConflictDoNothing();
    filled += values.length;
    if (missing.length < 2_000) return filled;
  }
}
