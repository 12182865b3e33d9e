import { Badge, Group, Paper, ScrollArea, Skeleton, Stack, Table, Tabs, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReferenceData, RuleParameter } from '#shared/reference/contract';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { dateText } from '../../lib/format';
import { RubricsPanel } from '../audits';
import { LetterheadPanel } from './LetterheadPanel';
import { useReferenceData, useRuleParameters } from './queries';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * The lists the administrator keeps: geography, offices, types, rules (read-only here), audit
 * rubrics and the letterhead's emblem and logo (edited here).
 */
export function ReferenceDataScreen() {
  const { t } = useTranslation(['reference', 'societies']);
  const reference = useReferenceData();
  const rules = useRuleParameters();
  const [params, setParams] = useSearchParams();

  return (
    <Stack gap="md" pb="xl">
      <PageHeader title={t('reference.title')} subtitle={t('reference.intro')} />
      {reference.isError ? (
        <ErrorState
          title={t('reference.loadError')}
          error={reference.error}
          onRetry={() => void reference.refetch()}
        />
      ) : reference.isPending ? (
        <Stack gap="sm" aria-busy>
          <Skeleton height={36} />
          <Skeleton height={300} />
        </Stack>
      ) : (
        <Tabs
          value={params.get('tab') ?? 'districts'}
          onChange={(tab) => setParams(tab ? { tab } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="districts">{t('reference.tabs.districts')}</Tabs.Tab>
            <Tabs.Tab value="offices">{t('reference.tabs.offices')}</Tabs.Tab>
            <Tabs.Tab value="types">{t('reference.tabs.types')}</Tabs.Tab>
            <Tabs.Tab value="rules">{t('reference.tabs.rules')}</Tabs.Tab>
            <Tabs.Tab value="rubrics">{t('reference.tabs.rubrics')}</Tabs.Tab>
            <Tabs.Tab value="letterhead">{t('reference.tabs.letterhead')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="districts" pt="md">
            <DistrictsTable reference={reference.data} />
          </Tabs.Panel>
          <Tabs.Panel value="offices" pt="md">
            <OfficesTable reference={reference.data} />
          </Tabs.Panel>
          <Tabs.Panel value="types" pt="md">
            <TypesTable reference={reference.data} />
          </Tabs.Panel>
          <Tabs.Panel value="rules" pt="md">
            {rules.isError ? (
              <ErrorState
                title={t('reference.loadError')}
                error={rules.error}
                onRetry={() => void rules.refetch()}
              />
            ) : rules.isPending ? (
              <Skeleton height={300} />
            ) : (
              <RulesTable rules={rules.data} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="rubrics" pt="md">
            <RubricsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="letterhead" pt="md">
            <LetterheadPanel />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function Panel({ children }: { children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md">
      <ScrollArea type="auto">{children}</ScrollArea>
    </Paper>
  );
}

function DistrictsTable({ reference }: { reference: ReferenceData }) {
  const { t } = useTranslation(['reference', 'societies']);
  const rows = useMemo(
    () =>
      [...reference.districts].sort(byName).map((district) => {
        const villageIds = new Set(
          reference.villages.filter((v) => v.districtId === district.id).map((v) => v.id),
        );
        return {
          district,
          blocks: reference.blocks.filter((block) => block.districtId === district.id).length,
          villages: villageIds.size,
          offices: reference.offices
            .filter(
              (office) =>
                office.districtIds.includes(district.id) ||
                office.villageIds.some((id) => villageIds.has(id)),
            )
            .map((office) => office.shortName || office.name),
        };
      }),
    [reference],
  );
  return (
    <Panel>
      <Table striped highlightOnHover verticalSpacing={8} fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reference.districts.code')}</Table.Th>
            <Table.Th>{t('reference.districts.name')}</Table.Th>
            <Table.Th>{t('reference.districts.lgdCode')}</Table.Th>
            <Table.Th ta="right">{t('reference.districts.blocks')}</Table.Th>
            <Table.Th ta="right">{t('reference.districts.villages')}</Table.Th>
            <Table.Th>{t('reference.districts.offices')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ district, blocks, villages, offices }) => (
            <Table.Tr key={district.id}>
              <Table.Td ff="monospace">{district.code}</Table.Td>
              <Table.Td fw={500}>{district.name}</Table.Td>
              <Table.Td>{district.lgdCode ?? t('common.none')}</Table.Td>
              <Table.Td ta="right">{blocks}</Table.Td>
              <Table.Td ta="right">{villages}</Table.Td>
              <Table.Td>{offices.length > 0 ? offices.join(', ') : t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );
}

function OfficesTable({ reference }: { reference: ReferenceData }) {
  const { t } = useTranslation(['reference', 'societies']);
  const districtName = useMemo(
    () => new Map(reference.districts.map((district) => [district.id, district.name])),
    [reference],
  );
  const villageDistrict = useMemo(
    () => new Map(reference.villages.map((village) => [village.id, village.districtId])),
    [reference],
  );
  const offices = [...reference.offices].sort(byName);
  return (
    <Panel>
      <Table striped highlightOnHover verticalSpacing={8} fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reference.offices.code')}</Table.Th>
            <Table.Th>{t('reference.offices.name')}</Table.Th>
            <Table.Th>{t('reference.offices.level')}</Table.Th>
            <Table.Th>{t('reference.offices.address')}</Table.Th>
            <Table.Th>{t('reference.offices.jurisdiction')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offices.map((office) => {
            const whole = office.districtIds.map((id) => districtName.get(id) ?? id).sort();
            const partial = new Map<string, number>();
            for (const villageId of office.villageIds) {
              const districtId = villageDistrict.get(villageId);
              if (districtId) partial.set(districtId, (partial.get(districtId) ?? 0) + 1);
            }
            return (
              <Table.Tr key={office.id}>
                <Table.Td ff="monospace">{office.code}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {office.name}
                  </Text>
                  {office.shortName && office.shortName !== office.name ? (
                    <Text size="xs" c="dimmed">
                      {office.shortName}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td tt="capitalize">{office.level}</Table.Td>
                <Table.Td maw={260}>{office.address}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {whole.length > 0 ? (
                      <Text size="sm">
                        {t('reference.offices.wholeDistricts', {
                          names: whole.join(', '),
                          count: whole.length,
                        })}
                      </Text>
                    ) : null}
                    {[...partial.entries()].map(([districtId, count]) => (
                      <Text size="sm" key={districtId}>
                        {t('reference.offices.partDistricts', {
                          district: districtName.get(districtId) ?? districtId,
                          count,
                        })}
                      </Text>
                    ))}
                    {whole.length === 0 && partial.size === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('reference.offices.noJurisdiction')}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Panel>
  );
}

function TypesTable({ reference }: { reference: ReferenceData }) {
  const { t } = useTranslation(['reference', 'societies']);
  const sectors = [...reference.sectors].sort(byName);
  return (
    <Panel>
      <Table verticalSpacing={6} fz="sm" stickyHeader highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reference.types.code')}</Table.Th>
            <Table.Th>{t('reference.types.name')}</Table.Th>
            <Table.Th>{t('reference.types.tier')}</Table.Th>
            <Table.Th>{t('reference.types.credit')}</Table.Th>
            <Table.Th ta="right">{t('reference.types.minPromoters')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sectors.map((sector) => {
            const types = reference.societyTypes
              .filter((type) => type.sectorId === sector.id)
              .sort(byName);
            return [
              <Table.Tr key={sector.id} bg="gray.1">
                <Table.Td colSpan={5}>
                  <Group gap="sm">
                    <Text size="sm" fw={650}>
                      {sector.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {sector.code}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('reference.types.typeCount', { count: types.length })}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>,
              ...types.map((type) => (
                <Table.Tr key={type.id}>
                  <Table.Td ff="monospace" pl="lg">
                    {type.code}
                  </Table.Td>
                  <Table.Td>{type.name}</Table.Td>
                  <Table.Td>{t(`societies:tier.${type.tier}`)}</Table.Td>
                  <Table.Td>
                    {type.credit ? (
                      <Badge size="sm" variant="light" color="teal" tt="none">
                        {t('common.yes')}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('common.no')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{type.minPromoters}</Table.Td>
                </Table.Tr>
              )),
            ];
          })}
        </Table.Tbody>
      </Table>
    </Panel>
  );
}

function RulesTable({ rules }: { rules: RuleParameter[] }) {
  const { t } = useTranslation(['reference', 'societies']);
  if (rules.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reference.rules.empty')}
      </Text>
    );
  }
  const sorted = [...rules].sort(
    (a, b) =>
      a.key.localeCompare(b.key) ||
      a.scope.localeCompare(b.scope) ||
      b.effectiveFrom.localeCompare(a.effectiveFrom),
  );
  return (
    <Panel>
      <Table
        striped
        highlightOnHover
        verticalSpacing={8}
        fz="sm"
        stickyHeader
        style={{ tableLayout: 'fixed', minWidth: 900 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="34%">{t('reference.rules.key')}</Table.Th>
            <Table.Th w="11%">{t('reference.rules.scope')}</Table.Th>
            <Table.Th w="15%">{t('reference.rules.value')}</Table.Th>
            <Table.Th w="12%" style={{ whiteSpace: 'nowrap' }}>
              {t('reference.rules.effectiveFrom')}
            </Table.Th>
            <Table.Th>{t('reference.rules.legalReference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((rule) => (
            <Table.Tr key={rule.id} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {rule.key}
                </Text>
                {rule.note ? (
                  <Text size="xs" c="dimmed" mt={4}>
                    {rule.note}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{rule.scope === '' ? t('reference.rules.scopeAll') : rule.scope}</Table.Td>
              <Table.Td fw={600} style={{ overflowWrap: 'anywhere' }}>
                {rule.value}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateText(rule.effectiveFrom)}</Table.Td>
              <Table.Td>{rule.legalReference}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );
}
