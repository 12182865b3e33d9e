import { Button, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { typeOptions } from '../reference';
import { useReferenceData } from '../reference';

/** The filters every yearly register shares, as they are kept in the address. */
export interface YearlyFilter {
  fy: string;
  officeId?: string | undefined;
  districtId?: string | undefined;
  typeId?: string | undefined;
}

/** Which search parameter holds each filter. */
export type YearlyFilterKey = 'fy' | 'office' | 'district' | 'type';

/**
 * Year, office, district and type of a yearly register (returns, audits). The first field
 * takes the focus, so a register opens ready to be narrowed from the keyboard.
 */
export function RegisterFilters({
  years,
  filter,
  onChange,
}: {
  years: string[];
  filter: YearlyFilter;
  onChange: (key: YearlyFilterKey, value: string) => void;
}) {
  const { t } = useTranslation('registers');
  const reference = useReferenceData();
  return (
    <>
      <Select
        label={t('registers.year')}
        data={years}
        value={filter.fy}
        onChange={(value) => onChange('fy', value ?? '')}
        allowDeselect={false}
        w={130}
        autoFocus
      />
      <Select
        label={t('registers.office')}
        data={[
          { value: '', label: t('registers.allOffices') },
          ...(reference.data?.offices ?? []).map((o) => ({ value: o.id, label: o.shortName })),
        ]}
        value={filter.officeId ?? ''}
        onChange={(value) => onChange('office', value ?? '')}
        allowDeselect={false}
        searchable
        w={200}
      />
      <Select
        label={t('registers.district')}
        data={[
          { value: '', label: t('registers.allDistricts') },
          ...(reference.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name })),
        ]}
        value={filter.districtId ?? ''}
        onChange={(value) => onChange('district', value ?? '')}
        allowDeselect={false}
        searchable
        w={170}
      />
      <Select
        label={t('registers.type')}
        data={[
          { group: '', items: [{ value: '', label: t('registers.allTypes') }] },
          ...(reference.data ? typeOptions(reference.data) : []),
        ]}
        value={filter.typeId ?? ''}
        onChange={(value) => onChange('type', value ?? '')}
        allowDeselect={false}
        searchable
        w={280}
      />
    </>
  );
}

/** "51–100 of 1,234" with Previous and Next, under a paged register; nothing for one page. */
export function Pager({
  offset,
  pageSize,
  total,
  onPage,
}: {
  offset: number;
  pageSize: number;
  total: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation('registers');
  if (total <= pageSize) return null;
  return (
    <Group
      justify="space-between"
      p="sm"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Text size="sm" c="dimmed">
        {t('registers.shown', {
          from: offset + 1,
          to: Math.min(offset + pageSize, total),
          total: total.toLocaleString('en-IN'),
        })}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          disabled={offset === 0}
          onClick={() => onPage(Math.max(0, offset - pageSize))}
        >
          {t('registers.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={offset + pageSize >= total}
          onClick={() => onPage(offset + pageSize)}
        >
          {t('registers.next')}
        </Button>
      </Group>
    </Group>
  );
}

/** `{ key: value }` when the value is given, else nothing: for building filters from the address. */
export function optional<K extends string, V>(
  key: K,
  value: V | null | undefined,
): Partial<Record<K, V>> {
  return value === null || value === undefined || value === ''
    ? {}
    : ({ [key]: value } as Record<K, V>);
}
