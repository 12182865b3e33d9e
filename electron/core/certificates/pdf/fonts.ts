import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * The faces a certificate uses, by file name in resources/fonts (see its README). Noto
 * covers ṭ/Ṭ and the circumflex vowels of Mizo; the standard PDF fonts do not.
 */
export const CERTIFICATE_FONT_FILES = {
  serif: 'NotoSerif-Regular.ttf',
  serifBold: 'NotoSerif-Bold.ttf',
  sans: 'NotoSans-Regular.ttf',
} as const;

export type CertificateFace = keyof typeof CERTIFICATE_FONT_FILES;

export type CertificateFonts = Record<CertificateFace, PDFKit.Mixins.PDFFontSource>;

// Parsing a Noto face and building its OpenType layout tables costs 30-40 ms the first
// time text is laid out in it, on every new document when pdfkit is given the file bytes:
// two thirds of the time of a one-page certificate. pdfkit 0.20 accepts an already-parsed
// fontkit Font in registerFont (CHANGELOG, "Accept already-parsed fontkit Font instances"),
// and fontkit keeps the layout tables on that object, so each folder's fonts are parsed
// once per process and shared by every document (each document still makes its own
// subset). The fonts are read-only resources, so the cache never goes stale; a failed load
// is forgotten so that the next call tries again.
const cache = new Map<string, Promise<CertificateFonts>>();

/**
 * The certificate fonts from `fontsDir` (normally `join(resourcesDir, 'fonts')`), ready for
 * `registerFont`. Fails with a message naming the missing file: an installation without its
 * fonts must not quietly print certificates with boxes in place of ṭ.
 */
export function loadCertificateFonts(fontsDir: string): Promise<CertificateFonts> {
  let fonts = cache.get(fontsDir);
  if (!fonts) {
    fonts = readFonts(fontsDir);
    cache.set(fontsDir, fonts);
    fonts.catch(() => cache.delete(fontsDir));
  }
  return fonts;
}

async function readFonts(fontsDir: string): Promise<CertificateFonts> {
  const faces = Object.keys(CERTIFICATE_FONT_FILES) as CertificateFace[];
  const paths = faces.map((face) => join(fontsDir, CERTIFICATE_FONT_FILES[face]));
  // All are read at once; a failure names the first missing file in the list, whichever
  // read happened to fail first.
  const reads = await Promise.allSettled(paths.map((path) => readFile(path)));
  const entries = reads.map((read, index) => {
    const path = paths[index]!;
    if (read.status === 'rejected') {
      throw new Error(`The certificate font ${path} could not be read.`, { cause: read.reason });
    }
    return [faces[index]!, parse(read.value, path)] as const;
  });
  return Object.fromEntries(entries) as CertificateFonts;
}

/**
 * Parses the font with the fontkit inside pdfkit (so no second copy of fontkit is needed)
 * by opening it in a scratch document. pdfkit does not expose the parsed font, so this
 * reads its `_font` field; should a later pdfkit rename it, the bytes are returned and
 * every certificate is merely slower, never wrong.
 */
function parse(bytes: Buffer, path: string): PDFKit.Mixins.PDFFontSource {
  const scratch = new PDFDocument({ autoFirstPage: false });
  try {
    scratch.font(bytes);
  } catch (cause) {
    throw new Error(`The certificate font ${path} is not a font pdfkit can read.`, { cause });
  }
  const parsed = (scratch as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  return typeof parsed?.layout === 'function'
    ? (parsed as unknown as PDFKit.Mixins.PDFFontSource)
    : bytes;
}

/** The part of a fontkit Font that `textOutline` uses. */
interface OutlineFont {
  unitsPerEm: number;
  capHeight: number;
  layout(text: string): { glyphs: { path: GlyphPath }[]; positions: { xAdvance: number }[] };
}
interface GlyphPath {
  translate(x: number, y: number): GlyphPath;
  toSVG(): string;
}

export interface TextOutline {
  /** SVG path data in font units: y up, baseline at 0, starting at x = 0. */
  svg: string;
  width: number;
  unitsPerEm: number;
  capHeight: number;
}

/**
 * `text` as glyph outlines, `spacing` font units between letters, for a mark that must be
 * seen but not read as text (copying text from the page or pdftotext would otherwise pick
 * up its letters). Null when the font could only be kept as bytes (see `parse`).
 */
export function textOutline(
  source: PDFKit.Mixins.PDFFontSource,
  text: string,
  spacing: number,
): TextOutline | null {
  const font = source as unknown as Partial<OutlineFont>;
  if (typeof font.layout !== 'function' || !font.unitsPerEm) return null;
  const run = font.layout(text);
  let x = 0;
  const parts = run.glyphs.map((glyph, i) => {
    const part = glyph.path.translate(x, 0).toSVG();
    x += (run.positions[i]?.xAdvance ?? 0) + spacing;
    return part;
  });
  return {
    svg: parts.join(''),
    width: x - spacing,
    unitsPerEm: font.unitsPerEm,
    capHeight: font.capHeight ?? font.unitsPerEm * 0.7,
  };
}
