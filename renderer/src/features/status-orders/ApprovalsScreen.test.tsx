import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApplicationRow } from '#shared/registration/contract';
import { createFakeBridge, FakeFailure } from '../../test/fake-bridge';
import { clerk, ids, reference, registrar, statusOrder } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ApprovalsScreen } from './ApprovalsScreen';

/** An application of the Aizawl office, received by the clerk, still open. */
function application(overrides: Partial<ApplicationRow> = {}): ApplicationRow {
  return {
    id: '0193a2b4-0000-7000-8000-00000000a001',
    ackNo: 'ACK/ARCS-AZL/2024-25/0031',
    proposedName: 'Chhawrtui Multipurpose Cooperative Society Ltd.',
    typeName: 'Fishery cooperative society',
    officeName: 'ARCS Aizawl',
    receivedOn: '2025-01-06',
    receivedBy: clerk.id,
    receivedByName: clerk.fullName,
    state: 'under_scrutiny',
    open: true,
    clock: { daysElapsed: 78, daysPaused: 0, daysLeft: 12, paused: false, dueOn: '2025-04-06' },
    decidedByName: null,
    decidedAt: null,
    societyId: null,
    ...overrides,
  };
}

describe('ApprovalsScreen', () => {
  it('lists the applications waiting for a decision with the days left, fewest first', async () => {
    const user = userEvent.setup();
    const overdue = application({
      id: '0193a2b4-0000-7000-8000-00000000a002',
      ackNo: 'ACK/ARCS-AZL/2024-25/0002',
      proposedName: 'Zokhawthar Credit Cooperative Society Ltd.',
      typeName: 'Primary agricultural credit society',
      receivedOn: '2024-12-01',
      state: 'received',
      clock: { daysElapsed: 93, daysPaused: 0, daysLeft: -3, paused: false, dueOn: '2025-03-01' },
    });
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'statusOrders.list': () => [statusOrder()],
      'applications.list': ({ state }) =>
        [application(), overdue].filter((row) => row.state === state),
    });
    renderScreen(<ApprovalsScreen />, {
      bridge,
      user: registrar,
      path: '/approvals',
      routes: [{ path: '/applications/:id', element: <p>The application screen</p> }],
    });

    const rows = await screen.findAllByTestId('approval-application-row');
    expect(rows).toHaveLength(2);
    // The most urgent first: the overdue one, in the register's own words.
    expect(rows[0]?.textContent).toContain('Zokhawthar Credit Cooperative Society Ltd.');
    expect(rows[0]?.textContent).toContain('ACK/ARCS-AZL/2024-25/0002');
    expect(rows[0]?.textContent).toContain('Received');
    expect(within(rows[0]!).getByText('3 days overdue').closest('[data-tone]')).toHaveProperty(
      'dataset.tone',
      'overdue',
    );
    const [, waiting] = rows;
    expect(waiting?.textContent).toContain('Chhawrtui Multipurpose Cooperative Society Ltd.');
    expect(waiting?.textContent).toContain('ACK/ARCS-AZL/2024-25/0031');
    expect(waiting?.textContent).toContain('Fishery cooperative society');
    expect(waiting?.textContent).toContain('06-01-2025');
    expect(waiting?.textContent).toContain('Under scrutiny');
    expect(within(waiting!).getByText('12 days left')).toBeTruthy();
    // Only what can be decided is asked for: not the ones waiting for the applicants' reply.
    expect(bridge.callsTo('applications.list').map((call) => call.state)).toEqual(
      expect.arrayContaining(['received', 'under_scrutiny']),
    );
    expect(bridge.callsTo('applications.list').map((call) => call.state)).not.toContain(
      'deficient',
    );
    // The status order is still there, and the count covers both kinds.
    expect((await screen.findByTestId('approval-row')).textContent).toContain(
      'Ṭhutmun Fishery Cooperative Society Ltd.',
    );
    expect(screen.getByText('3 decisions waiting')).toBeTruthy();

    await user.click(within(waiting!).getByRole('link', { name: 'Scrutinise and decide' }));
    expect(await screen.findByText('The application screen')).toBeTruthy();
  });

  it('says who proposes what, never that only clerks propose', async () => {
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'statusOrders.list': () => [],
      'applications.list': () => [],
    });
    const { container } = renderScreen(<ApprovalsScreen />, { bridge, user: registrar });
    expect(await screen.findByText('Nothing is waiting for a decision.')).toBeTruthy();
    const page = container.textContent ?? '';
    expect(page).not.toMatch(/clerk/i);
    expect(page).toContain('received at the counter');
    expect(page).toContain('proposed by any officer of ARCS Aizawl');
  });

  it('shows the status orders when the applications cannot be loaded, and retries', async () => {
    const user = userEvent.setup();
    let failing = true;
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'statusOrders.list': () => [statusOrder()],
      'applications.list': ({ state }) => {
        if (failing) throw new FakeFailure({ code: 'internal', message: 'The disk is busy.' });
        return [application()].filter((row) => row.state === state);
      },
    });
    renderScreen(<ApprovalsScreen />, { bridge, user: registrar });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The applications waiting for a decision could not be loaded',
    );
    expect(await screen.findByTestId('approval-row')).toBeTruthy();
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('approval-application-row')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells the registrar who received an application that another officer must decide it', async () => {
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'statusOrders.list': () => [],
      'applications.list': ({ state }) =>
        [application({ receivedBy: registrar.id, receivedByName: registrar.fullName })].filter(
          (row) => row.state === state,
        ),
    });
    renderScreen(<ApprovalsScreen />, { bridge, user: registrar });
    const row = await screen.findByTestId('approval-application-row');
    expect(row.textContent).toContain('You received this; another officer must decide.');
    expect(screen.getByText('1 decision waiting')).toBeTruthy();
  });

  it('approves an order with the registrar’s password, and says what changed', async () => {
    const user = userEvent.setup();
    let decided = false;
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'statusOrders.list': () => (decided ? [] : [statusOrder()]),
      'applications.list': () => [],
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
      'applications.list': () => [],
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
      'applications.list': () => [],
    });
    renderScreen(<ApprovalsScreen />, { bridge, user: registrar });
    const row = await screen.findByTestId('approval-row');
    expect(row.textContent).toContain('You proposed this; another officer must decide.');
    expect(within(row).queryByRole('button')).toBeNull();
  });
});
