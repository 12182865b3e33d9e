import ExcelJS from 'exceljs';
import type { ReturnStatus } from '#shared/returns/returns';

/** One row of the register as exported: the society, its return's status, the snapshot. */
export type ExportRow = Record<string, string | number | null> & { status: ReturnStatus };

const STATUS_WORDS: Record<ReturnStatus, string> = {
  due: 'Due',
  overdue: 'Overdue',
  filed: 'Filed, to be checked',
  incomplete: 'Incomplete (sent back)',
  accepted: 'Accepted',
};

const SNAPSHOT_HEADINGS: Record<string, string> = {
  membersMale: 'Members: men',
  membersFemale: 'Members: women',
  membersOther: 'Members: transgender',
  membersTotal: 'Members: total',
  membersSc: 'Members: SC',
  membersSt: 'Members: ST',
  membersObc: 'Members: OBC',
  membersGeneral: 'Members: general',
  employees: 'Employees',
  paidUpCapitalPaise: 'Paid-up capital (₹)',
  governmentSharePaise: 'Government share (₹)',
  reservesPaise: 'Reserves (₹)',
  depositsPaise: 'Deposits (₹)',
  borrowingsPaise: 'Borrowings (₹)',
  loansOutstandingPaise: 'Loans outstanding (₹)',
  turnoverPaise: 'Turnover (₹)',
  profitLossPaise: 'Profit or loss (₹)',
  totalAssetsPaise: 'Total assets (₹)',
};

/**
 * A CSV cell that a spreadsheet could take for a formula (= + - @, or a leading tab or
 * return) is kept as text by a leading apostrophe (quality.md "Hostile text is harmless").
 * CSV only: a CSV cell has no type, so the apostrophe is the only way to say "text". An
 * Excel cell does have one, and there the apostrophe would show, so the workbook writes the
 * text as it is, in a string cell.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

/**
 * Columns in order: heading and how to read a row's value, as it is (each format keeps
 * hostile text harmless its own way: `csvCell`, and string cells in the workbook).
 */
function columns(snapshotFields: readonly string[]) {
  const text = (key: string) => (row: ExportRow) => {
    const value = row[key];
    return value === null || value === undefined ? '' : String(value);
  };
  const rupees = (key: string) => (row: ExportRow) => {
    const value = row[key];
    return typeof value === 'number' ? value / 100 : null;
  };
  const count = (key: string) => (row: ExportRow) => {
    const value = row[key];
    return typeof value === 'number' ? value : null;
  };
  return [
    { heading: 'Society', value: text('societyName'), width: 48 },
    { heading: 'Registration no.', value: text('regNo'), width: 24 },
    { heading: 'Office', value: text('officeName'), width: 16 },
    { heading: 'District', value: text('districtName'), width: 14 },
    { heading: 'Type', value: text('typeName'), width: 32 },
    { heading: 'Return', value: (row: ExportRow) => STATUS_WORDS[row.status], width: 22 },
    { heading: 'Acknowledgement no.', value: text('ackNo'), width: 24 },
    { heading: 'Filed on', value: text('filedOn'), width: 12 },
    { heading: 'Days late', value: count('daysLate'), width: 10 },
    { heading: 'Late fee (₹)', value: rupees('lateFeePaise'), width: 12, money: true },
    ...snapshotFields.map((field) => ({
      heading: SNAPSHOT_HEADINGS[field] ?? field,
      value: field.endsWith('Paise') ? rupees(field) : count(field),
      width: 16,
      money: field.endsWith('Paise'),
    })),
  ];
}

/** The register as a CSV (UTF-8 with BOM, so Excel reads ṭ) or an Excel workbook. */
export async function writeReturnsTable(
  rows: ExportRow[],
  format: 'csv' | 'xlsx',
  meta: { fy: string; snapshotFields: readonly string[] },
): Promise<Buffer> {
  const cols = columns(meta.snapshotFields);
  if (format === 'csv') {
    const lines = [
      cols.map((col) => csvCell(col.heading)).join(','),
      ...rows.map((row) => cols.map((col) => csvCell(col.value(row))).join(',')),
    ];
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cooperative Societies Registry';
  const sheet = workbook.addWorksheet(`Returns ${meta.fy}`, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
  });
  sheet.columns = cols.map((col) => ({
    header: col.heading,
    width: col.width,
    ...('money' in col && col.money ? { style: { numFmt: '#,##,##0.00' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  // Text as it is: exceljs writes a string as a string cell, which Excel shows as typed and
  // never evaluates (only a `{ formula }` value is a formula), so no apostrophe is needed,
  // and one would show.
  for (const row of rows) sheet.addRow(cols.map((col) => col.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A value as a CSV field: text neutralised, then quoted when it holds a comma, quote or break. */
function csvCell(value: string | number | null): string {
  const text = value === null ? '' : typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
