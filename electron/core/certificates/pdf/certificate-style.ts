import type { CertificateFace } from './fonts';

/** Page, ink, frame and text shared by the certificates (registration, audit). */

// A4 portrait in points.
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;

export const INK = '#1a1a1a';
export const ACCENT = '#1f3a5f';
export const MUTED = '#4d4d4d';

/** The double rule round a certificate page. */
export function drawCertificateFrame(pdf: PDFKit.PDFDocument): void {
  pdf.save().strokeColor(ACCENT);
  pdf
    .lineWidth(2.4)
    .rect(20, 20, PAGE_WIDTH - 40, PAGE_HEIGHT - 40)
    .stroke();
  pdf
    .lineWidth(0.8)
    .rect(26, 26, PAGE_WIDTH - 52, PAGE_HEIGHT - 52)
    .stroke();
  pdf.restore();
}

export interface TextStyle {
  face: CertificateFace;
  size: number;
  color?: string;
  lineGap?: number;
  characterSpacing?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
}

/** Sets the font, size and colour of a style; answers its text options. */
export function style(pdf: PDFKit.PDFDocument, s: TextStyle): PDFKit.Mixins.TextOptions {
  pdf
    .font(s.face)
    .fontSize(s.size)
    .fillColor(s.color ?? INK);
  return {
    lineGap: s.lineGap ?? 0,
    characterSpacing: s.characterSpacing ?? 0,
    align: s.align ?? 'left',
  };
}

/** Writes `text` in a column and returns the y below it. */
export function write(
  pdf: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  s: TextStyle,
): number {
  const options = style(pdf, s);
  pdf.text(text, x, y, { ...options, width });
  return pdf.y;
}

/** The height `text` takes in a column, without writing it. */
export function measure(
  pdf: PDFKit.PDFDocument,
  text: string,
  width: number,
  s: TextStyle,
): number {
  const options = style(pdf, s);
  return pdf.heightOfString(text, { ...options, width });
}
