import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeBridge, FakeFailure } from '../../test/fake-bridge';
import { ids, reference, registrar, statusOrder } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ApprovalsScreen } from './ApprovalsScreen';

describe('ApprovalsScreen', () => {
  it('approves an order with the registrar’s password, and says what changed', async () => {
    const user = userEvent.setup();
    let decided = false;
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'statusOrders.list': () => (decided ? [] : [statusOrder()]),
      'statusOrders.decide': ({ password }) => {
        if (password !== 'registrar password') {
          throw new FakeFailure({
            code: 'invalid_input',
            message: 'Your password is wrong.',
            fields: { password: 'Your password is wrong.' },
          });
        }
        decided = true;
        return statusOrder({ state: 'approved', decidedByName: registrar.fullName });
      },
    });
    renderScreen(<ApprovalsScreen />, { bridge, user: registrar });
    const row = await screen.findByTestId('approval-row');
    expect(row.textContent).toContain('Ṭhutmun Fishery Cooperative Society Ltd.');
    expect(row.textContent).toContain('01-03-2025');
    expect(row.textContent).toContain('Lalthanga Sailo');

    await user.click(within(row).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve the status order' });
    const password = within(dialog).getByLabelText(/^Your password/);
    await waitFor(() => expect(document.activeElement).toBe(password));
    await user.type(password, 'guess{Enter}');
    expect(await within(dialog).findByText('Your password is wrong.')).toBeTruthy();
    await user.clear(password);
    await user.type(password, 'registrar password{Enter}');
    expect(
      await screen.findByText(
        'Approved: Ṭhutmun Fishery Cooperative Society Ltd. is now non-functional.',
      ),
    ).toBeTruthy();
    expect(bridge.callsTo('statusOrders.decide').at(-1)).toEqual({
      id: ids.order,
      decision: 'approve',
      note: null,
      password: 'registrar password',
    });
    expect(await screen.findByText('Nothing is waiting for a decision.')).toBeTruthy();
  });

  it('asks why before rejecting', async () => {
    const user = userEvent.setup();
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'statusOrders.list': () => [statusOrder()],
      'statusOrders.decide': () => statusOrder({ state: 'rejected' }),
    });
    renderScreen(<ApprovalsScreen />, { bridge, user: registrar });
    await user.click(await screen.findByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the status order' });
    await user.type(within(dialog).getByLabelText(/^Your password/), 'registrar password{Enter}');
    expect(await within(dialog).findByText('Say why the order is rejected.')).toBeTruthy();
    expect(bridge.callsTo('statusOrders.decide')).toHaveLength(0);
  });

  it('gives no buttons on an order the registrar proposed: another officer must decide', async () => {
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'statusOrders.list': () => [
        statusOrder({ proposedBy: registrar.id, proposedByName: registrar.fullName }),
      ],
    });
    renderScreen(<ApprovalsScreen />, { bridge, user: registrar });
    const row = await screen.findByTestId('approval-row');
    expect(row.textContent).toContain('You proposed this; another officer must decide.');
    expect(within(row).queryByRole('button')).toBeNull();
  });
});
