import { TextInput, type TextInputProps } from '@mantine/core';
import { type Ref } from 'react';
import { formatRupees, parseRupees } from '#shared/domain/money';

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The amount as the clerk typed it, in rupees ("1,25,000.50", "125000.5", "") */
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * An amount in rupees. The text stays exactly as typed while the field has focus; on
 * leaving, a valid amount is rewritten in Indian grouping with paise ("1,25,000.50") and
 * anything else is left alone for the form to point out.
 */
export function MoneyInput({ value, onChange, onBlur, ref, ...rest }: MoneyInputProps) {
  return (
    <TextInput
      {...rest}
      ref={ref}
      value={value}
      inputMode="decimal"
      autoComplete="off"
      leftSection="₹"
      leftSectionPointerEvents="none"
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        const paise = parseRupees(value);
        if (value.trim() !== '' && paise !== undefined && paise >= 0) {
          const formatted = formatRupees(paise);
          if (formatted !== value) onChange(formatted);
        }
        onBlur?.(event);
      }}
    />
  );
}
