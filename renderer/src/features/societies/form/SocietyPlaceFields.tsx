import { Grid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { Section } from '../../../components/Section';
import { AreaOfOperationInput } from './AreaOfOperationInput';
import type { PlaceFieldError } from './place-values';
import { PlaceInputs } from './PlaceInputs';
import type { PlaceOptions } from './use-place-options';

/** Where the society is (address, district, village, office) and the area it serves. */
export function SocietyPlaceFields({
  reference,
  districtId,
  options,
  error,
}: {
  reference: ReferenceData;
  districtId: string | null;
  options: PlaceOptions;
  error: PlaceFieldError;
}) {
  const { t } = useTranslation('societies');
  return (
    <>
      <Section title={t('form.section.address')} id="form-address">
        <Grid gap="sm">
          <PlaceInputs
            reference={reference}
            districtId={districtId}
            options={options}
            error={error}
          />
        </Grid>
      </Section>

      <Section title={t('form.section.area')} id="form-area">
        <AreaOfOperationInput options={options} error={error} />
      </Section>
    </>
  );
}
