import { describe, expect, it } from 'vitest';
import { financialYearOf, formatDate, indiaDate, isIsoDate } from './dates';
import { formatRupees, parseRupees } from './money';

describe('money in paise, shown in Indian grouping', () => {
  it('formats lakh and crore', () => {
    expect(formatRupees(123456700)).toBe('12,34,567.00');
    expect(formatRupees(12345678050)).toBe('12,34,56,780.50');
  });

  it('parses what a clerk types', () => {
    expect(parseRupees('12,34,567.5')).toBe(123456750);
    expect(parseRupees('₹ 1000')).toBe(100000);
    expect(parseRupees('12.345')).toBeUndefined();
    expect(parseRupees('ten')).toBeUndefined();
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('29-02-2024')).toBe(false);
  });

  it('prints DD-MM-YYYY and knows the financial year', () => {
    expect(formatDate('2025-04-01')).toBe('01-04-2025');
    expect(financialYearOf('2025-04-01')).toBe('2025-26');
    expect(financialYearOf('2026-03-31')).toBe('2025-26');
    expect(financialYearOf('1999-12-31')).toBe('1999-00');
  });

  it('takes today in India, not in UTC', () => {
    expect(indiaDate(new Date('2026-11-23T19:00:00Z'))).toBe('2026-11-24');
  });
});
