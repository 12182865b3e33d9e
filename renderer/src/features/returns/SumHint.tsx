import { Text } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { countOf, type ReturnFormValues } from './return-form-values';
import type { ReturnFilingFormApi } from './use-return-filing-form';

/**
 * Under a group of counts: what they add up to, or, once the total is typed too, why they
 * do not make it (the schema's own words), so a mismatch is seen as it is typed.
 */
export function SumHint({
  control,
  fields,
  problem,
  shown,
}: {
  control: ReturnFilingFormApi['control'];
  fields: (keyof ReturnFormValues['snapshot'])[];
  problem: (parts: number[], total: number) => string | null;
  shown: boolean;
}) {
  const { t } = useTranslation('returns');
  const snapshot = useWatch({ control, name: 'snapshot' });
  const values = fields.map((field) => countOf(snapshot[field] ?? ''));
  if (!shown || values.some((value) => value === undefined || Number.isNaN(value))) return null;
  const parts = values as number[];
  const total = countOf(snapshot.membersTotal ?? '');
  const mismatch = total === undefined || Number.isNaN(total) ? null : problem(parts, total);
  return (
    <Text
      size="xs"
      c={mismatch ? 'red.8' : 'dimmed'}
      mt={2}
      role={mismatch ? 'alert' : undefined}
      data-testid={`sum-${fields.at(-1)}`}
    >
      {mismatch ??
        t('returnForm.sum', { sum: parts.reduce((a, b) => a + b, 0).toLocaleString('en-IN') })}
    </Text>
  );
}
