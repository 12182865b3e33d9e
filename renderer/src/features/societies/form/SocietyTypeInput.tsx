import { Select } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { required } from '../../../components/form-layout';
import type { PlaceFieldError, PlaceValues } from './place-values';
import type { PlaceOptions } from './use-place-options';

/** The type of society, from the state's list; `onChosen` follows a choice (the tier, say). */
export function SocietyTypeInput({
  options,
  error,
  onChosen,
}: {
  options: PlaceOptions;
  error: PlaceFieldError;
  onChosen?: (typeId: string | null) => void;
}) {
  const { t } = useTranslation('societies');
  const { control } = useFormContext<PlaceValues>();
  return (
    <Controller
      control={control}
      name="typeId"
      render={({ field }) => (
        <Select
          {...field}
          {...required}
          label={t('field.typeId')}
          placeholder={t('form.choose')}
          data={options.types}
          searchable
          nothingFoundMessage={t('form.nothingFound')}
          maxDropdownHeight={320}
          error={error('typeId')}
          onChange={(value) => {
            field.onChange(value);
            onChosen?.(value);
          }}
        />
      )}
    />
  );
}
