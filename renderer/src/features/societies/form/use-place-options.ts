import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import {
  areaVillageOptions,
  districtOptions,
  officeOptions,
  typeOptions,
  villageOptions,
} from '../../reference';

/**
 * The choices of the pickers a society's record and an application share: type, district,
 * and the villages, area and offices that follow the chosen district.
 */
export function usePlaceOptions(reference: ReferenceData, districtId: string | null) {
  const { t } = useTranslation('societies');
  return useMemo(
    () => ({
      districts: districtOptions(reference),
      villages: villageOptions(reference, districtId),
      area: areaVillageOptions(reference, districtId, (district) =>
        t('form.areaDistrictFirst', { district }),
      ),
      offices: officeOptions(reference, districtId, {
        covering: (district) => t('form.officesCovering', { district }),
        other: t('form.officesOther'),
        part: (office) => t('form.partOfDistrict', { office }),
      }),
      types: typeOptions(reference),
    }),
    [reference, districtId, t],
  );
}

export type PlaceOptions = ReturnType<typeof usePlaceOptions>;
