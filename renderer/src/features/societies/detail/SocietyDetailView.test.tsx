import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { detail } from '../../../test/fixtures';
import { SocietyDetailView } from './SocietyDetailView';

function renderDetail(society = detail) {
  return render(
    <MantineProvider env="test">
      <SocietyDetailView society={society} />
    </MantineProvider>,
  );
}

describe('SocietyDetailView', () => {
  it('shows capital in rupees with Indian grouping and dates as DD-MM-YYYY', () => {
    renderDetail();
    expect(screen.getByText('₹12,34,567.00')).toBeTruthy();
    expect(screen.getByText('₹100.00')).toBeTruthy();
    expect(screen.getByText('02-05-2024')).toBeTruthy();
    // Instants are shown in India time.
    expect(screen.getByText('10-01-2025 10:00 by clerk.aizawl')).toBeTruthy();
  });

  it('marks a provisional registration number, and only that', () => {
    const { unmount } = renderDetail({
      ...detail,
      regNo: 'RCS/AIZ/2026-27/P-3F9A2C-1',
      regNoProvisional: true,
    });
    expect(screen.getByText('RCS/AIZ/2026-27/P-3F9A2C-1')).toBeTruthy();
    expect(screen.getByText('Provisional').closest('[title]')?.getAttribute('title')).toMatch(
      /The next sync gives it its final number/,
    );
    unmount();
    renderDetail();
    expect(screen.queryByText('Provisional')).toBeNull();
  });

  it('lists status orders and old names newest first', () => {
    renderDetail({
      ...detail,
      statusHistory: [
        {
          id: '00000000-0000-4000-8000-000000000901',
          status: 'registered',
          effectiveOn: '2010-04-01',
          orderRef: 'RCS/ORD/1',
          reason: null,
          recordedAt: '2025-01-10T04:30:00.000Z',
          recordedBy: 'clerk',
          recordedByName: 'demo data',
          proposedByName: null,
          approvedByName: null,
        },
        {
          id: '00000000-0000-4000-8000-000000000902',
          status: 'non_functional',
          effectiveOn: '2019-08-01',
          orderRef: 'RCS/ORD/2',
          reason: 'No business for two years',
          recordedAt: '2025-01-10T04:30:00.000Z',
          recordedBy: 'clerk',
          recordedByName: 'Zothanpuii Ralte',
          proposedByName: 'Lalthanga Sailo',
          approvedByName: 'Zothanpuii Ralte',
        },
      ],
      nameHistory: [
        {
          id: '00000000-0000-4000-8000-000000000903',
          name: 'Thutmun Fishery Society',
          nameMizo: null,
          usedUntil: '2015-03-31',
          reason: 'Spelling corrected',
          recordedAt: '2025-01-10T04:30:00.000Z',
          recordedBy: 'clerk',
        },
      ],
    });
    const statusTable = screen.getByRole('table', { name: 'Status history' });
    const orders = within(statusTable)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[2]?.textContent);
    expect(orders).toEqual(['RCS/ORD/2', 'RCS/ORD/1']);
    // An order decided under maker ≠ checker names both people; an old entry shows dashes.
    const [first, second] = within(statusTable).getAllByRole('row').slice(1);
    expect(within(statusTable).getByRole('columnheader', { name: 'Proposed by' })).toBeTruthy();
    expect(within(statusTable).getByRole('columnheader', { name: 'Approved by' })).toBeTruthy();
    expect(first?.textContent).toContain('Lalthanga Sailo');
    expect(first?.textContent).toContain('Zothanpuii Ralte');
    expect(second?.textContent).toContain('demo data');
    const names = screen.getByRole('table', { name: 'Name history' });
    expect(within(names).getByText('Thutmun Fishery Society')).toBeTruthy();
    expect(within(names).getByText('31-03-2015')).toBeTruthy();
  });

  it('shows a dash for a field that was never filled', () => {
    renderDetail();
    const other = screen.getByRole('region', { name: 'Other' });
    expect(within(other).getAllByText('—')).toHaveLength(2);
  });
});
