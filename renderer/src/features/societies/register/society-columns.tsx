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
  /**
   * The column keeps `width` whatever the window: it holds a value that is never cut (a
   * number, a status, a date under its heading), so `width` is what its longest one needs.
   */
  fixed?: boolean;
  /** The backend's sort field for this column; absent when the column cannot be sorted. */
  sortField?: SocietySortField;
}

export const registerFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<RegisterColumnMeta>(),
});

const helper = createColumnHelper<typeof registerFeatures, SocietyRow>();

/** Free text of a cell: wraps to two lines, then ends in "…" with the whole of it as the title. */
function TwoLines({ text }: { text: string }) {
  return (
    <Text size="sm" lineClamp={2} title={text} lh={1.3}>
      {text}
    </Text>
  );
}

// Widths are designed for 1366 × 768 with the navigation open (about 1,100 px for the grid):
// the registration number, the status and the date take what their longest value needs and
// never shrink; the name takes what is left and wraps to two lines; type and office wrap too.
export const registerColumns = helper.columns([
  helper.accessor('regNo', {
    id: 'regNo',
    // "RCS/CHP/2018-19/0001", the widest number of the current form, in one line.
    meta: { label: 'register.col.regNo', width: 184, fixed: true, sortField: 'regNo' },
    cell: (info) => (
      <Text
        size="sm"
        // A number longer than any the office issues goes on to a second line, never cut.
        style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
        lh={1.3}
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
          <Text size="sm" fw={600} lineClamp={2} title={name} lh={1.3}>
            {name}
          </Text>
          {nameMizo ? (
            // The Mizo name is the second line of the cell: one line, the rest in its title.
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
    meta: { label: 'register.col.type', width: 125, grow: 0.3, sortField: 'type' },
    cell: (info) => <TwoLines text={info.getValue()} />,
  }),
  helper.accessor('districtName', {
    id: 'district',
    meta: { label: 'register.col.district', width: 100, sortField: 'district' },
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
    meta: { label: 'register.col.office', width: 105, grow: 0.1 },
    cell: (info) => <TwoLines text={info.getValue()} />,
  }),
  helper.accessor('status', {
    id: 'status',
    // The badge of "Under liquidation", the longest status.
    meta: { label: 'register.col.status', width: 140, fixed: true, sortField: 'status' },
    cell: (info) => <StatusBadge status={info.getValue()} size="sm" />,
  }),
  helper.accessor('registeredOn', {
    id: 'registeredOn',
    // The heading "Registered on" with its sort mark; the date itself is narrower.
    meta: {
      label: 'register.col.registeredOn',
      width: 140,
      fixed: true,
      sortField: 'registeredOn',
    },
    cell: (info) => (
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {dateText(info.getValue())}
      </Text>
    ),
  }),
]);

/** The column whose header sorts by a backend sort field. */
export function columnIdForSortField(field: SocietySortField): string {
  return registerColumns.find((column) => column.meta?.sortField === field)?.id ?? 'name';
}
