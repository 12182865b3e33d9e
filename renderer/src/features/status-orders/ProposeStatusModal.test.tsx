import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '#shared/auth/contract';
import { createFakeBridge } from '../../test/fake-bridge';
import { clerk, detail, ids, reference } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ProposeStatusModal } from './ProposeStatusModal';

const stateOfficeId = '0193a2b4-0000-7000-8000-0000000000f1';
const withStateOffice = {
  ...reference,
  offices: [
    ...reference.offices,
    {
      id: stateOfficeId,
      code: 'RCS',
      name: 'Office of the Registrar of Cooperative Societies, Mizoram',
      shortName: 'RCS Aizawl (State)',
      address: 'Aizawl',
      level: 'state' as const,
      districtIds: [ids.aizawl, ids.champhai],
      villageIds: [],
    },
  ],
};

async function orderRefPlaceholder(user: SessionUser): Promise<string | null> {
  const bridge = createFakeBridge({ 'reference.get': () => withStateOffice });
  renderScreen(<ProposeStatusModal society={detail} onClose={() => {}} onProposed={() => {}} />, {
    bridge,
    user,
  });
  const dialog = await screen.findByRole('dialog', { name: 'Propose a status change' });
  const field = within(dialog).getByLabelText(/^Order reference/);
  await waitFor(() => expect(field.getAttribute('placeholder')).toContain('e.g.'));
  return field.getAttribute('placeholder');
}

describe('ProposeStatusModal', () => {
  const year = new Date().getFullYear();

  it('gives the order reference example in the user’s own office code', async () => {
    const champhai = { ...clerk, officeId: ids.officeChamphai, officeName: 'ARCS Champhai' };
    expect(await orderRefPlaceholder(champhai)).toBe(
      `The number on the signed order, e.g. RCS/ARCS-CHP/ORD/${year}/12`,
    );
  });

  it('gives the state office’s example without a district code', async () => {
    const state = { ...clerk, officeId: stateOfficeId, officeName: 'RCS Aizawl (State)' };
    expect(await orderRefPlaceholder(state)).toBe(
      `The number on the signed order, e.g. RCS/ORD/${year}/12`,
    );
  });
});
