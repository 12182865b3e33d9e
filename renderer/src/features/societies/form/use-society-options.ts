import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import { liabilities, registrationBases, societyStatuses, tiers } from '#shared/societies/society';
import { usePlaceOptions } from './use-place-options';

/** The choices of the society form's pickers: the shared ones, and the record's own lists. */
export function useSocietyOptions(reference: ReferenceData, districtId: string | null) {
  const { t } = useTranslation('societies');
  const place = usePlaceOptions(reference, districtId);
  return useMemo(
    () => ({
      ...place,
      basis: registrationBases.map((value) => ({ value, label: t(`basis.${value}`) })),
      tiers: tiers.map((value) => ({ value, label: t(`tier.${value}`) })),
      liabilities: liabilities.map((value) => ({ value, label: t(`liability.${value}`) })),
      statuses: societyStatuses.map((value) => ({ value, label: t(`societyStatus.${value}`) })),
    }),
    [place, t],
  );
}

export type SocietyOptions = ReturnType<typeof useSocietyOptions>;
