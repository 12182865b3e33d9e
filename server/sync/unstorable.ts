/**
 * PostgreSQL stores no NUL character and no half of a surrogate pair, in text or JSON: a
 * change carrying one would fail the whole push, and every push after it, so the push
 * refuses it on its own and archives a copy showing each such character as U+FFFD.
 */
import type { WireMutation } from '#shared/sync/protocol';
import { labelOf } from './merge';

/** A character PostgreSQL cannot store: NUL, or half of a surrogate pair. */
// eslint-disable-next-line no-control-regex -- NUL is the very character looked for
const UNSTORABLE = /[\u0000\p{Cs}]/u;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'gu');

/** Why a change holding such a character is refused, `where` in words. */
export function unstorableReason(where: string): string {
  return `It contains a hidden character that the state server cannot store (in ${where}). The change stays on this computer and is kept for the administrator.`;
}

/** Where `mutation` holds a character PostgreSQL cannot store, in words; null if nowhere. */
export function unstorableIn(mutation: WireMutation): string | null {
  for (const row of mutation.rows) {
    for (const [column, value] of Object.entries(row.data)) {
      if (holdsUnstorable(column) || holdsUnstorable(value)) {
        return `${labelOf(column)} of ${row.table}`;
      }
    }
  }
  return holdsUnstorable(mutation) ? `the change ${mutation.name}` : null;
}

function holdsUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorable);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, item]) => UNSTORABLE.test(key) || holdsUnstorable(item),
    );
  }
  return false;
}

/** `value` with every character PostgreSQL cannot store shown as U+FFFD. */
export function storableCopy<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE_ALL, '\ufffd') as T;
  if (Array.isArray(value)) return value.map(storableCopy) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storableCopy(key), storableCopy(item)]),
    ) as T;
  }
  return value;
}
