/**
 * Offices' public keys travel with sync: this computer's go up with every push and export,
 * other offices' come down with every pulled page, so certificates verify anywhere.
 */
import type { OfficeKey } from '#shared/sync/protocol';
import type { Sqlite } from '../db/open-database';
import type { Prepare } from '../db/statement-cache';

/** Every office key this computer holds, its own and others'. */
export function officeKeys(prepare: Prepare): OfficeKey[] {
  return prepare(
    `SELECT key_id AS keyId, office_id AS officeId, public_key AS publicKey,
              created_at AS createdAt, retired_at AS retiredAt FROM office_keys`,
  ).all() as OfficeKey[];
}

/**
 * Other offices' public keys, so certificates they print verify on this computer. A key
 * id already held keeps its key; only its retirement is taken.
 */
export function storeOfficeKeys(
  sqlite: Sqlite,
  prepare: Prepare,
  keys: readonly OfficeKey[],
): void {
  const insert = prepare(
    `INSERT INTO office_keys (key_id, office_id, public_key, created_at, retired_at)
     VALUES (@keyId, @officeId, @publicKey, @createdAt, @retiredAt)
     ON CONFLICT (key_id) DO UPDATE SET retired_at = coalesce(office_keys.retired_at, excluded.retired_at)
     WHERE office_keys.public_key = excluded.public_key`,
  );
  sqlite.transaction(() => {
    for (const key of keys) insert.run(key);
  })();
}
