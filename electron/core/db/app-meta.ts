import type { Sqlite } from './open-database';

/** Facts about this installation in `app_meta` (device id, settings, audit-trail head). */
export function getMeta(sqlite: Sqlite, key: string): string | undefined {
  return (
    sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as
      { value: string } | undefined
  )?.value;
}

export function setMeta(sqlite: Sqlite, key: string, value: string): void {
  sqlite
    .prepare(
      'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, value);
}

export function deleteMeta(sqlite: Sqlite, ...keys: string[]): void {
  const remove = sqlite.prepare('DELETE FROM app_meta WHERE key = ?');
  for (const key of keys) remove.run(key);
}
