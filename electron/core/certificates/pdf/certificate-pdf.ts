import { formatDate, isIsoDate } from '#shared/domain/dates';
import { textOutline, type CertificateFace, type CertificateFonts } from './fonts';
import type { Letterhead, LetterheadMarks } from './letterhead-marks';
import { renderPagePerItem } from './page-per-item';
import { drawQrCode } from './qr-code';
import {
  ACCENT,
  drawCertificateFrame,
  INK,
  MUTED,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  measure,
  style,
  write,
  type TextStyle,
} from './certificate-style';

/** What a printed certificate says. Every field is printed as given, after NFC normalisation. */
export interface CertificateDocument {
  kind: 'registration';
  /** A duplicate (re-issue of a lost certificate) carries a visible DUPLICATE mark and the original's serial. */
  duplicate: { originalSerial: string; issuedOn: string } | null;
  stateName: string;
  officeName: string;
  officeAddress: string;
  societyName: string;
  societyNameMizo: string | null;
  regNo: string;
  /** `YYYY-MM-DD`, printed DD-MM-YYYY. */
  registeredOn: string;
  typeName: string;
  address: string;
  /** Village names in the order to print them. */
  areaOfOperation: string[];
  registrarName: string;
  registrarDesignation: string;
  serial: string;
  /** `YYYY-MM-DD`; also the PDF's creation date, so a reprint has the same bytes. */
  issuedOn: string;
  /** The verification URL the QR code encodes. */
  qrText: string;
}

const ACT = 'Mizoram Cooperative Societies Act, 2006';
const QR_CAPTION = "Scan to verify, or check the text in the registry's Verify screen";

const LEFT = 60;
const RIGHT = PAGE_WIDTH - 60;
const WIDTH = RIGHT - LEFT;
const TOP = 48;
const BOTTOM = PAGE_HEIGHT - 50;

const DUPLICATE_RED = '#b3261e';

/** Sides of the boxes the state emblem and the department logo are drawn in. */
const EMBLEM_SIZE = 60;
const LOGO_SIZE = 48;

/** Side of the box the QR code is drawn in, quiet zone included: the code itself is ≈ 38 mm. */
const QR_BOX = 124;

// The area of operation may list a hundred villages. Its text shrinks from the body size,
// beside its label and then under it at full width, down to AREA_MIN_SIZE (8 pt, still
// legible in print); if the list still does not fit above the QR code and signature,
// the villages that fit are printed followed by "and N more villages (full list in the
// register of societies)". The certificate is one page, so nothing is "attached": the
// register holds the full list and the verification page shows the society's record.
const AREA_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8];
const AREA_MIN_SIZE = 8;
/** Below this size a list beside its label reads badly; it moves under the label instead. */
const AREA_STACK_BELOW = 9.5;
const NAME_SIZES = [18, 17, 16, 15, 14, 13, 12];
const MIZO_NAME_SIZES = [13, 12, 11];

/**
 * One certificate, A4 portrait, fonts embedded from `fontsDir` (normally
 * `join(resourcesDir, 'fonts')`), with the state emblem and department logo of `marks`
 * (each "not set" without). Same input → byte-identical output, so a reprint from the
 * certificate register is the same document. Rejects a date that is not `YYYY-MM-DD` and
 * a missing font file.
 */
export async function renderCertificatePdf(
  doc: CertificateDocument,
  fontsDir: string,
  marks?: LetterheadMarks,
): Promise<Buffer> {
  return renderCertificatesPdf([doc], fontsDir, undefined, marks);
}

/**
 * Many certificates in one file, one page each, in the order given, for the printer.
 * `onProgress` hears the number of pages done after each page. The file's date is the
 * latest issue date in the batch, so the same batch gives the same bytes. Rejects an empty
 * batch, a date that is not `YYYY-MM-DD` and a missing font file.
 */
export async function renderCertificatesPdf(
  docs: readonly CertificateDocument[],
  fontsDir: string,
  onProgress?: (done: number) => void,
  marks?: LetterheadMarks,
): Promise<Buffer> {
  const first = docs[0];
  if (!first) throw new RangeError('There are no certificates to print.');
  for (const certificate of docs) checkDates(certificate);
  const issuedOn = docs.reduce((latest, d) => (d.issuedOn > latest ? d.issuedOn : latest), '');
  return renderPagePerItem({
    fontsDir,
    title:
      docs.length === 1
        ? `Certificate of registration ${first.serial}`
        : `Certificates of registration (${docs.length})`,
    author: first.officeName,
    createdOn: issuedOn,
    margin: 0,
    items: docs,
    marks,
    draw: (pdf, certificate, fonts, letterhead) =>
      drawCertificate(pdf, normalise(certificate), fonts, letterhead),
    name: (certificate) => `Certificate ${certificate.serial}`,
    ...(onProgress ? { onProgress } : {}),
  });
}

function checkDates(certificate: CertificateDocument): void {
  const dates: [string, string][] = [
    ['registeredOn', certificate.registeredOn],
    ['issuedOn', certificate.issuedOn],
  ];
  if (certificate.duplicate) dates.push(['duplicate.issuedOn', certificate.duplicate.issuedOn]);
  for (const [field, value] of dates) {
    if (!isIsoDate(value)) {
      throw new RangeError(`Certificate ${certificate.serial}: ${field} "${value}" is not a date.`);
    }
  }
}

function nfc(text: string): string {
  return text.normalize('NFC');
}

// Names typed on another system may carry ṭ as t + combining dot below; the font's
// precomposed ṭ prints better and extracts as the same letter the register stores.
function normalise(certificate: CertificateDocument): CertificateDocument {
  return {
    ...certificate,
    duplicate: certificate.duplicate && {
      originalSerial: nfc(certificate.duplicate.originalSerial),
      issuedOn: certificate.duplicate.issuedOn,
    },
    stateName: nfc(certificate.stateName),
    officeName: nfc(certificate.officeName),
    officeAddress: nfc(certificate.officeAddress),
    societyName: nfc(certificate.societyName),
    societyNameMizo: certificate.societyNameMizo === null ? null : nfc(certificate.societyNameMizo),
    regNo: nfc(certificate.regNo),
    typeName: nfc(certificate.typeName),
    address: nfc(certificate.address),
    areaOfOperation: certificate.areaOfOperation.map(nfc).filter((name) => name.trim() !== ''),
    registrarName: nfc(certificate.registrarName),
    registrarDesignation: nfc(certificate.registrarDesignation),
    serial: nfc(certificate.serial),
  };
}

/** The largest size at which `text` takes at most `maxLines` lines, else the smallest size. */
function fitSize(
  pdf: PDFKit.PDFDocument,
  text: string,
  width: number,
  s: TextStyle,
  sizes: number[],
  maxLines: number,
): number {
  for (const size of sizes) {
    const height = measure(pdf, text, width, { ...s, size });
    if (height <= maxLines * pdf.currentLineHeight(true) + 0.5) return size;
  }
  return sizes[sizes.length - 1] ?? s.size;
}

function drawCertificate(
  pdf: PDFKit.PDFDocument,
  c: CertificateDocument,
  fonts: CertificateFonts,
  letterhead: Letterhead,
): void {
  drawCertificateFrame(pdf);
  if (c.duplicate) drawWatermark(pdf, fonts);
  const bodyTop = drawHeader(pdf, c, letterhead);
  const footerTop = measureFooter(pdf, c);

  // The body is a stack of blocks with gaps. Gaps start at their minimum so the area of
  // operation gets all the room there is; whatever is left over widens the gaps (up to a
  // limit) so a short certificate does not crowd under the title and leave a hole.
  const blocks: Block[] = [];
  blocks.push(
    textBlock(pdf, 'This is to certify that', 16, {
      face: 'serif',
      size: 12,
      align: 'center',
    }),
  );
  const nameStyle: TextStyle = { face: 'serifBold', size: 18, align: 'center', lineGap: 1 };
  const nameSize = fitSize(pdf, c.societyName, WIDTH - 20, nameStyle, NAME_SIZES, 2);
  blocks.push(textBlock(pdf, c.societyName, 7, { ...nameStyle, size: nameSize }, 10));
  if (c.societyNameMizo) {
    const mizo = `(${c.societyNameMizo})`;
    const mizoStyle: TextStyle = { face: 'serif', size: 13, align: 'center' };
    const mizoSize = fitSize(pdf, mizo, WIDTH - 20, mizoStyle, MIZO_NAME_SIZES, 2);
    blocks.push(textBlock(pdf, mizo, 2, { ...mizoStyle, size: mizoSize }, 10));
  }
  blocks.push(statementBlock(pdf, c, 10));
  blocks.push(particularBlock(pdf, 'Registered address', c.address, 11, 16));

  const areaGap = 7;
  const used = blocks.reduce((sum, block) => sum + block.gap + block.height, 0);
  const budget = footerTop - 18 - (bodyTop + used + areaGap);
  const area = fitArea(pdf, c.areaOfOperation, budget, c.serial);
  blocks.push(
    particularBlock(pdf, 'Area of operation', area.text, area.size, areaGap, area.stacked),
  );

  const total = blocks.reduce((sum, block) => sum + block.gap + block.height, 0);
  const gaps = blocks.reduce((sum, block) => sum + block.gap, 0);
  const spare = footerTop - 18 - bodyTop - total;
  const stretch = Math.min(MAX_GAP_STRETCH, 1 + Math.max(0, spare) / gaps);
  let y = bodyTop;
  for (const block of blocks) {
    y += block.gap * stretch;
    block.draw(y);
    y += block.height;
  }

  drawFooter(pdf, c);
}

/** How much wider than their minimum the gaps of a short certificate may grow. */
const MAX_GAP_STRETCH = 2.4;

interface Block {
  gap: number;
  height: number;
  draw(y: number): void;
}

/**
 * Text in the column from `left`, `columnWidth` wide less `inset` on each side, broken into
 * balanced lines: centred in the column unless the style aligns it left.
 */
function textBlock(
  pdf: PDFKit.PDFDocument,
  text: string,
  gap: number,
  s: TextStyle,
  inset = 0,
  left = LEFT,
  columnWidth = WIDTH,
): Block {
  const width = balancedWidth(pdf, text, columnWidth - 2 * inset, s);
  const x = s.align === 'left' ? left + inset : left + (columnWidth - width) / 2;
  return {
    gap,
    height: measure(pdf, text, width, s),
    draw: (y) => write(pdf, text, x, y, width, s),
  };
}

const LABEL_WIDTH = 128;
const VALUE_WIDTH = WIDTH - LABEL_WIDTH;
const labelStyle: TextStyle = { face: 'serifBold', size: 10.5, color: MUTED };

function particularBlock(
  pdf: PDFKit.PDFDocument,
  label: string,
  value: string,
  size: number,
  gap: number,
  stacked = false,
): Block {
  const valueStyle: TextStyle = { face: 'serif', size, lineGap: size < 10 ? 1 : 1.5 };
  const labelHeight = measure(pdf, label, LABEL_WIDTH, labelStyle);
  if (stacked) {
    return {
      gap,
      height: labelHeight + LABEL_GAP + measure(pdf, value, WIDTH, valueStyle),
      draw: (y) => {
        write(pdf, label, LEFT, y, LABEL_WIDTH, labelStyle);
        write(pdf, value, LEFT, y + labelHeight + LABEL_GAP, WIDTH, valueStyle);
      },
    };
  }
  return {
    gap,
    height: Math.max(labelHeight, measure(pdf, value, VALUE_WIDTH, valueStyle)),
    draw: (y) => {
      write(pdf, label, LEFT, y + Math.max(0, (size - 10.5) * 0.6), LABEL_WIDTH, labelStyle);
      write(pdf, value, LEFT + LABEL_WIDTH, y, VALUE_WIDTH, valueStyle);
    },
  };
}

/**
 * The narrowest width at which `text` still takes as many lines as at `maxWidth`, so a
 * centred heading breaks into lines of similar length instead of leaving one word alone.
 */
function balancedWidth(
  pdf: PDFKit.PDFDocument,
  text: string,
  maxWidth: number,
  s: TextStyle,
): number {
  const height = measure(pdf, text, maxWidth, s);
  let low = maxWidth / 2;
  let high = maxWidth;
  if (measure(pdf, text, low, s) <= height) return maxWidth;
  for (let step = 0; step < 10; step += 1) {
    const mid = (low + high) / 2;
    if (measure(pdf, text, mid, s) <= height) high = mid;
    else low = mid;
  }
  return Math.min(maxWidth, high + 2);
}

type Run = [text: string, face: CertificateFace];

/**
 * The statement sentence, with the date and number in bold. pdfkit's `continued` text
 * misplaces runs of different fonts in centred lines, so the words are laid out here:
 * each word may be made of runs in different faces, and lines break between words only.
 */
function statementBlock(pdf: PDFKit.PDFDocument, c: CertificateDocument, gap: number): Block {
  const article = /^[aeiou]/iu.test(c.typeName) ? 'an' : 'a';
  const runs: Run[] = [
    ['has been registered on ', 'serif'],
    [formatDate(c.registeredOn), 'serifBold'],
    [` under the ${ACT} and the rules made thereunder as ${article} ${c.typeName}, `, 'serif'],
    ['with registration number ', 'serif'],
    [c.regNo, 'serifBold'],
    ['.', 'serif'],
  ];
  const size = 12;
  const lineGap = 4;
  const maxWidth = WIDTH - 20;
  const words = splitWords(runs);
  const widthOf = (word: Run[]): number =>
    word.reduce((sum, [text, face]) => sum + pdf.font(face).fontSize(size).widthOfString(text), 0);
  const space = pdf.font('serif').fontSize(size).widthOfString(' ');
  const lines: { words: Run[][]; width: number }[] = [];
  for (const word of words) {
    const width = widthOf(word);
    const line = lines[lines.length - 1];
    if (line && line.width + space + width <= maxWidth) {
      line.words.push(word);
      line.width += space + width;
    } else {
      lines.push({ words: [word], width });
    }
  }
  const lineHeight = pdf.font('serif').fontSize(size).currentLineHeight(true) + lineGap;
  return {
    gap,
    height: lines.length * lineHeight,
    draw: (top) => {
      pdf.fillColor(INK);
      lines.forEach((line, index) => {
        let x = LEFT + (WIDTH - line.width) / 2;
        const y = top + index * lineHeight;
        for (const word of line.words) {
          for (const [text, face] of word) {
            pdf.font(face).fontSize(size).text(text, x, y, { lineBreak: false });
            x += pdf.widthOfString(text);
          }
          x += space;
        }
      });
    },
  };
}

/** Splits runs at spaces into words; a word keeps the runs (and faces) it is made of. */
function splitWords(runs: Run[]): Run[][] {
  const words: Run[][] = [[]];
  for (const [text, face] of runs) {
    text.split(/( +)/u).forEach((part) => {
      if (part === '') return;
      if (part.trim() === '') {
        if ((words[words.length - 1] ?? []).length > 0) words.push([]);
        return;
      }
      words[words.length - 1]?.push([part, face]);
    });
  }
  return words.filter((word) => word.length > 0);
}

function drawHeader(
  pdf: PDFKit.PDFDocument,
  c: CertificateDocument,
  letterhead: Letterhead,
): number {
  let y = TOP;
  // The state emblem heads the page; the department's logo stands at the left, lower.
  letterhead.emblem(pdf, { x: PAGE_WIDTH / 2 - EMBLEM_SIZE / 2, y, size: EMBLEM_SIZE });
  letterhead.logo(pdf, { x: LEFT, y: y + EMBLEM_SIZE - LOGO_SIZE, size: LOGO_SIZE });
  y += EMBLEM_SIZE + 10;
  y = write(pdf, `GOVERNMENT OF ${c.stateName.toUpperCase()}`, LEFT, y, WIDTH, {
    face: 'serifBold',
    size: 15,
    color: ACCENT,
    characterSpacing: 1.5,
    align: 'center',
  });
  const office = textBlock(
    pdf,
    c.officeName,
    0,
    { face: 'serif', size: 11.5, align: 'center' },
    20,
  );
  office.draw(y + 3);
  y += 3 + office.height;
  const address = textBlock(
    pdf,
    c.officeAddress,
    0,
    { face: 'serif', size: 10, color: MUTED, align: 'center' },
    20,
  );
  address.draw(y + 1);
  y += 1 + address.height + 9;
  pdf.save().strokeColor(ACCENT).lineWidth(1.2).moveTo(LEFT, y).lineTo(RIGHT, y).stroke();
  pdf
    .lineWidth(0.5)
    .moveTo(LEFT, y + 3)
    .lineTo(RIGHT, y + 3)
    .stroke()
    .restore();
  y += 11;

  // Serial and date of issue, where a clerk looks for them first.
  const serialStyle: TextStyle = { face: 'sans', size: 9.5, color: MUTED };
  const half = WIDTH / 2 + 40;
  const serialBottom = write(pdf, `Certificate serial no. ${c.serial}`, LEFT, y, half, serialStyle);
  const dateBottom = write(
    pdf,
    `Date of issue: ${formatDate(c.issuedOn)}`,
    LEFT + half,
    y,
    WIDTH - half,
    { ...serialStyle, align: 'right' },
  );
  y = Math.max(serialBottom, dateBottom) + 16;

  y = write(pdf, 'CERTIFICATE OF REGISTRATION', LEFT, y, WIDTH, {
    face: 'serifBold',
    size: 22,
    color: ACCENT,
    characterSpacing: 1.8,
    align: 'center',
  });
  if (c.duplicate) y = drawDuplicateStamp(pdf, c.duplicate, y + 8);
  return y;
}

interface FittedArea {
  text: string;
  size: number;
  /** Under its label at full width rather than beside it: room for a third more names. */
  stacked: boolean;
}

const LABEL_GAP = 3;

function fitArea(
  pdf: PDFKit.PDFDocument,
  villages: string[],
  budget: number,
  serial: string,
): FittedArea {
  const areaStyle: TextStyle = { face: 'serif', size: 11, lineGap: 1 };
  const stackedBudget = budget - measure(pdf, 'Area', WIDTH, labelStyle) - LABEL_GAP;
  const fitsAt = (text: string, size: number, stacked: boolean): boolean =>
    stacked
      ? measure(pdf, text, WIDTH, { ...areaStyle, size }) <= stackedBudget
      : measure(pdf, text, VALUE_WIDTH, { ...areaStyle, size }) <= budget;

  const full = villages.length === 0 ? '—' : `${villages.join(', ')}.`;
  for (const size of AREA_SIZES) {
    if (size >= AREA_STACK_BELOW && fitsAt(full, size, false)) {
      return { text: full, size, stacked: false };
    }
  }
  for (const size of AREA_SIZES) {
    if (fitsAt(full, size, true)) return { text: full, size, stacked: true };
  }
  const shortened = (shown: number): string => {
    const more = villages.length - shown;
    const tail = `${more} more ${more === 1 ? 'village' : 'villages'} (full list in the register of societies).`;
    return shown === 0
      ? `${villages.length} villages (full list in the register of societies).`
      : `${villages.slice(0, shown).join(', ')} and ${tail}`;
  };
  const fits = (shown: number): boolean => fitsAt(shortened(shown), AREA_MIN_SIZE, true);
  let low = 0;
  let high = villages.length - 1;
  if (!fits(low)) {
    throw new Error(`Certificate ${serial}: the text is too long to print on one page.`);
  }
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return { text: shortened(low), size: AREA_MIN_SIZE, stacked: true };
}

// The footer (QR code with its caption on the left, signature block on the right) is
// anchored to the bottom of the page; the body above flows into whatever is left.
const SIGNATURE_LEFT = LEFT + WIDTH / 2 + 20;
const SIGNATURE_WIDTH = RIGHT - SIGNATURE_LEFT;
const SIGNING_SPACE = 62;
const QR_CAPTION_WIDTH = 170;
const qrCaptionStyle: TextStyle = { face: 'sans', size: 8, color: MUTED, align: 'left' };
const sealCaptionStyle: TextStyle = { face: 'sans', size: 8, color: MUTED, align: 'center' };
const registrarStyle: TextStyle = { face: 'serifBold', size: 11, align: 'center' };
const designationStyle: TextStyle = { face: 'serif', size: 10, align: 'center', lineGap: 1 };

function signatureHeight(pdf: PDFKit.PDFDocument, c: CertificateDocument): number {
  const seal = measure(pdf, 'Signature and seal', SIGNATURE_WIDTH, sealCaptionStyle);
  const name = measure(pdf, c.registrarName, SIGNATURE_WIDTH, registrarStyle);
  const designation = measure(pdf, c.registrarDesignation, SIGNATURE_WIDTH, designationStyle);
  return SIGNING_SPACE + 3 + seal + 6 + name + 2 + designation;
}

function qrCaption(pdf: PDFKit.PDFDocument): Block {
  return textBlock(pdf, QR_CAPTION, 0, qrCaptionStyle, 0, LEFT, QR_CAPTION_WIDTH);
}

/** The y where the footer starts; the body must end above it. */
function measureFooter(pdf: PDFKit.PDFDocument, c: CertificateDocument): number {
  const qr = QR_BOX + qrCaption(pdf).height;
  return BOTTOM - Math.max(qr, signatureHeight(pdf, c));
}

function drawFooter(pdf: PDFKit.PDFDocument, c: CertificateDocument): void {
  const caption = qrCaption(pdf);
  const qrTop = BOTTOM - caption.height - QR_BOX;
  // The box includes the quiet zone; shift it so the code's dark edge lines up with the text.
  drawQrCode(pdf, c.qrText, LEFT - 8, qrTop, QR_BOX);
  caption.draw(qrTop + QR_BOX - 4);

  let y = BOTTOM - signatureHeight(pdf, c) + SIGNING_SPACE;
  pdf
    .save()
    .strokeColor(INK)
    .lineWidth(0.7)
    .moveTo(SIGNATURE_LEFT + 15, y)
    .lineTo(RIGHT - 15, y)
    .stroke()
    .restore();
  y = write(pdf, 'Signature and seal', SIGNATURE_LEFT, y + 3, SIGNATURE_WIDTH, sealCaptionStyle);
  y = write(pdf, c.registrarName, SIGNATURE_LEFT, y + 6, SIGNATURE_WIDTH, registrarStyle);
  const designation = textBlock(
    pdf,
    c.registrarDesignation,
    0,
    designationStyle,
    0,
    SIGNATURE_LEFT,
    SIGNATURE_WIDTH,
  );
  designation.draw(y + 2);
}

/**
 * "DUPLICATE" across the page, inside the border, faint enough to read the text through.
 * It is drawn as outlines, not text, so that copying the page's text (or pdftotext) does
 * not pick up its scattered letters; the stamp under the title carries the word as text.
 */
function drawWatermark(pdf: PDFKit.PDFDocument, fonts: CertificateFonts): void {
  const frameWidth = PAGE_WIDTH - 2 * 60;
  const frameHeight = PAGE_HEIGHT - 2 * 90;
  const angle = (Math.atan2(frameHeight, frameWidth) * 180) / Math.PI;
  const length = 0.66 * Math.hypot(frameWidth, frameHeight);
  const outline = textOutline(fonts.serifBold, 'DUPLICATE', 180);
  pdf.save();
  pdf.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2).rotate(-angle);
  if (outline) {
    const scale = length / outline.width;
    pdf
      .translate(-length / 2, (outline.capHeight * scale) / 2)
      .scale(scale, -scale)
      .path(outline.svg)
      .fillColor(DUPLICATE_RED, 0.07)
      .fill();
  } else {
    pdf.font('serifBold').fontSize(100);
    const size = (100 * length) / pdf.widthOfString('DUPLICATE', { characterSpacing: 10 });
    pdf.fontSize(size).fillColor(DUPLICATE_RED, 0.07);
    pdf.text('DUPLICATE', -length / 2, -pdf.currentLineHeight() / 2, {
      lineBreak: false,
      characterSpacing: 10,
    });
  }
  pdf.restore();
}

function drawDuplicateStamp(
  pdf: PDFKit.PDFDocument,
  duplicate: NonNullable<CertificateDocument['duplicate']>,
  y: number,
): number {
  const label = 'DUPLICATE';
  const labelStyle: TextStyle = {
    face: 'serifBold',
    size: 13,
    color: DUPLICATE_RED,
    characterSpacing: 0.6,
  };
  const options = style(pdf, labelStyle);
  const width = pdf.widthOfString(label, options) + 24;
  const height = pdf.currentLineHeight() + 6;
  const x = PAGE_WIDTH / 2 - width / 2;
  pdf.save().strokeColor(DUPLICATE_RED).lineWidth(1.2).rect(x, y, width, height).stroke().restore();
  write(pdf, label, x, y + 3.5, width, { ...labelStyle, align: 'center' });
  return write(
    pdf,
    `Duplicate of certificate ${duplicate.originalSerial} issued on ${formatDate(duplicate.issuedOn)}`,
    LEFT,
    y + height + 4,
    WIDTH,
    { face: 'serif', size: 10.5, color: DUPLICATE_RED, align: 'center' },
  );
}
