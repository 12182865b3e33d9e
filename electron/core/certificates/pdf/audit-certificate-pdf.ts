import {
  defectCategoryLabels,
  type AuditorKind,
  type DefectCategory,
  type Grade,
  type ObservationKind,
} from '#shared/audits/audits';
import { formatDate, isIsoDate } from '#shared/domain/dates';
import { formatRupees } from '#shared/domain/money';
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
  write,
  type TextStyle,
} from './certificate-style';

/** One paragraph of the audit memo, as accepted. */
export interface MemoParagraph {
  para: number;
  kind: ObservationKind;
  category: DefectCategory;
  amountPaise: number | null;
  description: string;
  recommendation: string;
  rectificationDueOn: string | null;
}

/** What a printed audit certificate and its memo say; stored at issue so reprints are identical. */
export interface AuditCertificateDocument {
  kind: 'audit';
  stateName: string;
  officeName: string;
  officeAddress: string;
  societyName: string;
  regNo: string;
  registeredOn: string;
  typeName: string;
  address: string;
  fy: string;
  grade: Grade;
  totalMarks: number;
  maxMarks: number;
  auditorName: string;
  auditorKind: AuditorKind;
  fieldworkFrom: string;
  fieldworkTo: string;
  submittedOn: string;
  summary: string | null;
  observations: MemoParagraph[];
  registrarName: string;
  registrarDesignation: string;
  serial: string;
  issuedOn: string;
  qrText: string;
}

const ACT = 'Mizoram Cooperative Societies Act, 2006';

const LEFT = 60;
const RIGHT = PAGE_WIDTH - 60;
const WIDTH = RIGHT - LEFT;
const TOP = 52;
const BOTTOM = PAGE_HEIGHT - 56;
const QR_BOX = 118;

const GRADE_WORDS: Record<Grade, string> = {
  A: 'Class A',
  B: 'Class B',
  C: 'Class C',
  D: 'Class D',
};

/**
 * The audit certificate (page 1) and the audit memo of observations and defects (the
 * pages after it), A4, fonts embedded from `fontsDir`. The same document gives the same
 * bytes, so a reprint from the certificate register is identical.
 */
export async function renderAuditCertificatePdf(
  original: AuditCertificateDocument,
  fontsDir: string,
  marks?: LetterheadMarks,
): Promise<Buffer> {
  for (const [field, value] of [
    ['registeredOn', original.registeredOn],
    ['issuedOn', original.issuedOn],
    ['fieldworkFrom', original.fieldworkFrom],
    ['fieldworkTo', original.fieldworkTo],
    ['submittedOn', original.submittedOn],
  ] as const) {
    if (!isIsoDate(value)) {
      throw new RangeError(
        `Audit certificate ${original.serial}: ${field} "${value}" is not a date.`,
      );
    }
  }
  // Text typed on another system may carry ṭ as t + combining dot below; the font's
  // precomposed letter prints better and extracts as the letter the register stores.
  const doc = JSON.parse(JSON.stringify(original), (_key, value: unknown) =>
    typeof value === 'string' ? value.normalize('NFC') : value,
  ) as AuditCertificateDocument;
  return renderPagePerItem({
    fontsDir,
    title: `Audit certificate ${doc.serial}`,
    author: doc.officeName,
    createdOn: doc.issuedOn,
    margin: 0,
    items: [doc],
    marks,
    draw: (pdf, _doc, _fonts, letterhead) => {
      drawCertificate(pdf, doc, letterhead);
      return drawMemo(pdf, doc);
    },
    name: () => `Audit certificate ${doc.serial}`,
  });
}

function rule(pdf: PDFKit.PDFDocument, y: number): void {
  pdf.save().strokeColor(ACCENT).lineWidth(1).moveTo(LEFT, y).lineTo(RIGHT, y).stroke().restore();
}

/** Side of the boxes of the emblem (left) and the logo (right) beside the letterhead. */
const MARK_SIZE = 52;
/** The letterhead's text keeps clear of the marks on either side. */
const HEAD_INSET = MARK_SIZE + 8;

/**
 * State, office and address, centred between the state emblem and the department logo;
 * returns the y under the rule beneath them.
 */
function drawLetterhead(
  pdf: PDFKit.PDFDocument,
  doc: AuditCertificateDocument,
  top: number,
  letterhead: Letterhead,
): number {
  letterhead.emblem(pdf, { x: LEFT, y: top - 6, size: MARK_SIZE });
  letterhead.logo(pdf, { x: RIGHT - MARK_SIZE, y: top - 6, size: MARK_SIZE });
  const textLeft = LEFT + HEAD_INSET;
  const textWidth = WIDTH - 2 * HEAD_INSET;
  let y = write(pdf, `GOVERNMENT OF ${doc.stateName.toUpperCase()}`, textLeft, top, textWidth, {
    face: 'serifBold',
    size: 15,
    color: ACCENT,
    align: 'center',
  });
  y = write(pdf, doc.officeName, textLeft, y + 3, textWidth, {
    face: 'serif',
    size: 11.5,
    align: 'center',
  });
  y = write(pdf, doc.officeAddress, textLeft, y + 1, textWidth, {
    face: 'serif',
    size: 10,
    color: MUTED,
    align: 'center',
  });
  y = Math.max(y, top - 6 + MARK_SIZE);
  rule(pdf, y + 8);
  return y + 18;
}

const LABEL_WIDTH = 150;

/** The particulars' text sizes, largest first: long names and addresses step down. */
const PARTICULAR_SIZES = [11, 10, 9];

function particularTextStyles(size: number): { label: TextStyle; value: TextStyle } {
  return {
    label: { face: 'serifBold', size: size - 0.5, color: MUTED },
    value: { face: 'serif', size },
  };
}

/** The height of the particulars at a size, without drawing them. */
function particularsHeight(
  pdf: PDFKit.PDFDocument,
  rows: [string, string][],
  size: number,
): number {
  const { label, value } = particularTextStyles(size);
  return rows.reduce(
    (sum, [l, v]) =>
      sum +
      Math.max(
        measure(pdf, l, LABEL_WIDTH - 10, label),
        measure(pdf, v, WIDTH - LABEL_WIDTH, value),
      ) +
      7,
    0,
  );
}

function drawParticulars(
  pdf: PDFKit.PDFDocument,
  rows: [string, string][],
  size: number,
  y: number,
): void {
  const { label, value } = particularTextStyles(size);
  for (const [l, v] of rows) {
    const labelBottom = write(pdf, l, LEFT, y, LABEL_WIDTH - 10, label);
    const valueBottom = write(pdf, v, LEFT + LABEL_WIDTH, y, WIDTH - LABEL_WIDTH, value);
    y = Math.max(labelBottom, valueBottom) + 7;
  }
}

function drawCertificate(
  pdf: PDFKit.PDFDocument,
  doc: AuditCertificateDocument,
  letterhead: Letterhead,
): void {
  drawCertificateFrame(pdf);
  let y = drawLetterhead(pdf, doc, TOP, letterhead);
  const small: TextStyle = { face: 'sans', size: 9.5, color: MUTED };
  write(pdf, `Certificate serial no. ${doc.serial}`, LEFT, y, WIDTH / 2 + 40, small);
  write(
    pdf,
    `Date of issue: ${formatDate(doc.issuedOn)}`,
    LEFT + WIDTH / 2 + 40,
    y,
    WIDTH / 2 - 40,
    {
      ...small,
      align: 'right',
    },
  );
  y += 30;
  y = write(pdf, 'AUDIT CERTIFICATE', LEFT, y, WIDTH, {
    face: 'serifBold',
    size: 22,
    color: ACCENT,
    align: 'center',
  });
  y = write(pdf, `Financial year ${doc.fy}`, LEFT, y + 4, WIDTH, {
    face: 'serif',
    size: 12,
    align: 'center',
  });

  const auditor = doc.auditorKind === 'panel' ? 'a panel auditor' : 'a departmental auditor';
  const statement =
    `Certified that the accounts of ${doc.societyName}, registered under the ${ACT} ` +
    `with number ${doc.regNo}, for the financial year ${doc.fy} have been audited by ` +
    `${doc.auditorName}, ${auditor}, whose field work ran from ${formatDate(doc.fieldworkFrom)} ` +
    `to ${formatDate(doc.fieldworkTo)}, and that on the audit report the society is classified as`;
  y = write(pdf, statement, LEFT, y + 22, WIDTH, {
    face: 'serif',
    size: 12,
    align: 'justify',
    lineGap: 3,
  });

  // The grade, where the eye lands.
  const boxWidth = 220;
  const boxLeft = (PAGE_WIDTH - boxWidth) / 2;
  const boxTop = y + 16;
  pdf
    .save()
    .lineWidth(1.6)
    .strokeColor(ACCENT)
    .rect(boxLeft, boxTop, boxWidth, 72)
    .stroke()
    .restore();
  write(pdf, GRADE_WORDS[doc.grade], boxLeft, boxTop + 10, boxWidth, {
    face: 'serifBold',
    size: 28,
    color: ACCENT,
    align: 'center',
  });
  const percent = doc.maxMarks === 0 ? 0 : (doc.totalMarks * 100) / doc.maxMarks;
  write(
    pdf,
    `${doc.totalMarks} of ${doc.maxMarks} marks (${percent.toFixed(2)} %)`,
    boxLeft,
    boxTop + 48,
    boxWidth,
    { face: 'sans', size: 10, color: MUTED, align: 'center' },
  );
  y = boxTop + 72 + 24;

  const defects = doc.observations.filter((o) => o.kind === 'defect').length;
  const notes = doc.observations.length - defects;
  const memo = [
    ...(defects > 0 ? [`${defects} defect${defects === 1 ? '' : 's'} to be rectified`] : []),
    ...(notes > 0 ? [`${notes} observation${notes === 1 ? '' : 's'}`] : []),
  ].join(' and ');
  const rows: [string, string][] = [
    ['Society', doc.societyName],
    ['Registration no.', `${doc.regNo} of ${formatDate(doc.registeredOn)}`],
    ['Type', doc.typeName],
    ['Address', doc.address],
    ['Report submitted', formatDate(doc.submittedOn)],
    [
      'Audit memo',
      memo === '' ? 'No observations or defects.' : `${memo}, on the pages that follow.`,
    ],
  ];
  // The particulars must end above the QR code, which must stay clear to scan: a long
  // name or address steps the text down, and at the smallest size the address (which the
  // register holds) gives way.
  const qrTop = BOTTOM - QR_BOX - 14;
  const room = qrTop - 12 - y;
  const size = PARTICULAR_SIZES.find(
    (candidate) => particularsHeight(pdf, rows, candidate) <= room,
  );
  drawParticulars(
    pdf,
    size === undefined ? rows.filter(([label]) => label !== 'Address') : rows,
    size ?? PARTICULAR_SIZES.at(-1)!,
    y,
  );

  // Footer: the QR code on the left, the signature on the right.
  drawQrCode(pdf, doc.qrText, LEFT - 8, qrTop, QR_BOX);
  write(
    pdf,
    "Scan to verify, or check the text in the registry's Verify screen",
    LEFT,
    qrTop + QR_BOX - 2,
    180,
    {
      face: 'sans',
      size: 8,
      color: MUTED,
    },
  );
  const signLeft = LEFT + WIDTH / 2 + 20;
  const signWidth = RIGHT - signLeft;
  let sy = BOTTOM - 70;
  pdf
    .save()
    .strokeColor(INK)
    .lineWidth(0.7)
    .moveTo(signLeft + 15, sy)
    .lineTo(RIGHT - 15, sy)
    .stroke()
    .restore();
  sy = write(pdf, 'Signature and seal', signLeft, sy + 3, signWidth, {
    face: 'sans',
    size: 8,
    color: MUTED,
    align: 'center',
  });
  sy = write(pdf, doc.registrarName, signLeft, sy + 5, signWidth, {
    face: 'serifBold',
    size: 11,
    align: 'center',
  });
  write(pdf, doc.registrarDesignation, signLeft, sy + 2, signWidth, {
    face: 'serif',
    size: 9.5,
    align: 'center',
  });
}

const headingTextStyle: TextStyle = { face: 'serifBold', size: 10.5, color: ACCENT };
const bodyTextStyle: TextStyle = { face: 'serif', size: 10.5, lineGap: 2 };
const labelledTextStyle: TextStyle = { face: 'serif', size: 10, color: MUTED, lineGap: 2 };

/** The memo's pages; returns how many pages it added after the certificate. */
function drawMemo(pdf: PDFKit.PDFDocument, doc: AuditCertificateDocument): number {
  let added = 0;
  let y = 0;
  /**
   * Writes text that may not fit what is left of the page: as many words as fit, then on
   * the next page, and so on, so no remark or paragraph is ever too long to print.
   */
  const flow = (text: string, s: TextStyle, gap: number) => {
    let rest = text;
    while (rest !== '') {
      const room = BOTTOM - (y + gap);
      if (measure(pdf, rest, WIDTH, s) <= room) {
        y = write(pdf, rest, LEFT, y + gap, WIDTH, s);
        return;
      }
      const words = rest.split(/(?<=\s)/u);
      let low = 0;
      let high = words.length;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (measure(pdf, words.slice(0, middle).join(''), WIDTH, s) <= room) low = middle;
        else high = middle - 1;
      }
      if (low === 0) {
        newPage();
        continue;
      }
      write(pdf, words.slice(0, low).join('').trimEnd(), LEFT, y + gap, WIDTH, s);
      rest = words.slice(low).join('');
      newPage();
      gap = 0;
    }
  };
  const newPage = () => {
    pdf.addPage({ size: 'A4', margin: 0 });
    added += 1;
    y = write(
      pdf,
      `AUDIT MEMO · ${doc.societyName} · ${doc.regNo} · ${doc.fy}`,
      LEFT,
      TOP - 12,
      WIDTH,
      {
        face: 'sans',
        size: 9,
        color: MUTED,
      },
    );
    rule(pdf, y + 4);
    y += 14;
  };
  newPage();
  y = write(pdf, 'Audit memo', LEFT, y + 4, WIDTH, { face: 'serifBold', size: 16, color: ACCENT });
  y = write(
    pdf,
    `Certificate ${doc.serial} of ${formatDate(doc.issuedOn)}. Defects are to be rectified by the dates given; the society reports what it did to the ${doc.officeName.replace(/^Office of the /u, '')}.`,
    LEFT,
    y + 4,
    WIDTH,
    labelledTextStyle,
  );
  if (doc.summary) {
    if (y + 40 > BOTTOM) newPage();
    y = write(pdf, 'General remarks of the auditor', LEFT, y + 12, WIDTH, headingTextStyle);
    flow(doc.summary, bodyTextStyle, 4);
  }
  if (doc.observations.length === 0) {
    write(
      pdf,
      'The auditor recorded no observations or defects.',
      LEFT,
      y + 14,
      WIDTH,
      bodyTextStyle,
    );
    return added;
  }
  for (const o of doc.observations) {
    const heading = [
      `Para ${o.para}`,
      o.kind === 'defect' ? 'Defect' : 'Observation',
      defectCategoryLabels[o.category],
      ...(o.amountPaise ? [`amount involved ₹${formatRupees(o.amountPaise)}`] : []),
      ...(o.rectificationDueOn ? [`rectify by ${formatDate(o.rectificationDueOn)}`] : []),
    ].join(' · ');
    const recommendation = o.recommendation ? `Recommendation: ${o.recommendation}` : '';
    // A paragraph starts on a new page unless its heading and a few lines fit here.
    if (y + 14 + measure(pdf, heading, WIDTH, headingTextStyle) + 40 > BOTTOM) newPage();
    y = write(pdf, heading, LEFT, y + 14, WIDTH, headingTextStyle);
    flow(o.description, bodyTextStyle, 4);
    if (recommendation) flow(recommendation, labelledTextStyle, 4);
  }
  return added;
}
