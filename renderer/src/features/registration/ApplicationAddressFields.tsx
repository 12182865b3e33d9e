import { Grid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { Section } from '../../components/Section';
import {
  AreaOfOperationInput,
  PlaceInputs,
  type PlaceFieldError,
  type PlaceOptions,
} from '../societies';

/** Where the society will be: address, district, village, office, and the area it will serve. */
export function ApplicationAddressFields({
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
  const { t } = useTranslation('registration');
  return (
    <Section title={t('applicationForm.section.address')} id="app-address">
      <Grid gap="sm">
        <PlaceInputs
          reference={reference}
          districtId={districtId}
          options={options}
          error={error}
        />
        <Grid.Col span={12}>
          <AreaOfOperationInput options={options} error={error} required />
        </Grid.Col>
      </Grid>
    </Section>
  );
}
