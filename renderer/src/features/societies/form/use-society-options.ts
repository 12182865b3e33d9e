import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { liabilities, registrationBases, societyStatuses, tiers } from '#shared/societies/society';
import {
  areaVillageOptions,
  districtOptions,
  officeOptions,
  typeOptions,
  villageOptions,
} from '../../reference';

/** The choices of the society form's pickers; villages, area and offices follow the district. */
export function useSocietyOptions(reference: ReferenceData, districtId: string | null) {
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
      basis: registrationBases.map((value) => ({ value, label: t(`basis.${value}`) })),
      tiers: tiers.map((value) => ({ value, label: t(`tier.${value}`) })),
      liabilities: liabilities.map((value) => ({ value, label: t(`liability.${value}`) })),
      statuses: societyStatuses.map((value) => ({ value, label: t(`societyStatus.${value}`) })),
    }),
    [reference, districtId, t],
  );
}

export type SocietyOptions = ReturnType<typeof useSocietyOptions>;
