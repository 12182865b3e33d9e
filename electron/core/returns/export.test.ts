import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeReturnsTable, type ExportRow } from './export';

/** Text a spreadsheet would take for a formula, a sign or a command, if not kept as text. */
const HOSTILE = ['=SUM(A1)', '+91 98765 43210', '-5', '@cmd', '\tTabbed'];

function row(societyName: string): ExportRow {
  return {
    societyName,
    regNo: societyName,
    officeName: 'Aizawl',
    districtName: 'Aizawl',
    typeName: 'Fishery',
    ackNo: null,
    filedOn: null,
    daysLate: null,
    lateFeePaise: null,
    profitLossPaise: -50_000,
    status: 'overdue',
  };
}

const meta = { fy: '2025-26', snapshotFields: ['profitLossPaise'] };

describe('the returns register export', () => {
  it('writes formula-like text to Excel as the exact text, in string cells, never formulas', async () => {
    const bytes = await writeReturnsTable(HOSTILE.map(row), 'xlsx', meta);
    const workbook = new ExcelJS.Workbook();
    // A copy as a plain ArrayBuffer, the type exceljs declares it reads.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet('Returns 2025-26')!;
    HOSTILE.forEach((text, index) => {
      for (const column of ['A', 'B']) {
        const cell = sheet.getCell(`${column}${index + 2}`);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
        expect(cell.value).toBe(text);
      }
    });
    // A number stays a number, sign and all.
    expect(sheet.getCell('K2').value).toBe(-500);
  });

  it('keeps the apostrophe in CSV, where a spreadsheet would otherwise read a formula', async () => {
    const text = (await writeReturnsTable(HOSTILE.map(row), 'csv', meta)).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[1]).toBe("'=SUM(A1),'=SUM(A1),Aizawl,Aizawl,Fishery,Overdue,,,,,-500");
    expect(lines[2]?.startsWith("'+91 98765 43210,'+91 98765 43210,")).toBe(true);
    expect(lines[3]?.startsWith("'-5,'-5,")).toBe(true);
    expect(lines[4]?.startsWith("'@cmd,'@cmd,")).toBe(true);
    expect(lines[5]?.startsWith("'\tTabbed,'\tTabbed,")).toBe(true);
  });
});
