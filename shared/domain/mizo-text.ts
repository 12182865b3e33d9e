/**
 * Mizo text rules (domain.md §5): NFC everywhere, ṭ (U+1E6D) typed as `\` in old records,
 * search that ignores the dot below and case, and a sort key in Mizo alphabetical order.
 */

const TEE_DOT = '\u1E6D'; // ṭ
const TEE_DOT_UPPER = '\u1E6C'; // Ṭ

/** Bidirectional-control characters that can make a name display differently from what is stored. */
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function hasDirectionControls(text: string): boolean {
  return DIRECTION_CONTROLS.test(text);
}

/**
 * Turns the `\` that old typewriters and spreadsheets used for ṭ into the real letter.
 * Registers capitalise every word of a name, so a `\` that starts a word becomes Ṭ
 * ("\hangpui" → "Ṭhangpui") and any other becomes ṭ ("Lu\hnu" → "Luṭhnu").
 */
export function fixLegacyTee(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\/g, (_match, offset: number, whole: string) => {
    const before = offset === 0 ? ' ' : whole.charAt(offset - 1);
    const after = whole.charAt(offset + 1);
    const startsWord = !/\p{L}/u.test(before) && /\p{L}/u.test(after);
    return startsWord ? TEE_DOT_UPPER : TEE_DOT;
  });
}

/**
 * Control characters other than white space (NUL, escape, …): invisible, pasted in from old
 * spreadsheets and word processors, and NUL cannot be stored by the state server at all.
 */
const HIDDEN_CONTROLS = /[^\P{Cc}\s\u0085]/gu;

/** `text` without hidden control characters; line breaks and tabs stay (notes, remarks). */
export function dropHiddenControls(text: string): string {
  return text.replace(HIDDEN_CONTROLS, '');
}

/**
 * Canonical stored form of any free text: NFC, legacy ṭ fixed, hidden control characters
 * dropped, spaces and line breaks collapsed, trimmed.
 */
export function normalizeText(text: string): string {
  return fixLegacyTee(dropHiddenControls(text.normalize('NFC')))
    .replace(/[\s\u0085]+/gu, ' ')
    .trim();
}

/**
 * Folded form for the search index and for search input: no diacritics (ṭ → t, â → a),
 * lower case, `\` read as t, punctuation as spaces. The same function folds both sides.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/\\/g, 't')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Mizo alphabet order; aw, ch and ng are single letters and ṭ follows t. */
const MIZO_LETTERS = [
  'a',
  'aw',
  'b',
  'ch',
  'd',
  'e',
  'f',
  'g',
  'ng',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'r',
  's',
  't',
  'ṭ',
  'u',
  'v',
  'z',
] as const;
/** Letters not in the Mizo alphabet (names of places and English words) sort after their neighbours. */
const OTHER_LATIN: Record<string, string> = { c: 'ch', q: 'k', w: 'v', x: 'z', y: 'z' };

const LETTER_RANK = new Map<string, number>(MIZO_LETTERS.map((letter, index) => [letter, index]));

/**
 * A key whose plain binary order is Mizo alphabetical order (case and circumflex ignored,
 * which is how printed registers sort). Digits come before letters; spaces before both.
 */
export function mizoSortKey(text: string): string {
  const folded = normalizeText(text)
    .toLowerCase()
    .replace(/\\/g, TEE_DOT)
    .normalize('NFD')
    // keep the dot below (U+0323) on t only, by recomposing; drop every other mark
    .replace(/t\u0323/g, TEE_DOT)
    .replace(/\p{M}/gu, '');
  let key = '';
  for (let i = 0; i < folded.length;) {
    const pair = folded.slice(i, i + 2);
    if (pair === 'aw' || pair === 'ch' || pair === 'ng') {
      key += letterCode(pair);
      i += 2;
      continue;
    }
    const char = folded.charAt(i);
    if (LETTER_RANK.has(char)) {
      key += letterCode(char);
    } else if (OTHER_LATIN[char] !== undefined) {
      // after the Mizo letter it resembles, before the next one
      key += letterCode(OTHER_LATIN[char]) + '~';
    } else if (/\p{N}/u.test(char)) {
      key += char; // '0'..'9' sort before letter codes
    } else if (/\s/u.test(char)) {
      key += ' ';
    }
    i += 1;
  }
  return key;
}

function letterCode(letter: string): string {
  // 'A' (0x41) onwards: above digits and space, below '~'
  return String.fromCharCode(0x41 + (LETTER_RANK.get(letter) ?? 0));
}
