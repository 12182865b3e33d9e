import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '#shared/auth/contract';
import { AppProviders, createQueryClient } from '../../app/AppProviders';
import { createBackend, useBackend } from '../../lib/backend';
import { useSession } from '../../lib/session';
import { createFakeBridge, FakeFailure, type FakeHandlers } from '../../test/fake-bridge';
import { clerk, ids, reference, signedIn } from '../../test/fixtures';
import { AuthGate } from './AuthGate';

function TheApp() {
  const { user } = useSession();
  const backend = useBackend();
  return (
    <div>
      <p>Register for {user.fullName}</p>
      <label>
        Half-typed name
        <input defaultValue="" />
      </label>
      <button type="button" onClick={() => void backend.call('societies.list', {}).catch(() => {})}>
        Load the register
      </button>
    </div>
  );
}

function renderGate(handlers: FakeHandlers) {
  const bridge = createFakeBridge({
    'app.info': () => ({
      appVersion: '0.1.0',
      dataDir: '/tmp',
      stateName: 'Mizoram',
      societyCount: null,
      schemaMigrations: 3,
    }),
    'reference.get': () => reference,
    ...handlers,
  });
  render(
    <AppProviders backend={createBackend(bridge)} queryClient={createQueryClient()} env="test">
      <AuthGate counter={<p>Counter</p>}>
        <TheApp />
      </AuthGate>
    </AppProviders>,
  );
  return bridge;
}

const noSession: AuthStatus = { setupNeeded: false, session: null };

afterEach(() => {
  vi.useRealTimers();
});

describe('AuthGate', () => {
  it('asks for the administrator account on first start, with reasons by the fields', async () => {
    const user = userEvent.setup();
    const bridge = renderGate({
      'auth.status': () => ({ setupNeeded: true, session: null }),
      'auth.setup': () => {
        throw new FakeFailure({
          code: 'invalid_input',
          message: 'The password must not contain the user name.',
          fields: { password: 'The password must not contain the user name.' },
        });
      },
    });
    expect(await screen.findByRole('heading', { name: 'Set up the registry' })).toBeTruthy();
    const username = screen.getByLabelText(/^User name/);
    expect(document.activeElement).toBe(username);

    await user.click(screen.getByRole('button', { name: 'Create the administrator' }));
    expect(await screen.findByText('Enter the full name.')).toBeTruthy();
    expect(screen.getByText('Choose the office.')).toBeTruthy();
    expect(screen.getByText(/A password needs at least 10 characters/)).toBeTruthy();
    expect(bridge.callsTo('auth.setup')).toHaveLength(0);

    await user.type(username, 'vanlalruata');
    await user.type(screen.getByLabelText(/^Full name/), 'Vanlalruata Khiangte');
    await user.click(screen.getByPlaceholderText('Choose…'));
    await user.click(await screen.findByRole('option', { name: 'ARCS Aizawl' }));
    await user.type(screen.getByLabelText(/^Password/), 'vanlalruata at home');
    await user.type(screen.getByLabelText(/^Repeat the password/), 'vanlalruata at hom');
    await user.click(screen.getByRole('button', { name: 'Create the administrator' }));
    expect(await screen.findByText('The two passwords are not the same.')).toBeTruthy();

    await user.type(screen.getByLabelText(/^Repeat the password/), 'e');
    await user.click(screen.getByRole('button', { name: 'Create the administrator' }));
    expect(await screen.findByText('The password must not contain the user name.')).toBeTruthy();
    expect(bridge.callsTo('auth.setup')).toEqual([
      {
        username: 'vanlalruata',
        fullName: 'Vanlalruata Khiangte',
        officeId: ids.officeAizawl,
        password: 'vanlalruata at home',
      },
    ]);
  });

  it('signs in, saying in the backend’s words why a try was refused', async () => {
    const user = userEvent.setup();
    let tries = 0;
    renderGate({
      'auth.status': () => noSession,
      'auth.login': ({ password }) => {
        tries += 1;
        if (tries === 1) {
          throw new FakeFailure({
            code: 'unauthenticated',
            message: 'The user name or password is wrong.',
          });
        }
        if (tries === 2) {
          throw new FakeFailure({
            code: 'too_many_attempts',
            message: 'Too many wrong passwords. This account waits 30 seconds before the next try.',
          });
        }
        expect(password).toBe('the right one');
        return signedIn(clerk);
      },
    });
    const username = await screen.findByLabelText('User name');
    expect(document.activeElement).toBe(username);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Enter your user name.')).toBeTruthy();

    await user.type(username, 'lalthanga');
    const password = screen.getByLabelText('Password');
    await user.type(password, 'wrong{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The user name or password is wrong.',
    );
    expect(password).toHaveProperty('value', '');
    await user.type(password, 'wrong again{Enter}');
    expect(await screen.findByText(/This account waits 30 seconds/)).toBeTruthy();
    await user.type(password, 'the right one{Enter}');
    expect(await screen.findByText('Register for Lalthanga Sailo')).toBeTruthy();
  });

  it('asks for a new password after the administrator reset it', async () => {
    const user = userEvent.setup();
    const bridge = renderGate({
      'auth.status': () => signedIn(clerk, { mustChangePassword: true }),
      'auth.changePassword': () => signedIn(clerk),
    });
    expect(await screen.findByRole('heading', { name: 'Choose your own password' })).toBeTruthy();
    await user.type(screen.getByLabelText(/^Temporary \(current\) password/), 'Temporary 0001');
    await user.type(screen.getByLabelText(/^New password/), 'my own long password');
    await user.type(
      screen.getByLabelText(/^Repeat the new password/),
      'my own long password{Enter}',
    );
    expect(await screen.findByText('Register for Lalthanga Sailo')).toBeTruthy();
    expect(bridge.callsTo('auth.changePassword')).toEqual([
      { currentPassword: 'Temporary 0001', newPassword: 'my own long password' },
    ]);
  });

  it('draws the lock over the app when a request finds the screen locked, keeping what was typed', async () => {
    const user = userEvent.setup();
    const bridge = renderGate({
      'auth.status': () => signedIn(clerk),
      'societies.list': () => {
        throw new FakeFailure({
          code: 'session_locked',
          message: 'The screen is locked. Enter your password to go on.',
        });
      },
      'auth.unlock': ({ password }) => {
        if (password !== 'my password') {
          throw new FakeFailure({
            code: 'unauthenticated',
            message: 'The user name or password is wrong.',
          });
        }
        return signedIn(clerk);
      },
    });
    await user.type(await screen.findByLabelText('Half-typed name'), 'Zemabawk Dairy');
    await user.click(screen.getByRole('button', { name: 'Load the register' }));
    const lock = await screen.findByRole('dialog', { name: 'The screen is locked' });
    const password = within(lock).getByLabelText('Password');
    await waitFor(() => expect(document.activeElement).toBe(password));
    await user.type(password, 'guess{Enter}');
    expect(await within(lock).findByText('The user name or password is wrong.')).toBeTruthy();
    await user.type(password, 'my password{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByLabelText('Half-typed name')).toHaveProperty('value', 'Zemabawk Dairy');
    expect(bridge.callsTo('auth.unlock')).toHaveLength(2);
  });

  it('goes back to the login screen when the backend says nobody is signed in', async () => {
    const user = userEvent.setup();
    let signedOut = false;
    renderGate({
      'auth.status': () => (signedOut ? noSession : signedIn(clerk)),
      'societies.list': () => {
        signedOut = true;
        throw new FakeFailure({ code: 'unauthenticated', message: 'Sign in first.' });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Load the register' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it('locks after the idle minutes without a key, click or scroll', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bridge = renderGate({
      'auth.status': () => signedIn(clerk, { idleLockMinutes: 10 }),
      'auth.lock': () => signedIn(clerk, { locked: true }),
      'auth.touch': () => signedIn(clerk),
    });
    expect(await screen.findByText('Register for Lalthanga Sailo')).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(9 * 60_000);
    });
    expect(bridge.callsTo('auth.lock')).toHaveLength(0);
    // Activity starts the count again and tells the backend, at most once a minute.
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    });
    expect(bridge.callsTo('auth.touch')).toHaveLength(1);
    await act(async () => {
      vi.advanceTimersByTime(9 * 60_000);
    });
    expect(bridge.callsTo('auth.lock')).toHaveLength(0);
    await act(async () => {
      vi.advanceTimersByTime(65_000);
    });
    expect(bridge.callsTo('auth.lock')).toHaveLength(1);
    expect(await screen.findByRole('dialog', { name: 'The screen is locked' })).toBeTruthy();
    expect(screen.getByText('Register for Lalthanga Sailo')).toBeTruthy();
  });
});
