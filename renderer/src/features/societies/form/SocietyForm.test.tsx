import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BackendError } from '../../../lib/backend';
import { createFakeBridge } from '../../../test/fake-bridge';
import { detail, ids, reference } from '../../../test/fixtures';
import { renderScreen } from '../../../test/render';
import { emptySocietyValues, valuesFromDetail } from './form-values';
import { SocietyForm, type SocietyFormProps } from './SocietyForm';
import type { SocietyFormOutput } from './society-resolver';

const TODAY = '2025-06-30';

function renderForm(
  props: Partial<Omit<SocietyFormProps, 'onSubmit'>> & {
    onSubmit?: SocietyFormProps['onSubmit'];
  } = {},
) {
  const onSubmit = vi.fn<(output: SocietyFormOutput) => Promise<void>>(async () => {});
  const onCancel = vi.fn();
  const view = renderScreen(
    <SocietyForm
      mode="create"
      reference={reference}
      defaultValues={emptySocietyValues()}
      title="Add a society from the old records"
      intro="intro"
      onCancel={onCancel}
      today={() => TODAY}
      {...props}
      onSubmit={props.onSubmit ?? onSubmit}
    />,
    { bridge: createFakeBridge({}) },
  );
  return { ...view, onSubmit, onCancel };
}

/** The message shown under a field, found the way a screen reader finds it. */
function errorOf(label: RegExp | string): string | null {
  const input = screen.getByLabelText(label, { selector: 'input, textarea' });
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  for (const id of ids) {
    const element = document.getElementById(id);
    if (element?.className.includes('error')) return element.textContent;
  }
  return null;
}

async function pickOption(user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(
    screen.getByLabelText(/^Registered name/),
    'Ṭhutmun Fishery Cooperative Society Ltd.',
  );
  await user.type(screen.getByLabelText(/^Registration number/), 'RCS/AZL/2024-25/0099');
  await user.type(screen.getByLabelText(/^Date of registration/), '02-05-2024');
  await pickOption(user, /^Type of society/, 'Fishery Cooperative Society');
  await user.type(screen.getByLabelText(/^Registered address/), 'Durtlang North');
  await pickOption(user, /^District/, 'Aizawl');
  await pickOption(user, /^Registrar office/, 'ARCS Aizawl');
  await pickOption(user, /^Current status/, 'Functional');
}

describe('SocietyForm', () => {
  it('names every missing field in the clerk’s words and saves nothing', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Add to register' }));

    expect(await screen.findByText('Enter the registered name.')).toBeTruthy();
    expect(errorOf(/^Registration number/)).toBe('Enter the registration number.');
    expect(errorOf(/^Date of registration/)).toBe('Enter the date of registration.');
    expect(errorOf(/^Type of society/)).toBe('Choose the type of society.');
    expect(errorOf(/^District/)).toBe('Choose the district.');
    expect(errorOf(/^Registrar office/)).toBe('Choose the registrar office.');
    expect(errorOf(/^Current status/)).toBe('Choose the current status.');
    expect(screen.getByRole('alert').textContent).toMatch(/fields need attention before saving/);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('puts the cursor in the first field that needs attention', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText(/^Registered name/), 'Ṭhutmun Fishery');
    await user.click(screen.getByRole('button', { name: 'Add to register' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(/^Registration number/)),
    );
  });

  it('says at once that a registration date in the future is not allowed', async () => {
    const user = userEvent.setup();
    renderForm();
    const date = screen.getByLabelText(/^Date of registration/);
    await user.type(date, '01-07-2025');
    expect(document.activeElement).toBe(date);
    await waitFor(() =>
      expect(errorOf(/^Date of registration/)).toBe(
        'The date of registration cannot be in the future.',
      ),
    );
  });

  it('points at an amount that is not in rupees', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText(/^Value of one share/), '10.505');
    await user.tab();
    await waitFor(() =>
      expect(errorOf(/^Value of one share/)).toBe(
        'Enter an amount in rupees, for example 1,25,000 or 250.50.',
      ),
    );
  });

  it('sends the record with amounts in paise and the tier taken from the type', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await fillValid(user);
    expect(screen.getByLabelText(/^Tier/, { selector: 'input' })).toHaveProperty(
      'value',
      'Primary',
    );
    await user.type(screen.getByLabelText(/^Authorised share capital/), '12,34,567.50');
    await user.type(screen.getByLabelText(/^Value of one share/), '100');
    await user.click(screen.getByRole('button', { name: 'Add to register' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const output = onSubmit.mock.calls[0]?.[0];
    expect(output?.mode).toBe('create');
    if (output?.mode !== 'create') return;
    expect(output.society).toMatchObject({
      name: 'Ṭhutmun Fishery Cooperative Society Ltd.',
      regNo: 'RCS/AZL/2024-25/0099',
      registeredOn: '2024-05-02',
      typeId: ids.typeFishery,
      tier: 'primary',
      districtId: ids.aizawl,
      officeId: ids.officeAizawl,
      status: 'functional',
      statusSince: null,
      authorisedCapitalPaise: 123_456_750,
      shareValuePaise: 10_000,
      admissionFeePaise: null,
      nameMizo: null,
    });
  });

  it('shows the register’s refusal next to the field and keeps what was typed', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {
      throw new BackendError('invalid_input', 'Some fields need attention.', {
        regNo: 'Registration number RCS/AZL/2024-25/0099 is already used by Zotlang MPCS.',
      });
    });
    renderForm({ onSubmit });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Add to register' }));

    await waitFor(() =>
      expect(errorOf(/^Registration number/)).toBe(
        'Registration number RCS/AZL/2024-25/0099 is already used by Zotlang MPCS.',
      ),
    );
    expect(screen.getByLabelText(/^Registered name/)).toHaveProperty(
      'value',
      'Ṭhutmun Fishery Cooperative Society Ltd.',
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(/^Registration number/)),
    );
  });

  it('offers only the villages of the chosen district', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(screen.getByLabelText(/^Village \//, { selector: 'input' })).toHaveProperty(
      'disabled',
      true,
    );
    await pickOption(user, /^District/, 'Champhai');
    await user.click(screen.getByLabelText(/^Village \//, { selector: 'input' }));
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Ngopa']);
  });

  it('lists the offices covering the chosen district first', async () => {
    const user = userEvent.setup();
    renderForm();
    await pickOption(user, /^District/, 'Champhai');
    await user.click(screen.getByLabelText(/^Registrar office/, { selector: 'input' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['ARCS Champhai', 'ARCS Aizawl']);
    expect(screen.getByText('Covering Champhai')).toBeTruthy();
  });

  it('asks why when the name of an existing society changes', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm({
      mode: 'edit',
      defaultValues: valuesFromDetail(detail),
      originalName: detail.name,
    });
    expect(screen.queryByLabelText(/^Reason for the change of name/)).toBeNull();
    const name = screen.getByLabelText(/^Registered name/);
    await user.clear(name);
    await user.type(name, 'Ṭhutmun Fish Farmers Cooperative Society Ltd.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(errorOf(/^Reason for the change of name/)).toBe(
        'Say why the name changed; it is kept in the name history.',
      ),
    );
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(
      screen.getByLabelText(/^Reason for the change of name/),
      'Bye-law amendment 2025',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      mode: 'edit',
      nameChangeReason: 'Bye-law amendment 2025',
      fields: {
        name: 'Ṭhutmun Fish Farmers Cooperative Society Ltd.',
        authorisedCapitalPaise: 123_456_700,
      },
    });
  });

  it('says when someone else saved the society first, and offers their version', async () => {
    const user = userEvent.setup();
    const onReload = vi.fn();
    renderForm({
      mode: 'edit',
      defaultValues: valuesFromDetail(detail),
      originalName: detail.name,
      onReload,
      onSubmit: async () => {
        throw new BackendError('conflict', 'The record was changed by someone else.');
      },
    });
    const phone = screen.getByLabelText(/^Phone/);
    await user.clear(phone);
    await user.type(phone, '98620 12345');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText('Someone else saved this society since you opened it'),
    ).toBeTruthy();
    expect(phone).toHaveProperty('value', '98620 12345');
    await user.click(screen.getByRole('button', { name: 'Reload their version' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('saves with Enter and leaves with Esc', async () => {
    const user = userEvent.setup();
    const { onSubmit, onCancel } = renderForm({
      mode: 'edit',
      defaultValues: valuesFromDetail(detail),
      originalName: detail.name,
    });
    await user.click(screen.getByLabelText(/^Contact person/));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
  });
});
