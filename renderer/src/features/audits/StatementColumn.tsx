import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatementHead } from '#shared/audits/audits';
import { MoneyInput } from '../../components/MoneyInput';
import { rupeeText } from '../../lib/format';

/**
 * One side of an account (liabilities, assets, income, expenditure): a field per head, or
 * read-only the heads with an amount; and its total.
 */
export function StatementColumn({
  heads,
  title,
  total,
  readOnly,
  amounts,
  texts,
  problems,
  onChange,
}: {
  heads: StatementHead[];
  title: string;
  total: number;
  readOnly: boolean;
  /** The amounts of the report, by head code. */
  amounts: Record<string, number>;
  /** The amounts as typed, by head code. */
  texts: Record<string, string>;
  /** What is wrong, by field path (`statements.<code>`). */
  problems: Record<string, string>;
  onChange: (code: string, text: string) => void;
}) {
  const { t } = useTranslation(['audits', 'societies']);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={650} c="dark.6">
        {title}
      </Text>
      {readOnly ? (
        // Read, not filled in: only the heads with an amount, as on the printed accounts.
        <Table fz="sm" verticalSpacing={3} aria-label={title}>
          <Table.Tbody>
            {heads
              .filter((head) => amounts[head.code] !== undefined)
              .map((head) => (
                <Table.Tr key={head.code}>
                  <Table.Td>{head.label}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {rupeeText(amounts[head.code])}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {(readOnly ? [] : heads).map((head) => (
        <MoneyInput
          key={head.code}
          label={head.label}
          value={texts[head.code] ?? ''}
          onChange={(text) => onChange(head.code, text)}
          error={problems[`statements.${head.code}`]}
          size="sm"
          styles={{ label: { fontWeight: 400 } }}
        />
      ))}
      <Group
        justify="space-between"
        pt={4}
        style={{ borderTop: '1px solid var(--mantine-color-gray-4)' }}
      >
        <Text size="sm" fw={650}>
          {t('audits.form.total')}
        </Text>
        <Text size="sm" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {rupeeText(total)}
        </Text>
      </Group>
    </Stack>
  );
}
