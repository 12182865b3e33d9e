import { useMemo } from 'react';
import { financialYearOf, indiaDate } from '#shared/domain/dates';
import type { ReferenceData } from '#shared/reference/contract';
import { registrationNumberExample } from '#shared/societies/society';
import { useSession } from '../../../lib/session';
import { useRuleParameters } from '../../reference';

/** The rule parameter that says how registration numbers are written (domain.md §3). */
const PATTERN_KEY = 'registration_no.pattern';

/**
 * An example of the numbers the registry issues today, for the registration-number field:
 * the series pattern in force, the chosen office's code (else the clerk's own office's)
 * and this financial year. Undefined until the rule parameters have loaded.
 */
export function useRegNoExample(
  reference: ReferenceData,
  officeId: string | null,
  today: (() => string) | undefined,
): string | undefined {
  const rules = useRuleParameters();
  const ownOfficeId = useSession().user.officeId;
  return useMemo(() => {
    const day = today?.() ?? indiaDate(new Date());
    const pattern = (rules.data ?? [])
      .filter((rule) => rule.key === PATTERN_KEY && rule.scope === '' && rule.effectiveFrom <= day)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]?.value;
    const office = reference.offices.find(
      (candidate) => candidate.id === (officeId ?? ownOfficeId),
    );
    if (!pattern || !office) return undefined;
    return registrationNumberExample(pattern, office.code, financialYearOf(day));
  }, [rules.data, reference, officeId, ownOfficeId, today]);
}
