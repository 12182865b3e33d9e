import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isBackendError } from './backend';

/**
 * Puts the backend's reasons next to the fields they name; returns what is left for a
 * banner (the refusal's own sentence when no field could take it), or null.
 */
export function showServerErrors<V extends FieldValues>(
  failure: unknown,
  setError: UseFormSetError<V>,
  fields: readonly Path<V>[],
): string | null {
  if (!(failure instanceof Error)) return String(failure);
  if (!isBackendError(failure)) return failure.message;
  let placed = 0;
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(failure.fields)) {
    const field = fields.find((candidate) => candidate === path);
    if (field) {
      setError(field, { type: 'server', message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      unplaced.push(message);
    }
  }
  if (placed === 0) return failure.message;
  return unplaced.length > 0 ? unplaced.join(' ') : null;
}
