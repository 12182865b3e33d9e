import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateInput } from './DateInput';
import { dayMonthYearToIso, isoToDayMonthYear, parseDayMonthYear } from './date-text';

function Harness() {
  const [value, setValue] = useState('');
  return (
    <MantineProvider env="test">
      <DateInput label="Date of registration" value={value} onChange={setValue} />
    </MantineProvider>
  );
}

describe('DateInput', () => {
  it('takes the day first and tidies the date when the clerk moves on', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Date of registration');
    expect(input.getAttribute('placeholder')).toBe('DD-MM-YYYY');
    await user.type(input, '14/8/2019');
    await user.tab();
    expect(input).toHaveProperty('value', '14-08-2019');
  });

  it('leaves a date that does not exist as typed, for the form to point out', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Date of registration');
    await user.type(input, '30-02-2024');
    await user.tab();
    expect(input).toHaveProperty('value', '30-02-2024');
  });
});

describe('day-first dates', () => {
  it.each([
    ['14-08-2019', '2019-08-14'],
    ['14/08/2019', '2019-08-14'],
    ['14.8.2019', '2019-08-14'],
    ['1-4-2025', '2025-04-01'],
    ['14082019', '2019-08-14'],
    [' 29-02-2024 ', '2024-02-29'],
    ['29-02-2023', undefined],
    ['08-14-2019', undefined],
    ['2019-08-14', undefined],
    ['14-08-19', undefined],
    ['', undefined],
  ])('%j → %j', (text, iso) => {
    expect(parseDayMonthYear(text)).toBe(iso);
  });

  it('converts between the form and the wire', () => {
    expect(isoToDayMonthYear('2025-04-01')).toBe('01-04-2025');
    expect(isoToDayMonthYear(null)).toBe('');
    expect(dayMonthYearToIso('01-04-2025')).toBe('2025-04-01');
    expect(dayMonthYearToIso('')).toBe('');
    expect(dayMonthYearToIso('31-04-2025')).toBe('31-04-2025');
  });
});
