import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocietyDetail } from '#shared/societies/contract';
import { FieldList } from '../../../components/FieldList';
import { Section } from '../../../components/Section';
import { StatusBadge } from '../../../components/StatusBadge';
import { dateText, instantText, rupeeText } from '../../../lib/format';
import { RegistrationNumber } from './RegistrationNumber';

function money(paise: number | null): ReactNode {
  if (paise == null) return '';
  return (
    <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {rupeeText(paise)}
    </Text>
  );
}

function Plain({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm">
      {children}
    </Text>
  );
}

/** Every field of the master record, grouped as the paper register groups them. */
export function SocietyDetailView({ society }: { society: SocietyDetail }) {
  const { t } = useTranslation('societies');
  const text = (value: string | null) => (value ? <Plain>{value}</Plain> : '');

  const statusHistory = [...society.statusHistory].sort(
    (a, b) =>
      (b.effectiveOn ?? b.recordedAt).localeCompare(a.effectiveOn ?? a.recordedAt) ||
      b.recordedAt.localeCompare(a.recordedAt),
  );
  // Orders approved under maker ≠ checker name both people; older entries have neither.
  const withOrders = statusHistory.some((entry) => entry.proposedByName || entry.approvedByName);
  const nameHistory = [...society.nameHistory].sort(
    (a, b) => b.usedUntil.localeCompare(a.usedUntil) || b.recordedAt.localeCompare(a.recordedAt),
  );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
        <Section title={t('detail.section.registration')} id="sec-registration">
          <FieldList
            items={[
              { label: t('field.name'), value: text(society.name) },
              { label: t('field.nameMizo'), value: text(society.nameMizo) },
              {
                label: t('field.regNo'),
                value: <RegistrationNumber society={society} />,
              },
              { label: t('field.registeredOn'), value: text(dateText(society.registeredOn)) },
              { label: t('field.basis'), value: text(t(`basis.${society.basis}`)) },
              {
                label: t('field.status'),
                value: (
                  <Group gap="xs">
                    <StatusBadge status={society.status} size="sm" />
                    {society.statusSince ? (
                      <Text span size="sm" c="dimmed">
                        {t('detail.statusSince', { date: dateText(society.statusSince) })}
                      </Text>
                    ) : null}
                  </Group>
                ),
              },
            ]}
          />
        </Section>

        <Section title={t('detail.section.classification')} id="sec-classification">
          <FieldList
            items={[
              { label: t('field.typeId'), value: text(society.typeName) },
              { label: t('field.sector'), value: text(society.sectorName) },
              { label: t('field.tier'), value: text(t(`tier.${society.tier}`)) },
              { label: t('field.liability'), value: text(t(`liability.${society.liability}`)) },
            ]}
          />
        </Section>

        <Section title={t('detail.section.address')} id="sec-address">
          <FieldList
            items={[
              { label: t('field.address'), value: text(society.address) },
              { label: t('field.villageId'), value: text(society.villageName) },
              { label: t('field.districtId'), value: text(society.districtName) },
              { label: t('field.officeId'), value: text(society.officeName) },
            ]}
          />
        </Section>

        <Section title={t('detail.section.area')} id="sec-area">
          {society.areaOfOperation.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('detail.areaEmpty')}
            </Text>
          ) : (
            <Stack gap={6}>
              <Text size="sm" c="dimmed">
                {t('detail.areaCount', { count: society.areaOfOperation.length })}
              </Text>
              <Group gap={6}>
                {society.areaOfOperation.map((village) => (
                  <Badge
                    key={village.id}
                    variant="outline"
                    color="gray"
                    radius="sm"
                    tt="none"
                    fw={500}
                    title={village.districtName}
                  >
                    {village.name}
                    {village.districtName !== society.districtName
                      ? ` (${village.districtName})`
                      : ''}
                  </Badge>
                ))}
              </Group>
            </Stack>
          )}
        </Section>

        <Section title={t('detail.section.capital')} id="sec-capital">
          <FieldList
            items={[
              { label: t('field.shareValuePaise'), value: money(society.shareValuePaise) },
              { label: t('field.admissionFeePaise'), value: money(society.admissionFeePaise) },
              {
                label: t('field.authorisedCapitalPaise'),
                value: money(society.authorisedCapitalPaise),
              },
            ]}
          />
        </Section>

        <Section title={t('detail.section.affiliations')} id="sec-affiliations">
          <FieldList
            items={[
              { label: t('field.financingBank'), value: text(society.financingBank) },
              { label: t('field.federation'), value: text(society.federation) },
            ]}
          />
        </Section>

        <Section title={t('detail.section.contacts')} id="sec-contacts">
          <FieldList
            items={[
              { label: t('field.contactPerson'), value: text(society.contactPerson) },
              { label: t('field.phone'), value: text(society.phone) },
              { label: t('field.email'), value: text(society.email) },
            ]}
          />
        </Section>

        <Section title={t('detail.section.other')} id="sec-other">
          <FieldList
            items={[
              { label: t('field.ncdId'), value: text(society.ncdId) },
              {
                label: t('field.remarks'),
                value: society.remarks ? (
                  <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {society.remarks}
                  </Text>
                ) : (
                  ''
                ),
              },
            ]}
          />
        </Section>
      </SimpleGrid>

      <Section title={t('detail.section.statusHistory')} id="sec-status-history">
        {statusHistory.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.statusHistoryEmpty')}
          </Text>
        ) : (
          <Table
            striped
            withTableBorder={false}
            verticalSpacing={6}
            fz="sm"
            aria-labelledby="sec-status-history"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('detail.history.status')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  {t('detail.history.effectiveOn')}
                </Table.Th>
                <Table.Th>{t('detail.history.orderRef')}</Table.Th>
                <Table.Th>{t('detail.history.reason')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  {t('detail.history.recordedAt')}
                </Table.Th>
                <Table.Th>{t('detail.history.recordedBy')}</Table.Th>
                {withOrders ? (
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('detail.proposedBy')}</Table.Th>
                ) : null}
                {withOrders ? (
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('detail.approvedBy')}</Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statusHistory.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <StatusBadge status={entry.status} size="sm" />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {dateText(entry.effectiveOn) || t('common.none')}
                  </Table.Td>
                  <Table.Td>{entry.orderRef ?? t('common.none')}</Table.Td>
                  <Table.Td>{entry.reason ?? t('common.none')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {instantText(entry.recordedAt)}
                  </Table.Td>
                  <Table.Td>{entry.recordedByName}</Table.Td>
                  {withOrders ? (
                    <Table.Td>{entry.proposedByName ?? t('common.none')}</Table.Td>
                  ) : null}
                  {withOrders ? (
                    <Table.Td>{entry.approvedByName ?? t('common.none')}</Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title={t('detail.section.nameHistory')} id="sec-name-history">
        {nameHistory.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.nameHistoryEmpty')}
          </Text>
        ) : (
          <Table striped verticalSpacing={6} fz="sm" aria-labelledby="sec-name-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('detail.history.name')}</Table.Th>
                <Table.Th>{t('detail.history.nameMizo')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  {t('detail.history.usedUntil')}
                </Table.Th>
                <Table.Th>{t('detail.history.reason')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  {t('detail.history.recordedAt')}
                </Table.Th>
                <Table.Th>{t('detail.history.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nameHistory.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td fw={500}>{entry.name}</Table.Td>
                  <Table.Td>{entry.nameMizo ?? t('common.none')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateText(entry.usedUntil)}</Table.Td>
                  <Table.Td>{entry.reason ?? t('common.none')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {instantText(entry.recordedAt)}
                  </Table.Td>
                  <Table.Td>{entry.recordedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title={t('detail.section.record')} id="sec-record">
        <FieldList
          items={[
            { label: t('detail.record.version'), value: text(String(society.version)) },
            {
              label: t('detail.record.created'),
              value: text(
                t('detail.record.atBy', {
                  at: instantText(society.createdAt),
                  by: society.createdBy,
                }),
              ),
            },
            {
              label: t('detail.record.updated'),
              value: text(
                t('detail.record.atBy', {
                  at: instantText(society.updatedAt),
                  by: society.updatedBy,
                }),
              ),
            },
          ]}
        />
      </Section>
    </Stack>
  );
}
