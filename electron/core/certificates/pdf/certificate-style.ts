/** Page, ink and frame shared by the certificates (registration, audit). */

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
