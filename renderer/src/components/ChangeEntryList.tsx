import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from '#shared/changes/contract';
import type { ReferenceData } from '#shared/reference/contract';
import { instantText } from '../lib/format';
import {
  actionText,
  changedFields,
  changeTextNamespaces,
  entityText,
  roleText,
} from './change-text';

/**
 * Entries of the record of changes, newest first as given: when, who (with role, office
 * and device), what was done, and each field's value before and after.
 */
export function ChangeEntryList({
  entries,
  reference,
  label,
  showEntity = false,
}: {
  entries: readonly ChangeEntry[];
  reference: ReferenceData | undefined;
  label: string;
  /** The administrator's list mixes kinds of records, so it names each entry's kind. */
  showEntity?: boolean;
}) {
  return (
    <Stack gap="sm" role="list" aria-label={label}>
      {entries.map((entry) => (
        <ChangeEntryItem
          key={entry.seq}
          entry={entry}
          reference={reference}
          showEntity={showEntity}
        />
      ))}
    </Stack>
  );
}

function ChangeEntryItem({
  entry,
  reference,
  showEntity,
}: {
  entry: ChangeEntry;
  reference: ReferenceData | undefined;
  showEntity: boolean;
}) {
  const { t } = useTranslation(changeTextNamespaces);
  const none = t('common.none');
  const all = changedFields(entry.changes, t, reference);
  const isNew = all.every((field) => field.before === none);
  // A new record lists what it was created with; its empty fields say nothing.
  const fields = isNew ? all.filter((field) => field.after !== none) : all;
  const system = entry.role === 'system';
  return (
    <Paper withBorder radius="md" px="md" py="sm" role="listitem">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={2} miw={0}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {actionText(entry.action, t)}
            </Text>
            {showEntity ? (
              <Badge variant="light" color="gray" radius="sm" tt="none" size="sm">
                {entityText(entry.entity, t)}
              </Badge>
            ) : null}
            {showEntity && entry.subjectName ? (
              <Text size="sm" c="dark.6" lineClamp={1}>
                {entry.subjectName}
              </Text>
            ) : null}
          </Group>
          <Text size="sm" c="dark.4">
            {system ? (
              entry.userName
            ) : (
              <>
                <Text span size="sm" fw={500} c="dark.7">
                  {entry.userName}
                </Text>
                {` · ${roleText(entry.role, t)}`}
                {entry.officeName ? ` · ${entry.officeName}` : ''}
              </>
            )}
            <Text span size="xs" c="dimmed">
              {` · ${t('societies:history.device', { id: entry.deviceId.slice(0, 8) })}`}
            </Text>
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {instantText(entry.at)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('societies:history.entryNo', { seq: entry.seq })}
          </Text>
        </Stack>
      </Group>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed" mt={6}>
          {t('societies:history.noFields')}
        </Text>
      ) : (
        <Table
          mt={6}
          fz="sm"
          verticalSpacing={4}
          horizontalSpacing="sm"
          withRowBorders
          layout="fixed"
          aria-label={actionText(entry.action, t)}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>{t('societies:history.field')}</Table.Th>
              {isNew ? null : <Table.Th>{t('societies:history.before')}</Table.Th>}
              <Table.Th>
                {isNew ? t('societies:history.value') : t('societies:history.after')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field.field}>
                <Table.Td c="dimmed">{field.label}</Table.Td>
                {isNew ? null : (
                  <Table.Td c="red.9" style={{ overflowWrap: 'anywhere' }}>
                    {field.before}
                  </Table.Td>
                )}
                <Table.Td c={isNew ? undefined : 'green.9'} style={{ overflowWrap: 'anywhere' }}>
                  {field.after}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
