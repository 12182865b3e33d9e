import { Box, Skeleton, UnstyledButton } from '@mantine/core';
import classes from './SocietyTable.module.css';
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocietyRow } from '#shared/societies/contract';
import { SortIcon } from '../../../components/icons';
import {
  columnIdForSortField,
  registerColumns,
  registerFeatures,
  type RegisterColumnMeta,
} from './society-columns';
import { type SocietySort } from '../queries';

/** Room for a name on two lines and the Mizo name under it. */
export const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 38;

export interface SocietyTableProps {
  id: string;
  /** Rows loaded so far, in display order. */
  rows: SocietyRow[];
  /** How many rows the list has in all; rows past `rows.length` show as placeholders until loaded. */
  rowCount: number;
  /** `null` while showing best matches, which have their own order. */
  sort: SocietySort | null;
  onSortChange: (sort: SocietySort) => void;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onOpen: (row: SocietyRow) => void;
  /** Called with the last row index on screen, so the owner can fetch the next page early. */
  onVisibleEnd?: (index: number) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
}

// Each row is its own flex line (the rows are virtualised), so a column's width comes from
// its meta, never from its content: the same in every row and in the heading.
const columnStyle = (meta: RegisterColumnMeta | undefined): CSSProperties => ({
  flex: meta?.fixed ? `0 0 ${meta.width}px` : `${meta?.grow ?? 0} 1 ${meta?.width ?? 120}px`,
  minWidth: meta?.fixed || meta?.grow === 1 ? meta.width : Math.min(meta?.width ?? 120, 90),
  display: 'flex',
  alignItems: 'center',
  padding: '0 8px',
  overflow: 'hidden',
});

/** The register's rows: sorted on the backend, virtualised, with a keyboard selection. */
export function SocietyTable({
  id,
  rows,
  rowCount,
  sort,
  onSortChange,
  selectedIndex,
  onSelect,
  onOpen,
  onVisibleEnd,
  onKeyDown,
}: SocietyTableProps) {
  const { t } = useTranslation('societies');
  const scrollRef = useRef<HTMLDivElement>(null);

  const sorting: SortingState = sort
    ? [{ id: columnIdForSortField(sort.field), desc: sort.direction === 'desc' }]
    : [];
  const table = useTable({
    features: registerFeatures,
    columns: registerColumns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSorting: sort !== null,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      const column = registerColumns.find((candidate) => candidate.id === first?.id);
      const field = column?.meta?.sortField;
      if (first && field) onSortChange({ field, direction: first.desc ? 'desc' : 'asc' });
    },
  });

  const tableRows = table.getRowModel().rows;
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems[virtualItems.length - 1]?.index;

  useEffect(() => {
    if (lastVisible !== undefined) onVisibleEnd?.(lastVisible);
  }, [lastVisible, onVisibleEnd]);

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < rowCount) {
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    }
  }, [selectedIndex, rowCount, virtualizer]);

  const selectedRow = tableRows[selectedIndex];

  return (
    <Box
      ref={scrollRef}
      style={{ flex: 1, minHeight: 0, overflow: 'auto', position: 'relative' }}
      bg="white"
    >
      <table
        id={id}
        role="grid"
        aria-label={t('register.tableLabel')}
        aria-rowcount={rowCount + 1}
        aria-activedescendant={selectedRow ? `${id}-row-${selectedRow.id}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className={classes.table}
      >
        <thead
          style={{
            display: 'grid',
            position: 'sticky',
            top: 0,
            zIndex: 2,
            background: 'var(--mantine-color-gray-1)',
            borderBottom: '1px solid var(--mantine-color-gray-4)',
          }}
        >
          {table.getHeaderGroups().map((group) => (
            <tr
              key={group.id}
              style={{ display: 'flex', width: '100%', height: HEADER_HEIGHT }}
              aria-rowindex={1}
            >
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const label = meta ? t(meta.label) : header.id;
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                    style={{
                      ...columnStyle(meta),
                      fontWeight: 600,
                      fontSize: 13,
                      textAlign: 'left',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {canSort ? (
                      <UnstyledButton
                        onClick={header.column.getToggleSortingHandler()}
                        tabIndex={-1}
                        style={{
                          display: 'flex',
                          alignItems: 'center',
                          gap: 6,
                          fontWeight: 600,
                          fontSize: 13,
                        }}
                        aria-label={
                          sorted
                            ? `${label}, ${t(sorted === 'asc' ? 'register.sortedAsc' : 'register.sortedDesc')}`
                            : label
                        }
                      >
                        {label}
                        <SortIcon direction={sorted} />
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody
          style={{ display: 'grid', height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {virtualItems.map((item) => {
            const row = tableRows[item.index];
            const selected = item.index === selectedIndex;
            const rowStyle: CSSProperties = {
              display: 'flex',
              position: 'absolute',
              width: '100%',
              height: ROW_HEIGHT,
              transform: `translateY(${item.start}px)`,
              borderBottom: '1px solid var(--mantine-color-gray-2)',
              background: selected ? 'var(--mantine-color-indigo-0)' : undefined,
              boxShadow: selected ? 'inset 3px 0 0 var(--mantine-color-indigo-7)' : undefined,
            };
            if (!row) {
              return (
                <tr
                  key={`placeholder-${item.index}`}
                  style={rowStyle}
                  aria-rowindex={item.index + 2}
                  aria-busy
                >
                  {registerColumns.map((column) => (
                    <td key={column.id} style={columnStyle(column.meta)}>
                      <Skeleton height={10} radius="sm" width="80%" />
                    </td>
                  ))}
                </tr>
              );
            }
            return (
              <tr
                key={row.id}
                id={`${id}-row-${row.id}`}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-selected={selected || undefined}
                className={classes.row}
                style={{ ...rowStyle, cursor: 'pointer' }}
                onClick={() => {
                  onSelect(item.index);
                  onOpen(row.original);
                }}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} style={columnStyle(cell.column.columnDef.meta)}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Box>
  );
}
