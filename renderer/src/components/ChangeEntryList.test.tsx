import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeEntry, ids, reference } from '../test/fixtures';
import { ChangeEntryList } from './ChangeEntryList';

describe('ChangeEntryList', () => {
  it('says who changed what, when and where, with values as a clerk reads them', () => {
    render(
      <MantineProvider env="test">
        <ChangeEntryList entries={[changeEntry()]} reference={reference} label="History" />
      </MantineProvider>,
    );
    const entry = screen.getByRole('listitem');
    expect(within(entry).getByText('Corrected the master record')).toBeTruthy();
    // 05:30 UTC is 11:00 in India.
    expect(within(entry).getByText('02-03-2025 11:00')).toBeTruthy();
    expect(entry.textContent).toContain('Lalthanga Sailo · Dealing clerk · ARCS Aizawl');
    expect(entry.textContent).toContain('device 0193a2b4');
    const row = (label: string) =>
      within(entry)
        .getAllByRole('row')
        .find((candidate) => candidate.textContent?.startsWith(label))
        ?.textContent?.slice(label.length);
    expect(row('Phone')).toBe('0389 234567898620 12345');
    expect(row('Authorised share capital (₹)')).toBe('₹12,34,567.00₹50,00,000.00');
    expect(row('Date of registration')).toBe('02-05-202412-05-2024');
    expect(row('District')).toBe('AizawlChamphai');
  });

  it('lists a new record’s values without an empty “before” column', () => {
    render(
      <MantineProvider env="test">
        <ChangeEntryList
          entries={[
            changeEntry({
              action: 'statusOrder.propose',
              entity: 'status_order',
              changes: {
                id: [null, ids.order],
                toStatus: [null, 'non_functional'],
                effectiveOn: [null, '2025-03-01'],
                proposedBy: [null, ids.clerk],
                orderRef: [null, 'ARCS/AZL/ORD/2025/4'],
              },
            }),
          ]}
          reference={reference}
          label="History"
          showEntity
        />
      </MantineProvider>,
    );
    const entry = screen.getByRole('listitem');
    expect(within(entry).getByText('Proposed a status order')).toBeTruthy();
    expect(within(entry).getByText('Status order')).toBeTruthy();
    expect(within(entry).queryByRole('columnheader', { name: 'Before' })).toBeNull();
    expect(within(entry).getByText('Non-functional')).toBeTruthy();
    expect(within(entry).getByText('01-03-2025')).toBeTruthy();
    // The who-and-when bookkeeping is not repeated as fields.
    expect(entry.textContent).not.toContain(ids.clerk);
  });
});
