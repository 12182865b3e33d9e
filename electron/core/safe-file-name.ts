import { basename } from 'node:path';

/** Characters Windows refuses in file names (besides control characters and separators). */
const WINDOWS_RESERVED = '<>:"|?*';

/**
 * A suggested name as a bare file name: no folders (so the dialog cannot start somewhere
 * else), no characters Windows refuses in names, never empty.
 */
export function safeFileName(suggestedName: string): string {
  const name = Array.from(basename(suggestedName.replaceAll('\\', '/')), (char) =>
    char.charCodeAt(0) < 0x20 || WINDOWS_RESERVED.includes(char) ? '_' : char,
  )
    .join('')
    .trim();
  return name === '' || /^\.+$/u.test(name) ? 'export' : name;
}
