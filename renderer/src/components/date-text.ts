import { formatDate, isIsoDate } from '#shared/domain/dates';

/**
 * A date as a clerk types it from a paper register, day first: "14-08-2019", "14/8/2019",
 * "14.08.2019" or "14082019" → "2019-08-14". `undefined` when it is not a real date.
 */
export function parseDayMonthYear(text: string): string | undefined {
  const trimmed = text.trim();
  const compact = /^(\d{2})(\d{2})(\d{4})$/u.exec(trimmed);
  const separated = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/u.exec(trimmed);
  const match = compact ?? separated;
  if (!match) return undefined;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** "2019-08-14" → "14-08-2019"; empty for null. */
export function isoToDayMonthYear(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '';
}

/**
 * Form text → what the shared schema expects: `''` for an empty field, the ISO date when the
 * text is a date, or the text itself (which the schema reports as "not a real date").
 */
export function dayMonthYearToIso(text: string): string {
  if (text.trim() === '') return '';
  return parseDayMonthYear(text) ?? text.trim();
}
