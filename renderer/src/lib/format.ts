import { formatDate } from '#shared/domain/dates';
import { formatRupees } from '#shared/domain/money';

/** "2025-04-01" → "01-04-2025"; empty for null. */
export function dateText(isoDate: string | null | undefined): string {
  return isoDate ? formatDate(isoDate) : '';
}

/** ₹ amount in Indian grouping, or empty for null. */
export function rupeeText(paise: number | null | undefined): string {
  return paise == null ? '' : `₹${formatRupees(paise)}`;
}

const IST_OFFSET_MS = 330 * 60_000;

/** An ISO instant shown in India time as DD-MM-YYYY HH:MM (no locale data for Mizo). */
export function instantText(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const local = new Date(time + IST_OFFSET_MS).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/**
 * How long ago an instant was, for a status line: "just now", "4 min ago", "2 h ago", and
 * the date and time beyond a day.
 */
export function agoText(iso: string, now: number = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (Number.isNaN(minutes)) return iso;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return instantText(iso);
}

/** A file size as a clerk reads it: "820 KB", "3.4 MB". */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1_048_576) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
