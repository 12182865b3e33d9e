import { Anchor, Button, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditDetail } from '#shared/audits/contract';
import { FieldList } from '../../components/FieldList';
import { Section } from '../../components/Section';
import { dateText, rupeeText } from '../../lib/format';
import { paths } from '../../lib/paths';

/** The audit fee: by the rule or set by hand, what is paid and outstanding, and its receipts. */
export function FeeSection({
  audit,
  canSet,
  canReceive,
  onSet,
  onReceive,
}: {
  audit: AuditDetail;
  canSet: boolean;
  canReceive: boolean;
  onSet: () => void;
  onReceive: () => void;
}) {
  const { t } = useTranslation('audits');
  const fee = audit.fee;
  return (
    <Section title={t('audits.fee.title')} id="sec-audit-fee">
      <Group justify="space-between" align="flex-start">
        <FieldList
          items={[
            {
              label: t('audits.fee.byRuleLabel'),
              value:
                fee.computedPaise === null
                  ? t('audits.fee.noRuleYet')
                  : rupeeText(fee.computedPaise),
            },
            ...(fee.overridePaise !== null
              ? [
                  {
                    label: t('audits.fee.override'),
                    value: `${rupeeText(fee.overridePaise)} · ${fee.overrideReason ?? ''}`,
                  },
                ]
              : []),
            { label: t('audits.fee.paid'), value: rupeeText(fee.paidPaise) },
            {
              label: t('audits.fee.outstandingLabel'),
              value: rupeeText(fee.outstandingPaise),
            },
          ]}
        />
        <Group gap="xs">
          {canSet ? (
            <Button variant="default" onClick={onSet}>
              {t('audits.fee.setButton')}
            </Button>
          ) : null}
          {canReceive && (fee.outstandingPaise ?? 0) > 0 ? (
            <Button onClick={onReceive}>{t('audits.fee.receiveButton')}</Button>
          ) : null}
        </Group>
      </Group>
      {fee.receipts.length > 0 ? (
        <Table fz="sm" verticalSpacing={4} mt="sm" aria-label={t('audits.fee.receipts')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audits.fee.receiptNo')}</Table.Th>
              <Table.Th>{t('audits.fee.receivedOn')}</Table.Th>
              <Table.Th ta="right">{t('audits.fee.amount')}</Table.Th>
              <Table.Th>{t('audits.fee.mode')}</Table.Th>
              <Table.Th>{t('audits.fee.receivedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fee.receipts.map((receipt) => (
              <Table.Tr key={receipt.receiptNo}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={paths.auditReceipt(audit.id, receipt.receiptNo)}
                    ff="monospace"
                    size="sm"
                  >
                    {receipt.receiptNo}
                  </Anchor>
                </Table.Td>
                <Table.Td>{dateText(receipt.receivedOn)}</Table.Td>
                <Table.Td ta="right">{rupeeText(receipt.amountPaise)}</Table.Td>
                <Table.Td>
                  {t(`audits.fee.modes.${receipt.mode}`)}
                  {receipt.reference ? ` · ${receipt.reference}` : ''}
                </Table.Td>
                <Table.Td>{receipt.receivedByName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Section>
  );
}
