import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../../test/fake-bridge';
import { changeEntry, detail, ids, reference, statusOrder, viewer } from '../../../test/fixtures';
import { renderScreen } from '../../../test/render';
import { SocietyDetailScreen } from './SocietyDetailScreen';

function renderDetail(options: { pending?: boolean; user?: typeof viewer } = {}) {
  let proposed = options.pending ?? false;
  const bridge = createFakeBridge({
    'reference.get': () => reference,
    'societies.get': () => detail,
    'statusOrders.list': () => (proposed ? [statusOrder()] : []),
    'statusOrders.propose': () => {
      proposed = true;
      return statusOrder();
    },
    'societies.history': () => ({ entries: [changeEntry()], total: 1 }),
  });
  renderScreen(<SocietyDetailScreen id={ids.society} />, {
    bridge,
    path: '/societies/:id',
    url: `/societies/${ids.society}`,
    ...(options.user ? { user: options.user } : {}),
  });
  return bridge;
}

describe('SocietyDetailScreen', () => {
  it('lets a clerk propose a status change, offering only the statuses an order allows', async () => {
    const user = userEvent.setup();
    const bridge = renderDetail();
    await user.click(await screen.findByRole('button', { name: 'Propose status change' }));
    const dialog = await screen.findByRole('dialog', { name: 'Propose a status change' });
    const status = within(dialog).getByPlaceholderText('Choose…');
    await waitFor(() => expect(document.activeElement).toBe(status));

    await user.click(within(dialog).getByRole('button', { name: 'Propose' }));
    expect(await within(dialog).findByText('Choose the new status.')).toBeTruthy();
    expect(within(dialog).getByText('Enter the order reference.')).toBeTruthy();
    expect(within(dialog).getByText('Enter the reason for the change.')).toBeTruthy();

    await user.click(status);
    const options = (await screen.findAllByRole('option')).map((option) => option.textContent);
    // From functional: never back to "registered", never to deregistered directly.
    expect(options).toEqual(['Non-functional', 'Under liquidation', 'Merged']);
    await user.click(screen.getByRole('option', { name: 'Non-functional' }));
    await user.type(within(dialog).getByLabelText(/^Takes effect on/), '1/3/2025');
    await user.type(within(dialog).getByLabelText(/^Order reference/), 'ARCS/AZL/ORD/2025/4');
    await user.type(within(dialog).getByLabelText(/^Reason for the change/), 'No business.');
    await user.click(within(dialog).getByRole('button', { name: 'Propose' }));

    expect(await screen.findByText(/The status order was proposed/)).toBeTruthy();
    expect(bridge.callsTo('statusOrders.propose')).toEqual([
      {
        societyId: ids.society,
        toStatus: 'non_functional',
        effectiveOn: '2025-03-01',
        orderRef: 'ARCS/AZL/ORD/2025/4',
        reason: 'No business.',
      },
    ]);
    expect((await screen.findByTestId('pending-order')).textContent).toContain(
      'Functional → Non-functional from 01-03-2025 (order ARCS/AZL/ORD/2025/4)',
    );
    expect(screen.queryByRole('button', { name: 'Propose status change' })).toBeNull();
  });

  it('shows a viewer neither Edit nor Propose', async () => {
    renderDetail({ user: viewer });
    expect(await screen.findByRole('heading', { level: 1, name: detail.name })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Propose status change' })).toBeNull();
  });

  it('shows the History tab with each changed field', async () => {
    const user = userEvent.setup();
    renderDetail({ pending: true });
    await user.click(await screen.findByRole('tab', { name: 'History' }));
    const history = await screen.findByRole('list', { name: 'History' });
    expect(within(history).getByText('Corrected the master record')).toBeTruthy();
    expect(screen.getByText('Showing 1 of 1 changes, newest first')).toBeTruthy();
    expect(screen.getByTestId('pending-order').textContent).toContain('Lalthanga Sailo');
  });
});
