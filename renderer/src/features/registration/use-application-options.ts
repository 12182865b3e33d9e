import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import {
  areaVillageOptions,
  districtOptions,
  officeOptions,
  typeOptions,
  villageOptions,
} from '../reference';

/** The choices of the application form's pickers; villages, area and offices follow the district. */
export function useApplicationOptions(reference: ReferenceData, districtId: string | null) {
  const { t } = useTranslation(['registration', 'societies']);
  return useMemo(
    () => ({
      districts: districtOptions(reference),
      villages: villageOptions(reference, districtId),
      area: areaVillageOptions(reference, districtId, (district) =>
        t('societies:form.areaDistrictFirst', { district }),
      ),
      offices: officeOptions(reference, districtId, {
        covering: (district) => t('societies:form.officesCovering', { district }),
        other: t('societies:form.officesOther'),
        part: (office) => t('societies:form.partOfDistrict', { office }),
      }),
      types: typeOptions(reference),
    }),
    [reference, districtId, t],
  );
}

export type ApplicationOptions = ReturnType<typeof useApplicationOptions>;
