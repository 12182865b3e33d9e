import { Controller } from 'react-hook-form';
import { DateInput } from '../../../components/DateInput';
import { parseDayMonthYear } from '../../../components/date-text';
import type { SocietyFieldName } from './form-values';
import type { SocietyFormApi } from './use-society-form';

/** A date of the society; a complete date is checked as it is typed. */
export function SocietyDateField({
  form,
  field,
  label,
  asterisk,
  error,
}: {
  form: SocietyFormApi;
  field: 'registeredOn' | 'statusSince';
  label: string;
  asterisk: boolean;
  error: (field: SocietyFieldName) => string | undefined;
}) {
  const { control, trigger } = form;
  // A complete date is checked as it is typed, so "in the future" shows before the field is left.
  return (
    <Controller
      control={control}
      name={field}
      render={({ field: { ref, name: fieldName, value, onChange, onBlur } }) => (
        <DateInput
          ref={ref}
          name={fieldName}
          value={value}
          onBlur={onBlur}
          onChange={(text) => {
            onChange(text);
            if (parseDayMonthYear(text)) void trigger(field);
          }}
          label={label}
          withAsterisk={asterisk}
          error={error(field)}
        />
      )}
    />
  );
}
