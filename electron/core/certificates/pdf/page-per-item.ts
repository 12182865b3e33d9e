import PDFDocument from 'pdfkit';
import { loadCertificateFonts, type CertificateFace, type CertificateFonts } from './fonts';
import {
  NO_LETTERHEAD_MARKS,
  openLetterhead,
  type Letterhead,
  type LetterheadMarks,
} from './letterhead-marks';

const PRODUCER = 'Cooperative Societies Registry';

/**
 * An A4 PDF with one page per item (certificates, notices) in the registry's Noto fonts.
 * The info dictionary is fixed from the given date, so the same items give the same bytes.
 * A page that pdfkit adds on its own means the text overflowed, which must never reach a
 * printer: that is an error naming the item. Long batches let the event loop breathe.
 */
export async function renderPagePerItem<T>(options: {
  fontsDir: string;
  title: string;
  author: string;
  /** `YYYY-MM-DD`: the document's creation date. */
  createdOn: string;
  margin: number;
  items: readonly T[];
  /** The state emblem and department logo; without them, each is drawn as "not set". */
  marks?: LetterheadMarks | undefined;
  /**
   * Draws one item from the top of a fresh page. An item that runs over pages on purpose
   * (a memo) adds them itself, measuring first, and returns how many it added.
   */
  draw: (
    pdf: PDFKit.PDFDocument,
    item: T,
    fonts: CertificateFonts,
    letterhead: Letterhead,
  ) => number | void;
  /** How an item is named when it does not fit on its page. */
  name: (item: T) => string;
  onProgress?: (done: number) => void;
}): Promise<Buffer> {
  const fonts = await loadCertificateFonts(options.fontsDir);
  const created = new Date(`${options.createdOn}T00:00:00Z`);
  // pdfkit 0.20 stamps `new Date()` as CreationDate and derives the file /ID from an MD5 of
  // the info dictionary, so fixing the info fixes the /ID. Its font subset tags come from
  // the per-document font ids (F1, F2, ...), not from Math.random as in older versions, and
  // nothing else it writes depends on the clock or on chance. The certificate test renders
  // twice and compares bytes, which catches a pdfkit upgrade that changes this.
  const pdf = new PDFDocument({
    size: 'A4',
    margin: options.margin,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: 'en-IN',
    displayTitle: true,
    info: {
      Title: options.title.normalize('NFC'),
      Author: options.author.normalize('NFC'),
      Producer: PRODUCER,
      Creator: PRODUCER,
      CreationDate: created,
      ModDate: created,
    },
  });
  for (const face of Object.keys(fonts) as CertificateFace[]) pdf.registerFont(face, fonts[face]);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const letterhead = await openLetterhead(pdf, options.marks ?? NO_LETTERHEAD_MARKS);
  let pages = 0;
  let expected = 0;
  pdf.on('pageAdded', () => {
    pages += 1;
  });
  for (const [index, item] of options.items.entries()) {
    pdf.addPage({ size: 'A4', margin: options.margin });
    expected += 1 + (options.draw(pdf, item, fonts, letterhead) ?? 0);
    if (pages !== expected) throw new Error(`${options.name(item)} did not fit on its page.`);
    options.onProgress?.(index + 1);
    if ((index + 1) % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  pdf.end();
  return finished;
}
