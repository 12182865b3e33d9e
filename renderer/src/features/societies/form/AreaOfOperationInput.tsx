import { MultiSelect } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { required as requiredField } from '../../../components/form-layout';
import type { PlaceFieldError, PlaceValues } from './place-values';
import type { PlaceOptions } from './use-place-options';

/**
 * The villages a society serves, the chosen district's first. An application cannot be
 * recorded without them (`required`); an old record may not have them on paper.
 */
export function AreaOfOperationInput({
  options,
  error,
  required = false,
}: {
  options: PlaceOptions;
  error: PlaceFieldError;
  required?: boolean;
}) {
  const { t } = useTranslation('societies');
  const { control } = useFormContext<PlaceValues>();
  return (
    <Controller
      control={control}
      name="areaVillageIds"
      render={({ field }) => (
        <MultiSelect
          {...field}
          {...(required ? requiredField : {})}
          label={t('field.areaVillageIds')}
          description={t('field.areaHint')}
          placeholder={field.value.length === 0 ? t('form.choose') : undefined}
          data={options.area}
          searchable
          clearable
          hidePickedOptions
          limit={200}
          maxDropdownHeight={300}
          nothingFoundMessage={t('form.nothingFound')}
          error={error('areaVillageIds')}
        />
      )}
    />
  );
}
