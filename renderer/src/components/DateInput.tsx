import { TextInput, type TextInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToDayMonthYear, parseDayMonthYear } from './date-text';

export interface DateInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The date as typed, day first ("14-08-2019"). */
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A date typed day first, as Indian registers print it, whatever the computer's language:
 * the browser's own date field follows the Windows locale and may ask for the month first.
 * On leaving the field a valid date is rewritten as DD-MM-YYYY.
 */
export function DateInput({ value, onChange, onBlur, ref, ...rest }: DateInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      placeholder={t('common.dateFormat')}
      {...rest}
      ref={ref}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      maxLength={14}
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        const iso = parseDayMonthYear(value);
        if (iso) {
          const formatted = isoToDayMonthYear(iso);
          if (formatted !== value) onChange(formatted);
        }
        onBlur?.(event);
      }}
    />
  );
}
