import { z } from 'zod';
import type { FieldErrors } from '../errors';
import { foldForSearch } from '../domain/mizo-text';
import { regNoKey } from './society';

/**
 * A registration number's folded form: case and diacritics ignored, every separator
 * (`/ - .` or spaces, and a change between letters and digits) the same, and the leading
 * zeros of each number dropped. "RCS/0363/1990", "rcs-363-1990" and "RCS / 363 / 1990" all
 * fold to "rcs/363/1990". Old registers wrote the same number in all these ways, so two
 * societies whose numbers fold alike are probably one society entered twice.
 */
export function regNoFold(regNo: string): string {
  const parts = foldForSearch(regNo).match(/\p{L}+|\p{N}+/gu) ?? [];
  return parts.map((part) => part.replace(/^0+(?=[0-9])/u, '')).join('/');
}

/** What a likely duplicate is judged on: the number, the date and the place. */
export interface DuplicateFacts {
  regNo: string;
  registeredOn: string;
  districtId: string;
  villageId: string | null;
  address: string;
}

/**
 * Whether `entered` is likely the society `other` entered again: the numbers are not the
 * same (that is refused outright) but fold alike, and the two were registered on the same
 * day or in the same place (the same village; without villages, the same address in the
 * same district).
 */
export function isLikelyDuplicate(entered: DuplicateFacts, other: DuplicateFacts): boolean {
  if (regNoKey(entered.regNo) === regNoKey(other.regNo)) return false;
  if (regNoFold(entered.regNo) !== regNoFold(other.regNo)) return false;
  if (entered.registeredOn === other.registeredOn) return true;
  if (entered.villageId !== null || other.villageId !== null)
    return entered.villageId === other.villageId;
  return (
    entered.districtId === other.districtId &&
    foldForSearch(entered.address) === foldForSearch(other.address)
  );
}

/** The society already on the register that a save would likely repeat, as the refusal names it. */
export const likelyDuplicateSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  regNo: z.string(),
  registeredOn: z.string(),
  /** Its village, or its address when it has none. */
  place: z.string(),
  districtName: z.string(),
});
export type LikelyDuplicate = z.infer<typeof likelyDuplicateSchema>;

const PREFIX = 'likelyDuplicate.';

/**
 * The `fields` of a `conflict` refusal for a likely duplicate: the clerk's sentence by the
 * registration number, and the other society under `likelyDuplicate.*`, so a form can ask
 * "is it a different society?" and send its id back in `confirmedDistinctFrom`.
 */
export function likelyDuplicateFields(other: LikelyDuplicate, message: string): FieldErrors {
  const fields: FieldErrors = { regNo: message };
  for (const [key, value] of Object.entries(other)) fields[`${PREFIX}${key}`] = value;
  return fields;
}

/** The society a refusal says the save likely repeats; null for any other refusal. */
export function likelyDuplicateIn(fields: FieldErrors | undefined): LikelyDuplicate | null {
  if (!fields) return null;
  const other: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith(PREFIX)) other[key.slice(PREFIX.length)] = value;
  }
  const parsed = likelyDuplicateSchema.safeParse(other);
  return parsed.success ? parsed.data : null;
}
