import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnDetail } from '#shared/returns/contract';
import { FieldList } from '../../components/FieldList';
import { Section } from '../../components/Section';
import { dateText, rupeeText } from '../../lib/format';

type Filed = NonNullable<ReturnDetail['filed']>;

/** The items and figures of a filed return, as the clerk checks them. */
export function FiledReturnView({ filed }: { filed: Filed }) {
  const { t } = useTranslation('returns');
  const yesNo = (value: boolean) => (value ? t('returnPage.yes') : t('returnPage.no'));
  const s = filed.snapshot;
  const count = (value: number) => value.toLocaleString('en-IN');
  const money = (value: number) => (
    <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value < 0 ? `${t('returnForm.loss')} ${rupeeText(-value)}` : rupeeText(value)}
    </Text>
  );
  return (
    <>
      <Section title={t('returnPage.section.items')} id="sec-return-items">
        <FieldList
          labelWidth={320}
          items={[
            {
              label: t('returnForm.activitiesReport'),
              value: (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {filed.items.activitiesReport}
                </Text>
              ),
            },
            { label: t('returnForm.auditedAccounts'), value: yesNo(filed.items.auditedAccounts) },
            { label: t('returnForm.surplusPlan'), value: filed.items.surplusPlan ?? '' },
            { label: t('returnForm.byLawAmendments'), value: filed.items.byLawAmendments ?? '' },
            { label: t('returnForm.agmOn'), value: dateText(filed.items.agmOn) },
            {
              label: t('returnForm.electionsHeld'),
              value: filed.items.electionsHeld
                ? `${t('returnPage.yes')}, ${dateText(filed.items.electionsOn)}`
                : t('returnPage.no'),
            },
          ]}
        />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('returnPage.section.members')} id="sec-return-members">
          <FieldList
            items={[
              { label: t('returnForm.membersMale'), value: count(s.membersMale) },
              { label: t('returnForm.membersFemale'), value: count(s.membersFemale) },
              { label: t('returnForm.membersOther'), value: count(s.membersOther) },
              { label: t('returnForm.membersTotal'), value: count(s.membersTotal) },
              { label: t('returnForm.membersSc'), value: count(s.membersSc) },
              { label: t('returnForm.membersSt'), value: count(s.membersSt) },
              { label: t('returnForm.membersObc'), value: count(s.membersObc) },
              { label: t('returnForm.membersGeneral'), value: count(s.membersGeneral) },
              { label: t('returnForm.employees'), value: count(s.employees) },
            ]}
          />
        </Section>
        <Section title={t('returnPage.section.money')} id="sec-return-money">
          <FieldList
            items={[
              { label: t('returnForm.paidUpCapitalPaise'), value: money(s.paidUpCapitalPaise) },
              { label: t('returnForm.governmentSharePaise'), value: money(s.governmentSharePaise) },
              { label: t('returnForm.reservesPaise'), value: money(s.reservesPaise) },
              { label: t('returnForm.depositsPaise'), value: money(s.depositsPaise) },
              { label: t('returnForm.borrowingsPaise'), value: money(s.borrowingsPaise) },
              {
                label: t('returnForm.loansOutstandingPaise'),
                value: money(s.loansOutstandingPaise),
              },
              { label: t('returnForm.turnoverPaise'), value: money(s.turnoverPaise) },
              { label: t('returnForm.profitLossPaise'), value: money(s.profitLossPaise) },
              { label: t('returnForm.totalAssetsPaise'), value: money(s.totalAssetsPaise) },
            ]}
          />
        </Section>
      </SimpleGrid>
    </>
  );
}
