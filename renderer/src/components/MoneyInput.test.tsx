import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { MoneyInput } from './MoneyInput';
import { paiseToRupeeText, rupeeTextToPaise } from './money-text';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <MantineProvider env="test">
      <MoneyInput label="Authorised share capital (₹)" value={value} onChange={setValue} />
      <output data-testid="paise">{String(rupeeTextToPaise(value))}</output>
    </MantineProvider>
  );
}

describe('MoneyInput', () => {
  it('rewrites a typed amount in Indian grouping when the clerk leaves the field', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Authorised share capital (₹)');
    await user.type(input, '1234567.5');
    expect(input).toHaveProperty('value', '1234567.5');
    await user.tab();
    expect(input).toHaveProperty('value', '12,34,567.50');
    expect(screen.getByTestId('paise').textContent).toBe('123456750');
  });

  it('leaves text that is not an amount as typed, so the form can point at it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Authorised share capital (₹)');
    await user.type(input, '12.345');
    await user.tab();
    expect(input).toHaveProperty('value', '12.345');
    expect(screen.getByTestId('paise').textContent).toBe('undefined');
  });

  it('shows the rupee sign beside the amount', () => {
    render(<Harness initial="250.00" />);
    expect(screen.getByText('₹')).toBeTruthy();
  });
});

describe('rupee text', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['0', 0],
    ['250', 25_000],
    ['250.5', 25_050],
    ['₹ 1,25,000.50', 12_500_050],
    ['12,34,567', 123_456_700],
    ['12.345', undefined],
    ['one lakh', undefined],
    ['1.2.3', undefined],
  ])('%j → %j paise', (text, paise) => {
    expect(rupeeTextToPaise(text)).toBe(paise);
  });

  it('shows stored paise as rupees with paise', () => {
    expect(paiseToRupeeText(123_456_750)).toBe('12,34,567.50');
    expect(paiseToRupeeText(null)).toBe('');
  });
});
