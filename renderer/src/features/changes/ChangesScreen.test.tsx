import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChainVerdict } from '#shared/changes/contract';
import { createFakeBridge } from '../../test/fake-bridge';
import { administrator, changeEntry, reference } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ChangesScreen } from './ChangesScreen';

function renderChanges(verdict: ChainVerdict) {
  const bridge = createFakeBridge({
    'reference.get': () => reference,
    'users.list': () => [],
    'changes.list': () => ({ entries: [changeEntry()], total: 1 }),
    'changes.verify': () => verdict,
  });
  renderScreen(<ChangesScreen />, { bridge, user: administrator });
  return bridge;
}

describe('ChangesScreen', () => {
  it('lists the changes and says the record is intact', async () => {
    const user = userEvent.setup();
    renderChanges({ intact: true, checked: 12_345, intactUpTo: 12_345, firstBad: null, ms: 41.7 });
    expect(await screen.findByText('Corrected the master record')).toBeTruthy();
    expect(screen.getByTestId('changes-count').textContent).toBe('1 change');
    await user.click(screen.getByRole('button', { name: 'Verify the record of changes' }));
    expect((await screen.findByTestId('verify-result')).textContent).toBe(
      'The record of changes is intact up to entry 12,345 (checked 12,345 entries in 42 ms).',
    );
  });

  it('names the first altered entry prominently', async () => {
    const user = userEvent.setup();
    renderChanges({
      intact: false,
      checked: 500,
      intactUpTo: 411,
      firstBad: {
        seq: 412,
        problem: 'altered',
        message: 'Entry 412 was altered after it was written.',
      },
      ms: 3,
    });
    await user.click(await screen.findByRole('button', { name: 'Verify the record of changes' }));
    const result = await screen.findByRole('alert');
    expect(result.textContent).toContain('The record of changes has been tampered with');
    expect(result.textContent).toContain('Entry 412 was altered after it was written.');
    expect(result.textContent).toContain('Entries up to 411 are intact.');
  });

  it('filters by the kind of record', async () => {
    const user = userEvent.setup();
    const bridge = renderChanges({
      intact: true,
      checked: 1,
      intactUpTo: 1,
      firstBad: null,
      ms: 1,
    });
    await screen.findByText('Corrected the master record');
    await user.click(screen.getByRole('combobox', { name: 'Kind of record' }));
    await user.click(await screen.findByRole('option', { name: 'Status order' }));
    expect(bridge.callsTo('changes.list').at(-1)).toMatchObject({
      entity: 'status_order',
      offset: 0,
    });
  });
});
