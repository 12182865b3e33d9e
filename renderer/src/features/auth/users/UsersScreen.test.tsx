import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UserRow } from '#shared/auth/contract';
import { createFakeBridge, FakeFailure } from '../../../test/fake-bridge';
import { administrator, ids, reference } from '../../../test/fixtures';
import { renderScreen } from '../../../test/render';
import { UsersScreen } from './UsersScreen';

const row = (overrides: Partial<UserRow>): UserRow => ({
  id: ids.clerk,
  username: 'lalthanga',
  fullName: 'Lalthanga Sailo',
  role: 'clerk',
  officeId: ids.officeAizawl,
  officeName: 'ARCS Aizawl',
  active: true,
  mustChangePassword: false,
  lastLoginAt: '2025-03-02T05:30:00.000Z',
  version: 1,
  ...overrides,
});

describe('UsersScreen', () => {
  it('lists users with their role, office and sign-in state', async () => {
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'users.list': () => [
        row({ id: administrator.id, fullName: administrator.fullName, role: 'administrator' }),
        row({ mustChangePassword: true, lastLoginAt: null }),
      ],
    });
    renderScreen(<UsersScreen />, { bridge, user: administrator });
    const table = await screen.findByRole('table', { name: 'Users' });
    const [, me, clerkRow] = within(table).getAllByRole('row');
    expect(me?.textContent).toContain('(you)');
    // Nobody deactivates their own account.
    expect(within(me as HTMLElement).queryByRole('button', { name: /Deactivate/ })).toBeNull();
    expect(clerkRow?.textContent).toContain('Dealing clerk');
    expect(clerkRow?.textContent).toContain('Temporary');
    expect(clerkRow?.textContent).toContain('Never');
    expect(screen.getByLabelText(/^Lock the screen after/)).toHaveProperty('value', '10');
  });

  it('adds a user with a temporary password, showing the backend’s reasons by the fields', async () => {
    const user = userEvent.setup();
    let tries = 0;
    const bridge = createFakeBridge({
      'reference.get': () => reference,
      'users.list': () => [],
      'users.create': (input) => {
        tries += 1;
        if (tries === 1) {
          throw new FakeFailure({
            code: 'invalid_input',
            message: 'The user name zothanpuii is already taken.',
            fields: { username: 'The user name zothanpuii is already taken.' },
          });
        }
        return row({ ...input, id: ids.registrar, mustChangePassword: true } as Partial<UserRow>);
      },
    });
    renderScreen(<UsersScreen />, { bridge, user: administrator });
    await user.click(await screen.findByRole('button', { name: 'Add user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a user' });
    const fullName = within(dialog).getByLabelText(/^Full name/);
    await waitFor(() => expect(document.activeElement).toBe(fullName));
    await user.type(fullName, 'Zothanpuii Ralte');
    await user.type(within(dialog).getByLabelText(/^User name/), 'zothanpuii');
    const [role, office] = within(dialog).getAllByPlaceholderText('Choose…');
    await user.click(role as HTMLElement);
    await user.click(await screen.findByRole('option', { name: 'Registrar (approving officer)' }));
    await user.click(office as HTMLElement);
    await user.click(await screen.findByRole('option', { name: 'ARCS Aizawl' }));
    await user.type(within(dialog).getByLabelText(/^Temporary password/), 'short{Enter}');
    expect(await within(dialog).findByText(/A password needs at least 10 characters/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/^Temporary password/), ' but longer now{Enter}');
    expect(
      await within(dialog).findByText('The user name zothanpuii is already taken.'),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }));
    expect(await screen.findByText(/Zothanpuii Ralte was added/)).toBeTruthy();
    expect(bridge.callsTo('users.create').at(-1)).toEqual({
      username: 'zothanpuii',
      fullName: 'Zothanpuii Ralte',
      role: 'registrar',
      officeId: ids.officeAizawl,
      temporaryPassword: 'short but longer now',
    });
  });
});
