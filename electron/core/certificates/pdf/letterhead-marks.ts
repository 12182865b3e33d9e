import type { LetterheadMarks } from '../../reference/letterhead-images';
import { MUTED, write } from './certificate-style';

export type { LetterheadMarks } from '../../reference/letterhead-images';
export { NO_LETTERHEAD_MARKS } from '../../reference/letterhead-images';

/** Where a mark goes: a square box, top-left corner and side, in points. */
export interface MarkBox {
  x: number;
  y: number;
  size: number;
}

/**
 * The state emblem and the department logo of one document, ready to draw on any page: a
 * picture the administrator set, or a plain dashed placeholder that says it is not set, so
 * that no printout passes for final without them.
 */
export interface Letterhead {
  emblem(pdf: PDFKit.PDFDocument, box: MarkBox): void;
  logo(pdf: PDFKit.PDFDocument, box: MarkBox): void;
}

/** A picture pdfkit has opened (`openImage`); embedded once, drawn on every page. */
interface OpenedImage {
  embed(document: PDFKit.PDFDocument): void;
  /** pdfkit clears it once the picture is written into the file. */
  image: unknown;
}

type ImageSource = Parameters<PDFKit.PDFDocument['image']>[0];

/**
 * Opens `marks` in `pdf` and embeds each picture before any page is drawn: a PNG with
 * transparency finishes embedding in a callback, and letting it finish first keeps the
 * objects of the file in the same order every time (a reprint is the same bytes).
 */
export async function openLetterhead(
  pdf: PDFKit.PDFDocument,
  marks: LetterheadMarks,
): Promise<Letterhead> {
  const open = async (bytes: Buffer | null): Promise<OpenedImage | null> => {
    if (!bytes) return null;
    const image = (pdf as unknown as { openImage(source: Buffer): OpenedImage }).openImage(bytes);
    image.embed(pdf);
    for (let tries = 0; image.image !== null && tries < 10_000; tries += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    return image;
  };
  const emblem = await open(marks.stateEmblem);
  const logo = await open(marks.departmentLogo);
  return {
    emblem: (doc, box) => drawMark(doc, emblem, box, 'Emblem'),
    logo: (doc, box) => drawMark(doc, logo, box, 'Logo'),
  };
}

function drawMark(
  pdf: PDFKit.PDFDocument,
  image: OpenedImage | null,
  box: MarkBox,
  what: 'Emblem' | 'Logo',
): void {
  if (image) {
    pdf.image(image as unknown as ImageSource, box.x, box.y, {
      fit: [box.size, box.size],
      align: 'center',
      valign: 'center',
    });
    return;
  }
  // Dashed and grey, with the words: a reader sees at once that something is missing.
  const r = box.size / 2;
  pdf
    .save()
    .strokeColor(MUTED)
    .lineWidth(0.8)
    .dash(2.5, { space: 2 })
    .circle(box.x + r, box.y + r, r - 0.5)
    .stroke()
    .undash()
    .restore();
  const size = Math.max(5.5, Math.min(8, box.size / 7.5));
  write(pdf, `${what}\nnot set`, box.x + 2, box.y + r - size * 1.2, box.size - 4, {
    face: 'sans',
    size,
    color: MUTED,
    align: 'center',
  });
}
