import { Button, Group, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import type { SocietyFilter } from '#shared/societies/contract';
import { societyStatuses, type SocietyStatus } from '#shared/societies/society';

type FilterKey = keyof SocietyFilter;

export function RegisterFilters({
  reference,
  filter,
  onChange,
  onClear,
  canClear,
}: {
  reference: ReferenceData | undefined;
  filter: SocietyFilter;
  onChange: <K extends FilterKey>(key: K, value: SocietyFilter[K] | undefined) => void;
  onClear: () => void;
  canClear: boolean;
}) {
  const { t } = useTranslation('societies');

  const data = useMemo(() => {
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
    const sectors = [...(reference?.sectors ?? [])].sort(byName);
    const types = reference?.societyTypes ?? [];
    return {
      districts: [...(reference?.districts ?? [])]
        .sort(byName)
        .map((district) => ({ value: district.id, label: district.name })),
      offices: (reference?.offices ?? [])
        .map((office) => ({ value: office.id, label: office.shortName || office.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
      sectors: sectors.map((sector) => ({ value: sector.id, label: sector.name })),
      types: sectors
        .filter((sector) => !filter.sectorId || sector.id === filter.sectorId)
        .map((sector) => ({
          group: sector.name,
          items: types
            .filter((type) => type.sectorId === sector.id)
            .sort(byName)
            .map((type) => ({ value: type.id, label: type.name })),
        }))
        .filter((group) => group.items.length > 0),
    };
  }, [reference, filter.sectorId]);

  const statusData = societyStatuses.map((status) => ({
    value: status,
    label: t(`societyStatus.${status}`),
  }));

  const common = {
    size: 'xs' as const,
    clearable: true,
    searchable: true,
    placeholder: t('register.anyValue'),
    nothingFoundMessage: t('form.nothingFound'),
    disabled: !reference,
    comboboxProps: { withinPortal: true },
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        {...common}
        label={t('register.filterDistrict')}
        data={data.districts}
        value={filter.districtId ?? null}
        onChange={(value) => onChange('districtId', value ?? undefined)}
        w={150}
      />
      <Select
        {...common}
        label={t('register.filterOffice')}
        data={data.offices}
        value={filter.officeId ?? null}
        onChange={(value) => onChange('officeId', value ?? undefined)}
        w={170}
      />
      <Select
        {...common}
        label={t('register.filterSector')}
        data={data.sectors}
        value={filter.sectorId ?? null}
        onChange={(value) => onChange('sectorId', value ?? undefined)}
        w={180}
      />
      <Select
        {...common}
        label={t('register.filterType')}
        data={data.types}
        value={filter.typeId ?? null}
        onChange={(value) => onChange('typeId', value ?? undefined)}
        w={220}
        comboboxProps={{ withinPortal: true, width: 320, position: 'bottom-start' }}
      />
      <Select
        {...common}
        disabled={false}
        searchable={false}
        label={t('register.filterStatus')}
        data={statusData}
        value={filter.status ?? null}
        onChange={(value) => onChange('status', (value as SocietyStatus | null) ?? undefined)}
        w={160}
      />
      {canClear ? (
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t('register.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
