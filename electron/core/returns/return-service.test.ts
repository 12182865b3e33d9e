import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReturnFiling } from '#shared/returns/returns';
import type { ReferenceData } from '#shared/reference/contract';
import {
  createTestCore,
  TEST_PASSWORD,
  type TestCore,
  failure,
} from '../../../tests/fixtures/test-core';
import { validSociety } from '../../../tests/fixtures/societies';

// FIXED_NOW is 23-11-2026: the returns of 2025-26 were due on 30-09-2026 (54 days ago).
let core: TestCore;
let reference: ReferenceData;

function filing(overrides: Partial<ReturnFiling['snapshot']> = {}): ReturnFiling {
  return {
    items: {
      activitiesReport:
        'Fish seed distributed to 42 members; two new ponds dug at Ṭhutmun; fish sold at Aizawl market.',
      auditedAccounts: true,
      surplusPlan: 'Reserve fund 25 %, dividend 10 %, the rest to the common good fund.',
      byLawAmendments: null,
      agmOn: '2026-06-14',
      electionsHeld: false,
      electionsOn: null,
    },
    snapshot: {
      membersMale: 30,
      membersFemale: 12,
      membersOther: 0,
      membersTotal: 42,
      membersSc: 0,
      membersSt: 42,
      membersObc: 0,
      membersGeneral: 0,
      employees: 2,
      paidUpCapitalPaise: 4_20_000_00,
      governmentSharePaise: 1_00_000_00,
      reservesPaise: 55_000_00,
      depositsPaise: 0,
      borrowingsPaise: 2_00_000_00,
      loansOutstandingPaise: 0,
      turnoverPaise: 12_34_567_00,
      profitLossPaise: -15_000_00,
      totalAssetsPaise: 8_75_000_00,
      ...overrides,
    },
    declarantName: 'Lalṭhangliana',
    declarantDesignation: 'Secretary',
  };
}

async function society(name: string, regNo: string, extra: Record<string, unknown> = {}) {
  return core.call(
    'societies.create',
    { society: { ...validSociety(reference), name, regNo, ...extra } },
    'clerk',
  );
}

beforeEach(async () => {
  core = createTestCore();
  await core.signInAs('clerk', { sessionId: 'clerk' });
  await core.signInAs('registrar', { sessionId: 'registrar' });
  reference = await core.call('reference.get', {}, 'clerk');
});
afterEach(() => core.dispose());

describe('the returns register', () => {
  it('lists every functioning society owing a return for the year, with counts', async () => {
    const owing = await society('Ṭhutmun Fishery Cooperative Society Ltd.', '760/49');
    await society('Zemabawk Piggery Cooperative Society Ltd.', '761/49', {
      status: 'non_functional',
    });
    await society('Durtlang New Dairy Cooperative Society Ltd.', '762/49', {
      registeredOn: '2026-05-01',
      statusSince: '2026-05-01',
    });
    const { rows, total } = await core.call(
      'returns.register',
      { fy: '2025-26', offset: 0, limit: 50 },
      'clerk',
    );
    expect(total).toBe(1);
    expect(rows).toEqual([
      expect.objectContaining({ societyId: owing.id, status: 'overdue', ackNo: null, notices: 0 }),
    ]);
    expect(await core.call('returns.counts', { fy: '2025-26' }, 'clerk')).toEqual({
      dueOn: '2026-09-30',
      due: 0,
      overdue: 1,
      filed: 0,
      incomplete: 0,
      accepted: 0,
    });
    // The society registered in May 2026 owes the return of 2026-27, not yet due.
    expect(await core.call('returns.counts', { fy: '2026-27' }, 'clerk')).toMatchObject({
      dueOn: '2027-09-30',
      due: 2,
      overdue: 0,
    });
  });
});

describe('filing at the counter', () => {
  it('hands the keyboard to the secretary, who reaches only that return until the clerk takes it back', async () => {
    const owing = await society('Ṭhutmun Fishery Cooperative Society Ltd.', '760/49');
    const status = await core.call(
      'returns.openCounter',
      { societyId: owing.id, fy: '2025-26' },
      'clerk',
    );
    expect(status.session).toMatchObject({
      user: { role: 'counter_secretary' },
      counter: { societyId: owing.id, fy: '2025-26' },
    });
    // Nothing else is in reach.
    expect(
      await failure(core.call('societies.list', { offset: 0, limit: 5 } as never, 'clerk')),
    ).toMatchObject({
      code: 'forbidden',
    });
    expect(await core.call('returns.counterForm', {}, 'clerk')).toMatchObject({
      societyName: 'Ṭhutmun Fishery Cooperative Society Ltd.',
      fy: '2025-26',
      status: 'overdue',
      lateIfFiledToday: { daysLate: 54, feePaise: 200_00 },
    });

    // Figures that do not add up are refused with the reason by the field; nothing is saved.
    const bad = await failure(
      core.call('returns.file', { filing: filing({ membersFemale: 10 }) }, 'clerk'),
    );
    expect(bad.fields?.['filing.snapshot.membersTotal']).toBe(
      'Men, women and transgender members add up to 40, not 42.',
    );
    const negative = await failure(
      core.call('returns.file', { filing: filing({ totalAssetsPaise: -1 }) }, 'clerk'),
    );
    expect(negative.fields?.['filing.snapshot.totalAssetsPaise']).toBe(
      'The total assets cannot be negative.',
    );
    expect((await core.call('returns.counterForm', {}, 'clerk')).filed).toBeNull();

    const filed = await core.call('returns.file', { filing: filing() }, 'clerk');
    expect(filed).toMatchObject({
      status: 'filed',
      filed: {
        ackNo: 'RET/AIZ/2025-26/0001',
        filedOn: '2026-11-23',
        daysLate: 54,
        lateFeePaise: 200_00,
        declarantName: 'Lalṭhangliana',
        snapshot: { profitLossPaise: -15_000_00, membersTotal: 42 },
      },
    });

    // Only the clerk's own password gives the keyboard back.
    const wrong = await failure(
      core.call('returns.closeCounter', { password: 'not the password' }, 'clerk'),
    );
    expect(wrong.message).toBe('That is not the password of the clerk who opened the counter.');
    const back = await core.call('returns.closeCounter', { password: TEST_PASSWORD }, 'clerk');
    expect(back.session).toMatchObject({ user: { role: 'clerk' }, counter: null });
    expect(
      await core.call('returns.get', { societyId: owing.id, fy: '2025-26' }, 'clerk'),
    ).toMatchObject({
      status: 'filed',
    });
  });

  it('is refused for a year not yet closed, and for a return already filed or accepted', async () => {
    const owing = await society('Ṭhutmun Fishery Cooperative Society Ltd.', '760/49');
    expect(
      (
        await failure(
          core.call('returns.openCounter', { societyId: owing.id, fy: '2026-27' }, 'clerk'),
        )
      ).message,
    ).toBe('The year 2026-27 closes on 31-03-2027; its return can be filed after that.');

    await core.call('returns.openCounter', { societyId: owing.id, fy: '2025-26' }, 'clerk');
    await core.call('returns.file', { filing: filing() }, 'clerk');
    await core.call('returns.closeCounter', { password: TEST_PASSWORD }, 'clerk');
    expect(
      (
        await failure(
          core.call('returns.openCounter', { societyId: owing.id, fy: '2025-26' }, 'clerk'),
        )
      ).message,
    ).toBe(
      'The return of 2025-26 is filed and waiting for the clerk’s check. Accept it or send it back first.',
    );
  });
});

describe('a society’s returns', () => {
  it('list the last ten closed years, newest first, with what was filed', async () => {
    const owing = await society('Ṭhutmun Fishery Cooperative Society Ltd.', '760/49');
    const young = await society('Durtlang Dairy Cooperative Society Ltd.', '761/49', {
      registeredOn: '2024-08-01',
      statusSince: '2024-08-01',
    });
    await core.call('returns.openCounter', { societyId: owing.id, fy: '2025-26' }, 'clerk');
    await core.call('returns.file', { filing: filing() }, 'clerk');
    await core.call('returns.closeCounter', { password: TEST_PASSWORD }, 'clerk');
    const years = await core.call('returns.ofSociety', { societyId: owing.id }, 'clerk');
    expect(years).toHaveLength(10);
    expect(years[0]).toMatchObject({
      fy: '2025-26',
      status: 'filed',
      ackNo: 'RET/AIZ/2025-26/0001',
      daysLate: 54,
    });
    expect(years[1]).toMatchObject({ fy: '2024-25', status: 'overdue', ackNo: null });
    expect(years[9]?.fy).toBe('2016-17');
    // Registered in August 2024: it owes 2024-25 and 2025-26 only.
    const youngYears = await core.call('returns.ofSociety', { societyId: young.id }, 'clerk');
    expect(youngYears.map((row) => row.fy)).toEqual(['2025-26', '2024-25']);
  });
});

describe('the clerk’s check', () => {
  it('sends back with reasons, takes the corrected return under the same number, then accepts and closes it', async () => {
    const owing = await society('Ṭhutmun Fishery Cooperative Society Ltd.', '760/49');
    await core.call('returns.openCounter', { societyId: owing.id, fy: '2025-26' }, 'clerk');
    const filed = await core.call('returns.file', { filing: filing() }, 'clerk');
    await core.call('returns.closeCounter', { password: TEST_PASSWORD }, 'clerk');

    const noReasons = await failure(
      core.call(
        'returns.review',
        {
          id: filed.filed!.id,
          baseVersion: filed.filed!.version,
          decision: 'send_back',
          reasons: ' ',
        },
        'clerk',
      ),
    );
    expect(noReasons.fields?.['reasons']).toBe(
      'Say what must be corrected; the secretary is told these reasons.',
    );
    const sentBack = await core.call(
      'returns.review',
      {
        id: filed.filed!.id,
        baseVersion: filed.filed!.version,
        decision: 'send_back',
        reasons: 'The audited accounts are not signed by the auditor.',
      },
      'clerk',
    );
    expect(sentBack).toMatchObject({
      status: 'incomplete',
      filed: { reviewReasons: 'The audited accounts are not signed by the auditor.' },
    });
    expect(await core.call('returns.counts', { fy: '2025-26' }, 'clerk')).toMatchObject({
      incomplete: 1,
      overdue: 0,
    });

    await core.call('returns.openCounter', { societyId: owing.id, fy: '2025-26' }, 'clerk');
    expect((await core.call('returns.counterForm', {}, 'clerk')).filed?.reviewReasons).toBe(
      'The audited accounts are not signed by the auditor.',
    );
    const refiled = await core.call('returns.file', { filing: filing() }, 'clerk');
    await core.call('returns.closeCounter', { password: TEST_PASSWORD }, 'clerk');
    expect(refiled.filed).toMatchObject({
      ackNo: 'RET/AIZ/2025-26/0001',
      state: 'filed',
      reviewReasons: null,
    });

    const accepted = await core.call(
      'returns.review',
      {
        id: refiled.filed!.id,
        baseVersion: refiled.filed!.version,
        decision: 'accept',
        reasons: null,
      },
      'clerk',
    );
    expect(accepted).toMatchObject({
      status: 'accepted',
      filed: { reviewedByName: expect.any(String) },
    });
    const closed = await failure(
      core.call('returns.openCounter', { societyId: owing.id, fy: '2025-26' }, 'clerk'),
    );
    expect(closed.message).toBe('The return of 2025-26 was accepted; it is closed.');
    const again = await failure(
      core.call(
        'returns.review',
        {
          id: accepted.filed!.id,
          baseVersion: accepted.filed!.version,
          decision: 'send_back',
          reasons: 'x',
        },
        'registrar',
      ),
    );
    expect(again.message).toBe('This return was already accepted; it is closed.');
  });
});

describe('defaulters', () => {
  it('get one notice each in one PDF, recorded as sent', async () => {
    await society('Ṭhutmun Fishery Cooperative Society Ltd.', '760/49');
    await society('Zemabawk Ṭuikhur Piggery Cooperative Society Ltd.', '761/49');
    const aizawl = reference.offices.find((office) => office.code === 'AIZ')!;
    const printed = await core.call(
      'returns.defaulterNotices',
      { officeId: aizawl.id, fy: '2025-26' },
      'clerk',
    );
    expect(printed.count).toBe(2);
    const file = join(core.dataDir, 'printouts', printed.fileName);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/u);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split(
      '\f',
    );
    expect(pages[0]).toContain('Ṭhutmun Fishery Cooperative Society Ltd.');
    expect(pages[0]).toContain('NOT/AIZ/2026-27/0001');
    expect(pages[0]).toContain('30-09-2026');
    expect(pages[0]).toContain('₹200.00');
    expect(pages[1]).toContain('Zemabawk Ṭuikhur Piggery Cooperative Society Ltd.');
    const { rows } = await core.call(
      'returns.register',
      { fy: '2025-26', offset: 0, limit: 10 },
      'clerk',
    );
    expect(rows.map((row) => row.notices)).toEqual([1, 1]);
  });

  it('with no return for two years are candidates for non-functional status', async () => {
    const silent = await society('Ṭhutmun Fishery Cooperative Society Ltd.', '760/49');
    const filer = await society('Zemabawk Piggery Cooperative Society Ltd.', '761/49');
    // Filing the older year alone is enough to stay off the list.
    await core.call('returns.openCounter', { societyId: filer.id, fy: '2024-25' }, 'clerk');
    await core.call('returns.file', { filing: filing() }, 'clerk');
    await core.call('returns.closeCounter', { password: TEST_PASSWORD }, 'clerk');
    const candidates = await core.call('returns.nonFunctionalCandidates', {}, 'clerk');
    expect(candidates.years).toEqual(['2024-25', '2025-26']);
    expect(candidates.rows).toEqual([
      expect.objectContaining({ societyId: silent.id, lastFiledFy: null, pendingOrder: false }),
    ]);
  });
});

describe('export', () => {
  it('writes CSV and Excel with every row, formula-like text neutralised', async () => {
    await society('=HYPERLINK("http://x") Cooperative Society', '760/49');
    await society('Ṭhutmun Fishery Cooperative Society Ltd.', '761/49');
    const csv = await core.call('returns.export', { fy: '2025-26', format: 'csv' }, 'clerk');
    expect(csv.count).toBe(2);
    const text = readFileSync(join(core.dataDir, 'printouts', csv.fileName), 'utf8');
    expect(text.startsWith('\uFEFFSociety,Registration no.')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"") Cooperative Society"`);
    expect(text).toContain('Ṭhutmun Fishery Cooperative Society Ltd.,761/49');

    const xlsx = await core.call('returns.export', { fy: '2025-26', format: 'xlsx' }, 'clerk');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(core.dataDir, 'printouts', xlsx.fileName));
    const sheet = workbook.getWorksheet('Returns 2025-26')!;
    expect(sheet.rowCount).toBe(3);
    const names = [sheet.getCell('A2').value, sheet.getCell('A3').value];
    // In Excel the same text is a string cell, as typed: no formula, and no apostrophe showing.
    expect(names).toContain(`=HYPERLINK("http://x") Cooperative Society`);
    expect(sheet.getCell('F2').value).toBe('Overdue');
  });
});
