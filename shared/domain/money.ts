/** Money is kept in integer paise and shown in Indian grouping (12,34,567.00), domain.md §5. */

const rupeeFormat = new Intl.NumberFormat('en-IN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 123456700 → "12,34,567.00" */
export function formatRupees(paise: number): string {
  return rupeeFormat.format(paise / 100);
}

/**
 * "12,34,567.5" or "1234567" → 123456750 paise. Returns `undefined` for text that is not an
 * amount in rupees with at most two decimals (so the form can say so next to the field).
 */
export function parseRupees(text: string): number | undefined {
  const cleaned = text.replace(/[₹,\s]/gu, '');
  if (!/^-?\d+(\.\d{1,2})?$/u.test(cleaned)) return undefined;
  const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
  const paise = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(paise)) return undefined;
  return cleaned.startsWith('-') ? -paise : paise;
}
