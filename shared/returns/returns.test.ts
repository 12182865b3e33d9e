import { describe, expect, it } from 'vitest';
import {
  financialYearBounds,
  isFinancialYear,
  lateFee,
  previousFinancialYear,
  returnDueOn,
  returnFilingSchema,
  returnStatus,
  returnSnapshotSchema,
} from './returns';

describe('the financial year of a return', () => {
  it('runs from 1 April to 31 March, and its return is due on the rule’s day after', () => {
    expect(financialYearBounds('2025-26')).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(returnDueOn('2025-26', '09-30')).toBe('2026-09-30');
    expect(returnDueOn('1999-00', '09-30')).toBe('2000-09-30');
    expect(previousFinancialYear('2000-01')).toBe('1999-00');
    expect(isFinancialYear('2025-26')).toBe(true);
    expect(isFinancialYear('1999-00')).toBe(true);
    expect(isFinancialYear('2025-27')).toBe(false);
    expect(isFinancialYear('2025')).toBe(false);
  });

  it('is due until the due date itself, overdue the day after', () => {
    expect(returnStatus(null, '2026-09-30', '2026-09-30')).toBe('due');
    expect(returnStatus(null, '2026-09-30', '2026-10-01')).toBe('overdue');
    expect(returnStatus('sent_back', '2026-09-30', '2026-10-01')).toBe('incomplete');
    expect(returnStatus('filed', '2026-09-30', '2026-10-01')).toBe('filed');
    expect(returnStatus('accepted', '2026-09-30', '2027-10-01')).toBe('accepted');
  });
});

describe('the late fee', () => {
  const fee = (filedOn: string) => lateFee('2026-09-30', filedOn, 100_00, 1000_00);
  it('is nothing on the due date, one month for a day late, and stops at the ceiling', () => {
    expect(fee('2026-09-30')).toEqual({ daysLate: 0, monthsLate: 0, feePaise: 0 });
    expect(fee('2026-10-01')).toEqual({ daysLate: 1, monthsLate: 1, feePaise: 100_00 });
    expect(fee('2026-10-30')).toEqual({ daysLate: 30, monthsLate: 1, feePaise: 100_00 });
    expect(fee('2026-10-31')).toEqual({ daysLate: 31, monthsLate: 2, feePaise: 200_00 });
    expect(fee('2028-01-01').feePaise).toBe(1000_00);
  });
});

describe('the financial snapshot', () => {
  const snapshot = {
    membersMale: 30,
    membersFemale: 12,
    membersOther: 0,
    membersTotal: 42,
    membersSc: 0,
    membersSt: 40,
    membersObc: 0,
    membersGeneral: 2,
    employees: 2,
    paidUpCapitalPaise: 100_00,
    governmentSharePaise: 100_00,
    reservesPaise: 0,
    depositsPaise: 0,
    borrowingsPaise: 0,
    loansOutstandingPaise: 0,
    turnoverPaise: 0,
    profitLossPaise: -5_00,
    totalAssetsPaise: 0,
  };
  const problems = (overrides: Record<string, number>) => {
    const result = returnSnapshotSchema.safeParse({ ...snapshot, ...overrides });
    return result.success
      ? {}
      : Object.fromEntries(
          result.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
        );
  };

  it('adds members up by gender and by category, and allows a loss but no negative assets', () => {
    expect(problems({})).toEqual({});
    expect(problems({ membersOther: 1 })).toEqual({
      membersTotal: 'Men, women and transgender members add up to 43, not 42.',
    });
    expect(problems({ membersGeneral: 3 })).toEqual({
      membersGeneral: 'Members by category add up to 43, not the 42 members.',
    });
    expect(problems({ totalAssetsPaise: -1 })).toEqual({
      totalAssetsPaise: 'The total assets cannot be negative.',
    });
    expect(problems({ governmentSharePaise: 100_01 })).toEqual({
      governmentSharePaise: 'The government share cannot be more than the paid-up share capital.',
    });
  });

  it('needs the date of elections when elections were held, and a signed declaration', () => {
    const result = returnFilingSchema.safeParse({
      items: {
        activitiesReport: 'Fish seed distributed to members and ponds repaired.',
        auditedAccounts: true,
        surplusPlan: null,
        byLawAmendments: null,
        agmOn: null,
        electionsHeld: true,
        electionsOn: null,
      },
      snapshot,
      declarantName: ' ',
      declarantDesignation: 'Secretary',
    });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['items.electionsOn', 'declarantName']));
  });
});
