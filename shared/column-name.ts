/** A field of the contract as its column: `lateFeePaise` → `late_fee_paise` (drizzle's casing). */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/gu, (letter) => `_${letter.toLowerCase()}`);
}
