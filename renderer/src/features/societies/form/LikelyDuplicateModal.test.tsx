import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RuleParameter } from '#shared/reference/contract';
import { likelyDuplicateFields } from '#shared/societies/likely-duplicate';
import { BackendError } from '../../../lib/backend';
import { createFakeBridge } from '../../../test/fake-bridge';
import { ids, reference } from '../../../test/fixtures';
import { renderScreen } from '../../../test/render';
import { emptySocietyValues } from './form-values';
import { SocietyForm, type SocietyFormProps } from './SocietyForm';

const TODAY = '2025-06-30';

const zotlang = {
  id: '0190a5f0-0000-7000-8000-0000000000aa',
  name: 'Zotlang Multipurpose Cooperative Society Ltd.',
  regNo: 'RCS/363/1990',
  registeredOn: '1990-03-12',
  place: 'Zotlang',
  districtName: 'Lunglei',
};
const refusal = 'Registration number RCS/0363/1990 looks like RCS/363/1990 of Zotlang MPCS.';
const likelyDuplicate = () =>
  new BackendError('conflict', refusal, likelyDuplicateFields(zotlang, refusal));

const seriesRule: RuleParameter = {
  id: '0190a5f0-0000-7000-8000-0000000000bb',
  key: 'registration_no.pattern',
  scope: '',
  value: 'RCS/{office}/{fy}/{serial:4}',
  effectiveFrom: '2016-04-01',
  legalReference: 'Default of this software',
  note: null,
};

function renderForm(onSubmit: SocietyFormProps['onSubmit']) {
  const onCancel = vi.fn();
  // Issued numbers carry the office's code from the reference data (AIZ for Aizawl).
  const withCodes = {
    ...reference,
    offices: reference.offices.map((office) =>
      office.id === ids.officeAizawl ? { ...office, code: 'AIZ' } : office,
    ),
  };
  renderScreen(
    <SocietyForm
      mode="create"
      reference={withCodes}
      defaultValues={emptySocietyValues()}
      title="Add a society from the old records"
      intro="intro"
      onSubmit={onSubmit}
      onCancel={onCancel}
      today={() => TODAY}
    />,
    { bridge: createFakeBridge({ 'reference.ruleParameters': () => [seriesRule] }) },
  );
  return { onCancel };
}

async function pickOption(user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function fillAndSave(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Registered name/), 'Zotlang M.P.C.S. Ltd.');
  await user.type(screen.getByLabelText(/^Registration number/), 'RCS/0363/1990');
  await user.type(screen.getByLabelText(/^Date of registration/), '12-03-1990');
  await pickOption(user, /^Type of society/, 'Fishery Cooperative Society');
  await user.type(screen.getByLabelText(/^Registered address/), 'Zotlang');
  await pickOption(user, /^District/, 'Aizawl');
  await pickOption(user, /^Registrar office/, 'ARCS Aizawl');
  await pickOption(user, /^Current status/, 'Functional');
  await user.click(screen.getByRole('button', { name: 'Add to register' }));
}

describe('a save refused as a likely duplicate', () => {
  it('asks, naming the other society, and saves again once the clerk says it is a different one', async () => {
    const user = userEvent.setup();
    const onSubmit = vi
      .fn<SocietyFormProps['onSubmit']>()
      .mockRejectedValueOnce(likelyDuplicate())
      .mockResolvedValueOnce(undefined);
    renderForm(onSubmit);
    await fillAndSave(user);

    const dialog = await screen.findByRole('dialog', {
      name: 'Is this society already on the register?',
    });
    expect(within(dialog).getByText(/Registration number RCS\/0363\/1990 differs/)).toBeTruthy();
    expect(within(dialog).getByText('Zotlang Multipurpose Cooperative Society Ltd.')).toBeTruthy();
    expect(within(dialog).getByText('RCS/363/1990')).toBeTruthy();
    expect(within(dialog).getByText('12-03-1990')).toBeTruthy();
    expect(within(dialog).getByText('Zotlang, Lunglei district')).toBeTruthy();
    expect(onSubmit).toHaveBeenLastCalledWith(expect.anything(), { confirmedDistinctFrom: [] });

    // Cancel has the focus; Tab and Enter choose "different society".
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' })),
    );
    await user.tab();
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'It is a different society — save' }),
    );
    await user.keyboard('{Enter}');

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls[1]?.[0]).toMatchObject({ society: { regNo: 'RCS/0363/1990' } });
    expect(onSubmit.mock.calls[1]?.[1]).toEqual({ confirmedDistinctFrom: [zotlang.id] });
  });

  it('goes back to the number on Esc, with the reason by it, and neither saves nor leaves', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<SocietyFormProps['onSubmit']>().mockRejectedValue(likelyDuplicate());
    const { onCancel } = renderForm(onSubmit);
    await fillAndSave(user);
    await screen.findByRole('dialog');

    await user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
    const regNo = screen.getByLabelText(/^Registration number/);
    await waitFor(() => expect(document.activeElement).toBe(regNo));
    expect(screen.getByText(refusal)).toBeTruthy();
  });
});

describe('the registration number’s example', () => {
  it('follows the series the registry issues, with the office’s code', async () => {
    renderForm(vi.fn());
    const regNo = screen.getByLabelText(/^Registration number/);
    await waitFor(() =>
      expect(regNo.getAttribute('placeholder')).toBe(
        'As issued, e.g. RCS/AIZ/2025-26/0001 or 760/49',
      ),
    );
  });
});
