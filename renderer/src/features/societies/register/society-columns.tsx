import { Text } from '@mantine/core';
import {
  createColumnHelper,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { societiesEn } from '../i18n/en';
import type { SocietyRow, SocietySortField } from '#shared/societies/contract';
import { StatusBadge } from '../../../components/StatusBadge';
import { dateText } from '../../../lib/format';

export interface RegisterColumnMeta {
  label: `register.col.${keyof typeof societiesEn.register.col}`;
  /** Base width in pixels; columns with `grow` share the space left over. */
  width: number;
  grow?: number;
  /** The backend's sort field for this column; absent when the column cannot be sorted. */
  sortField?: SocietySortField;
}

export const registerFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<RegisterColumnMeta>(),
});

const helper = createColumnHelper<typeof registerFeatures, SocietyRow>();

function Truncated({ text }: { text: string }) {
  return (
    <Text size="sm" truncate="end" title={text}>
      {text}
    </Text>
  );
}

export const registerColumns = helper.columns([
  helper.accessor('regNo', {
    id: 'regNo',
    meta: { label: 'register.col.regNo', width: 172, grow: 0.25, sortField: 'regNo' },
    cell: (info) => (
      <Text
        size="sm"
        truncate="end"
        title={info.getValue()}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {info.getValue()}
      </Text>
    ),
  }),
  helper.accessor('name', {
    id: 'name',
    meta: { label: 'register.col.name', width: 300, grow: 1, sortField: 'name' },
    cell: (info) => {
      const { name, nameMizo } = info.row.original;
      return (
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate="end" title={name} lh={1.3}>
            {name}
          </Text>
          {nameMizo ? (
            <Text size="xs" c="dimmed" truncate="end" title={nameMizo} lh={1.3}>
              {nameMizo}
            </Text>
          ) : null}
        </div>
      );
    },
  }),
  helper.accessor('typeName', {
    id: 'type',
    meta: { label: 'register.col.type', width: 150, grow: 0.45, sortField: 'type' },
    cell: (info) => <Truncated text={info.getValue()} />,
  }),
  helper.accessor('districtName', {
    id: 'district',
    meta: { label: 'register.col.district', width: 105, sortField: 'district' },
    cell: (info) => {
      const { place } = info.row.original;
      return (
        <div style={{ minWidth: 0 }}>
          <Text size="sm" truncate="end" title={info.getValue()} lh={1.3}>
            {info.getValue()}
          </Text>
          {place ? (
            <Text size="xs" c="dimmed" truncate="end" title={place} lh={1.3}>
              {place}
            </Text>
          ) : null}
        </div>
      );
    },
  }),
  helper.accessor('officeName', {
    id: 'office',
    enableSorting: false,
    meta: { label: 'register.col.office', width: 125, grow: 0.1 },
    cell: (info) => <Truncated text={info.getValue()} />,
  }),
  helper.accessor('status', {
    id: 'status',
    meta: { label: 'register.col.status', width: 130, sortField: 'status' },
    cell: (info) => <StatusBadge status={info.getValue()} size="sm" />,
  }),
  helper.accessor('registeredOn', {
    id: 'registeredOn',
    meta: { label: 'register.col.registeredOn', width: 125, sortField: 'registeredOn' },
    cell: (info) => (
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {dateText(info.getValue())}
      </Text>
    ),
  }),
]);

/** The column whose header sorts by a backend sort field. */
export function columnIdForSortField(field: SocietySortField): string {
  return registerColumns.find((column) => column.meta?.sortField === field)?.id ?? 'name';
}
