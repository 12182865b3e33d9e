import { create } from 'qrcode';

/** Readers need four light modules around the code (ISO/IEC 18004 quiet zone). */
const QUIET_MODULES = 4;

/**
 * Draws `text` as a QR code (error correction M) centred in the square box at (x, y) of side
 * `box` points. The box includes the quiet zone, so the caller only has to keep other
 * drawing out of the box; the code itself is `box * n / (n + 8)` wide for n modules.
 *
 * Modules are vector rectangles, not an image: crisp when printed or zoomed, and the same
 * bytes every time. Dark runs in a row become one rectangle and all of them are filled as
 * one path, so renderers paint no hairline seams between modules.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  box: number,
): void {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const unit = box / (count + 2 * QUIET_MODULES);
  const left = x + QUIET_MODULES * unit;
  const top = y + QUIET_MODULES * unit;
  doc.save();
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col += 1;
      doc.rect(left + start * unit, top + row * unit, (col - start) * unit, unit);
    }
  }
  doc.fillColor('#000000').fill();
  doc.restore();
}
