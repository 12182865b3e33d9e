import { describe, expect, it } from 'vitest';
import {
  addMonths,
  auditDueOn,
  auditFee,
  COMMON_THRESHOLDS,
  defectStatus,
  gradeForShare,
  gradeOf,
  marksProblem,
  observationInputSchema,
  rubricSchema,
  statementHeadsFor,
  statementTotals,
  type Rubric,
} from './audits';

const hundred: Rubric = {
  criteria: [
    { code: 'books', label: 'Books of account', maxMarks: 40 },
    { code: 'recovery', label: 'Recovery of loans', maxMarks: 60 },
  ],
  thresholds: COMMON_THRESHOLDS,
};

describe('the grade by the common scale (A > 60 %, B 45–60 %, C 30–45 %, D < 30 %)', () => {
  it.each([
    [100, 'A'],
    [61, 'A'],
    [60, 'B'],
    [46, 'B'],
    [45, 'B'],
    [44, 'C'],
    [30, 'C'],
    [29, 'D'],
    [0, 'D'],
  ] as const)('%i marks out of 100 is %s', (total, grade) => {
    expect(gradeForShare(total, 100, COMMON_THRESHOLDS)).toBe(grade);
  });

  it('compares exactly at the edges of a maximum that does not divide evenly', () => {
    // 60 % of 7 is 4.2: 4.2 is not above 60 %, and nothing rounds it up into an A.
    expect(gradeForShare(42, 70, COMMON_THRESHOLDS)).toBe('B');
    expect(gradeForShare(43, 70, COMMON_THRESHOLDS)).toBe('A');
    // 45 % of 70 is 31.5: 31 marks is below it, 32 at or above.
    expect(gradeForShare(31, 70, COMMON_THRESHOLDS)).toBe('C');
    expect(gradeForShare(32, 70, COMMON_THRESHOLDS)).toBe('B');
    // 30 % of 70 is exactly 21.
    expect(gradeForShare(21, 70, COMMON_THRESHOLDS)).toBe('C');
    expect(gradeForShare(20, 70, COMMON_THRESHOLDS)).toBe('D');
  });

  it('follows a rubric’s own cut-offs', () => {
    const strict = { aAbove: 75, bFrom: 60, cFrom: 40 };
    expect(gradeForShare(75, 100, strict)).toBe('B');
    expect(gradeForShare(76, 100, strict)).toBe('A');
    expect(gradeForShare(59, 100, strict)).toBe('C');
    expect(gradeForShare(39, 100, strict)).toBe('D');
  });
});

describe('gradeOf a score sheet', () => {
  it('adds the marks and grades them once every criterion is scored', () => {
    expect(gradeOf(hundred, { books: 30, recovery: 31 })).toEqual({
      total: 61,
      max: 100,
      percent: 61,
      grade: 'A',
      missing: [],
    });
  });

  it('gives no grade while a criterion is unscored, and names it', () => {
    const result = gradeOf(hundred, { books: 40 });
    expect(result.grade).toBeNull();
    expect(result.missing).toEqual(['recovery']);
    expect(result.total).toBe(40);
  });

  it('shows the percentage to two decimals', () => {
    const rubric: Rubric = {
      criteria: [{ code: 'only', label: 'Only criterion', maxMarks: 3 }],
      thresholds: COMMON_THRESHOLDS,
    };
    expect(gradeOf(rubric, { only: 2 }).percent).toBe(66.67);
  });
});

describe('marks and rubrics', () => {
  it('refuses marks above the maximum, negative or fractional', () => {
    const criterion = hundred.criteria[0]!;
    expect(marksProblem(41, criterion)).toBe('At most 40 marks.');
    expect(marksProblem(-1, criterion)).toBe('Marks cannot be negative.');
    expect(marksProblem(2.5, criterion)).toBe('Give whole marks.');
    expect(marksProblem(40, criterion)).toBeNull();
  });

  it('refuses a rubric with a repeated code or cut-offs out of order', () => {
    const repeated = rubricSchema.safeParse({
      criteria: [
        { code: 'books', label: 'Books', maxMarks: 10 },
        { code: 'books', label: 'Books again', maxMarks: 10 },
      ],
      thresholds: COMMON_THRESHOLDS,
    });
    expect(repeated.success).toBe(false);
    expect(repeated.error?.issues[0]?.message).toBe('The code books is used twice.');
    const disordered = rubricSchema.safeParse({
      criteria: hundred.criteria,
      thresholds: { aAbove: 45, bFrom: 60, cFrom: 30 },
    });
    expect(disordered.success).toBe(false);
    expect(disordered.error?.issues[0]?.path).toEqual(['thresholds']);
  });
});

describe('dates, statements and fees', () => {
  it('puts the audit of a year due on the rule’s day after it closes', () => {
    expect(auditDueOn('2025-26', '09-30')).toBe('2026-09-30');
  });

  it('adds months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-11-23', 3)).toBe('2027-02-23');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('gives credit societies loan heads and the others trading heads', () => {
    const credit = statementHeadsFor(true);
    const trading = statementHeadsFor(false);
    expect(credit.assets.map((h) => h.code)).toContain('loans_members');
    expect(credit.liabilities.map((h) => h.code)).toContain('deposits');
    expect(trading.assets.map((h) => h.code)).toContain('stock');
    expect(trading.income.map((h) => h.code)).toContain('sales');
  });

  it('totals the statements and says whether the balance sheet balances', () => {
    const heads = statementHeadsFor(true);
    const totals = statementTotals(heads, {
      share_capital: 50_000_00,
      deposits: 150_000_00,
      cash_bank: 40_000_00,
      loans_members: 160_000_00,
      interest_received: 30_000_00,
      interest_paid: 18_000_00,
      establishment: 15_000_00,
    });
    expect(totals.liabilitiesPaise).toBe(200_000_00);
    expect(totals.assetsPaise).toBe(200_000_00);
    expect(totals.balanced).toBe(true);
    expect(totals.netProfitPaise).toBe(-3_000_00);
  });

  it('charges the fee per lakh or part of a lakh, within the minimum and maximum', () => {
    const rule = { perLakhPaise: 100_00, minimumPaise: 500_00, maximumPaise: 25_000_00 };
    expect(auditFee(0, rule)).toBe(500_00);
    expect(auditFee(10_00_000_00, rule)).toBe(1_000_00); // ₹10 lakh → 10 × ₹100
    expect(auditFee(10_00_000_01, rule)).toBe(1_100_00); // a paisa over: 11 lakhs begun
    expect(auditFee(1_000_00_000_00, rule)).toBe(25_000_00); // ₹10 crore: the ceiling
  });
});

describe('defects', () => {
  it('stands by the last follow-up entry', () => {
    expect(defectStatus([])).toBe('open');
    expect(defectStatus([{ kind: 'reply' }])).toBe('replied');
    expect(defectStatus([{ kind: 'reply' }, { kind: 'not_accepted' }])).toBe('not_accepted');
    expect(defectStatus([{ kind: 'reply' }, { kind: 'not_accepted' }, { kind: 'reply' }])).toBe(
      'replied',
    );
    expect(defectStatus([{ kind: 'reply' }, { kind: 'rectified' }])).toBe('rectified');
  });

  it('needs a due date and a recommendation for a defect, not for a plain observation', () => {
    const base = {
      category: 'cash_and_bank',
      amountPaise: 12_500_00,
      description: 'Cash book not written up since June.',
      recommendation: '',
      rectificationDueOn: null,
    } as const;
    const defect = observationInputSchema.safeParse({ ...base, kind: 'defect' });
    expect(defect.success).toBe(false);
    expect(defect.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'recommendation',
      'rectificationDueOn',
    ]);
    expect(observationInputSchema.safeParse({ ...base, kind: 'observation' }).success).toBe(true);
  });
});
