import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldListItem {
  label: string;
  value: ReactNode;
}

/** Label/value pairs of a record; an empty value shows a dash so a blank is never mistaken for "not loaded". */
export function FieldList({
  items,
  labelWidth = 190,
}: {
  items: FieldListItem[];
  labelWidth?: number;
}) {
  const { t } = useTranslation();
  return (
    <DataList labelWidth={labelWidth} gap="xs" size="sm">
      {items.map((item) => (
        <DataList.Item key={item.label}>
          <DataList.ItemLabel>
            <Text span c="dimmed" size="sm">
              {item.label}
            </Text>
          </DataList.ItemLabel>
          <DataList.ItemValue>
            {item.value === '' || item.value == null ? (
              <Text span c="dimmed" size="sm">
                {t('common.none')}
              </Text>
            ) : (
              item.value
            )}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
