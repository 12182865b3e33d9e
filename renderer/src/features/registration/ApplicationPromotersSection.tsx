import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '#shared/registration/contract';
import { Section } from '../../components/Section';
import { rupeeText } from '../../lib/format';

/** The promoters as received, the chief marked, against the minimum the type needs. */
export function ApplicationPromotersSection({
  application: data,
}: {
  application: ApplicationDetail;
}) {
  const { t } = useTranslation(['registration', 'certificates']);
  const chief = data.promoters.find((promoter) => promoter.isChief);
  return (
    <Section title={t('application.section.promoters')} id="sec-app-promoters">
      <Text size="sm" c={data.promoters.length < data.minPromoters ? 'orange.8' : 'dimmed'} mb="xs">
        {t('application.promotersCount', {
          count: data.promoters.length,
          min: data.minPromoters,
        })}
        {chief ? ` · ${t('slip.chief')}: ${chief.name}` : ''}
      </Text>
      <Table striped verticalSpacing={4} fz="sm" aria-labelledby="sec-app-promoters">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>{t('promoters.no')}</Table.Th>
            <Table.Th>{t('promoters.name')}</Table.Th>
            <Table.Th>{t('promoters.relationName')}</Table.Th>
            <Table.Th ta="right">{t('promoters.age')}</Table.Th>
            <Table.Th>{t('promoters.occupation')}</Table.Th>
            <Table.Th>{t('promoters.address')}</Table.Th>
            <Table.Th ta="right">{t('promoters.shares')}</Table.Th>
            <Table.Th ta="right">{t('promoters.amountPaid')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.promoters.map((promoter, index) => (
            <Table.Tr key={`${index}-${promoter.name}`}>
              <Table.Td c="dimmed">{index + 1}</Table.Td>
              <Table.Td fw={promoter.isChief ? 600 : undefined}>
                <Group gap={6} wrap="nowrap">
                  {promoter.name}
                  {promoter.isChief ? (
                    <Badge size="xs" variant="light" radius="sm" tt="none">
                      {t('application.chiefBadge')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>{promoter.relationName}</Table.Td>
              <Table.Td ta="right">{promoter.age}</Table.Td>
              <Table.Td>{promoter.occupation}</Table.Td>
              <Table.Td>{promoter.address}</Table.Td>
              <Table.Td ta="right">{promoter.shares}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {rupeeText(promoter.amountPaidPaise)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
