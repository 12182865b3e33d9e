import { formatDate } from '#shared/domain/dates';
import { formatRupees } from '#shared/domain/money';
import type { Letterhead, LetterheadMarks } from '../certificates/pdf/letterhead-marks';
import { renderPagePerItem } from '../certificates/pdf/page-per-item';

/** One society's notice. */
export interface DefaulterNotice {
  letterNo: string;
  societyName: string;
  regNo: string;
  address: string;
}

/** What every notice of a batch shares. */
export interface DefaulterBatch {
  stateName: string;
  officeName: string;
  officeAddress: string;
  signedBy: string;
  fy: string;
  dueOn: string;
  sentOn: string;
  daysLate: number;
  feePaise: number;
  perMonthPaise: number;
  maximumPaise: number;
  notices: DefaulterNotice[];
}

const PAGE_WIDTH = 595.28;
const LEFT = 64;
const WIDTH = PAGE_WIDTH - 2 * LEFT;
/** Side of the boxes of the emblem (left) and the logo (right) beside the letterhead. */
const MARK_SIZE = 50;
const HEAD_LEFT = LEFT + MARK_SIZE + 8;
const HEAD_WIDTH = WIDTH - 2 * (MARK_SIZE + 8);
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';

const rupees = (paise: number) => `₹${formatRupees(paise)}`;

/**
 * Notices to societies whose annual return is overdue: one A4 page each, in one PDF ready
 * for the printer, in Noto fonts so Mizo names print with ṭ. The text says what is owed,
 * by when, the late fee of the rule parameters, and what follows if no return comes.
 */
export function renderDefaulterNotices(
  batch: DefaulterBatch,
  fontsDir: string,
  marks?: LetterheadMarks,
): Promise<Buffer> {
  return renderPagePerItem({
    fontsDir,
    title: `Notices for annual returns of ${batch.fy} not filed (${batch.notices.length})`,
    author: batch.officeName,
    createdOn: batch.sentOn,
    margin: LEFT,
    items: batch.notices,
    marks,
    draw: (pdf, notice, _fonts, letterhead) => drawNotice(pdf, batch, notice, letterhead),
    name: (notice) => `The notice ${notice.letterNo}`,
  });
}

function drawNotice(
  pdf: PDFKit.PDFDocument,
  batch: DefaulterBatch,
  notice: DefaulterNotice,
  letterhead: Letterhead,
): void {
  const nfc = (text: string) => text.normalize('NFC');
  const top = 56;
  letterhead.emblem(pdf, { x: LEFT, y: top - 6, size: MARK_SIZE });
  letterhead.logo(pdf, { x: LEFT + WIDTH - MARK_SIZE, y: top - 6, size: MARK_SIZE });
  pdf.fillColor(INK);
  pdf
    .font('serifBold')
    .fontSize(11)
    .text(`GOVERNMENT OF ${batch.stateName.toUpperCase()}`, HEAD_LEFT, top, {
      width: HEAD_WIDTH,
      align: 'center',
      characterSpacing: 1,
    });
  pdf
    .font('serifBold')
    .fontSize(13)
    .text(nfc(batch.officeName), HEAD_LEFT, undefined, { width: HEAD_WIDTH, align: 'center' });
  pdf
    .font('sans')
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(nfc(batch.officeAddress), HEAD_LEFT, undefined, {
      width: HEAD_WIDTH,
      align: 'center',
    });
  const ruleY = Math.max(pdf.y, top - 6 + MARK_SIZE) + 10;
  pdf
    .moveTo(LEFT, ruleY)
    .lineTo(LEFT + WIDTH, ruleY)
    .lineWidth(0.8)
    .strokeColor(MUTED)
    .stroke();

  pdf.fillColor(INK).font('sans').fontSize(10);
  const lineY = ruleY + 14;
  pdf.text(`No. ${notice.letterNo}`, LEFT, lineY, { width: WIDTH / 2 });
  pdf.text(`Dated ${formatDate(batch.sentOn)}`, LEFT + WIDTH / 2, lineY, {
    width: WIDTH / 2,
    align: 'right',
  });

  pdf
    .font('serifBold')
    .fontSize(13)
    .text('NOTICE', LEFT, lineY + 34, {
      width: WIDTH,
      align: 'center',
      characterSpacing: 2,
    });
  pdf
    .font('sans')
    .fontSize(10)
    .text('Annual return not filed (Article 243ZP of the Constitution)', {
      width: WIDTH,
      align: 'center',
    });

  pdf.moveDown(1.5);
  pdf.font('serif').fontSize(11).text('To', LEFT);
  pdf.text('The Secretary,');
  pdf.font('serifBold').text(nfc(notice.societyName));
  pdf.font('serif').text(`Registration no. ${nfc(notice.regNo)}`);
  pdf.text(nfc(notice.address), { width: WIDTH * 0.7 });

  pdf.moveDown(1.2);
  const paragraph = (text: string) => {
    pdf.font('serif').fontSize(11).text(text, LEFT, undefined, {
      width: WIDTH,
      align: 'justify',
      lineGap: 2.5,
    });
    pdf.moveDown(0.7);
  };
  paragraph(
    `Every cooperative society must file its annual return for each financial year with the Registrar within six months of the close of the year. The return of your society for the year ${batch.fy} was due on ${formatDate(batch.dueOn)} and has not been received in this office.`,
  );
  paragraph(
    `You are directed to file the return at this office within fifteen days of this notice: the annual report of activities, the audited accounts, the plan for the disposal of the surplus, the bye-law amendments of the year, the date of the annual general meeting and of the elections, and the figures of membership, capital and business.`,
  );
  paragraph(
    `A return filed late bears a late fee of ${rupees(batch.perMonthPaise)} for each month or part of a month of delay, up to ${rupees(batch.maximumPaise)}. Filed today it would bear ${rupees(batch.feePaise)} (${batch.daysLate} days late).`,
  );
  paragraph(
    'A society that files no return for two years may be declared non-functional and proceeded against under the Mizoram Cooperative Societies Act, 2006.',
  );

  const signY = Math.max(pdf.y + 40, 640);
  pdf.font('serif').fontSize(10.5).fillColor(INK);
  pdf.text(nfc(batch.signedBy), LEFT + WIDTH - 240, signY, { width: 240, align: 'right' });
  pdf.fillColor(MUTED).font('sans').fontSize(9.5);
  pdf.text(`for Registrar of Cooperative Societies`, LEFT + WIDTH - 240, undefined, {
    width: 240,
    align: 'right',
  });
  pdf.text(nfc(batch.officeName.replace(/^Office of the /u, '')), LEFT + WIDTH - 240, undefined, {
    width: 240,
    align: 'right',
  });
}
