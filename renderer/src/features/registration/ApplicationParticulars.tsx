import { Badge, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '#shared/reference/contract';
import type { ApplicationDetail } from '#shared/registration/contract';
import { FieldList } from '../../components/FieldList';
import { Section } from '../../components/Section';
import { dateText, rupeeText } from '../../lib/format';

/** The society as proposed, the receipt of the application, and the area of operation. */
export function ApplicationParticulars({
  application: data,
  reference,
  officeName,
}: {
  application: ApplicationDetail;
  reference: ReferenceData | undefined;
  officeName: string;
}) {
  const { t } = useTranslation(['registration', 'certificates']);
  const district = reference?.districts.find((d) => d.id === data.districtId);
  const village = reference?.villages.find((v) => v.id === data.villageId);
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('application.section.society')} id="sec-app-society">
          <FieldList
            items={[
              { label: t('applicationForm.proposedName'), value: data.proposedName },
              { label: t('applicationForm.proposedNameMizo'), value: data.proposedNameMizo ?? '' },
              { label: t('application.type'), value: data.typeName },
              { label: t('application.address'), value: data.address },
              { label: t('application.village'), value: village?.name ?? '' },
              { label: t('application.district'), value: district?.name ?? '' },
              { label: t('application.office'), value: officeName },
            ]}
          />
        </Section>
        <Section title={t('application.section.receipt')} id="sec-app-receipt">
          <FieldList
            items={[
              {
                label: t('application.ackNo'),
                value: (
                  <Text span size="sm" ff="monospace">
                    {data.ackNo}
                  </Text>
                ),
              },
              { label: t('application.receivedOn'), value: dateText(data.receivedOn) },
              { label: t('application.mode'), value: t(`applicationForm.modes.${data.mode}`) },
              { label: t('application.receivedBy'), value: data.receivedByName },
              { label: t('application.feeReceiptNo'), value: data.feeReceiptNo ?? '' },
              { label: t('application.shareCapital'), value: rupeeText(data.shareCapitalPaise) },
              { label: t('application.bankCertificateRef'), value: data.bankCertificateRef ?? '' },
              {
                label: t('application.byLaws'),
                value: t(`applicationForm.byLawsOptions.${data.byLaws}`),
              },
            ]}
          />
        </Section>
      </SimpleGrid>

      <Section title={t('application.section.area')} id="sec-app-area">
        <Group gap={6}>
          {data.areaOfOperation.map((area) => (
            <Badge key={area.id} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {area.name}
            </Badge>
          ))}
        </Group>
      </Section>
    </>
  );
}
