import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RuleParameter } from '#shared/reference/contract';
import { BackendError } from '../../lib/backend';
import { createFakeBridge } from '../../test/fake-bridge';
import { clerk, ids, reference } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ApplicationForm } from './ApplicationForm';
import { emptyApplicationValues, type ApplicationFormValues } from './form-values';

const minimumOfTwo: RuleParameter = {
  id: '00000000-0000-4000-8000-000000000902',
  key: 'registration.min_promoters',
  scope: '',
  value: '2',
  effectiveFrom: '2006-01-01',
  legalReference: '',
  note: null,
};

const promoter = (name: string, isChief: boolean) => ({
  name,
  relationName: 'Thangzuala',
  age: '45',
  occupation: 'Fish farmer',
  address: 'Durtlang',
  shares: '10',
  amountPaidPaise: '1,000.00',
  isChief,
});

const complete = (): ApplicationFormValues => ({
  ...emptyApplicationValues(clerk, reference, '2026-11-30'),
  proposedName: 'Ṭuirial Fishery Cooperative Society Ltd.',
  typeId: ids.typeFishery,
  address: 'Durtlang',
  districtId: ids.aizawl,
  areaVillageIds: [ids.durtlang],
  shareCapitalPaise: '10,000.00',
  promoters: [promoter('Lalrinawma', true), promoter('Zothansanga', false)],
});

function renderForm(values: ApplicationFormValues, onSubmit: () => Promise<void>) {
  renderScreen(
    <ApplicationForm
      reference={reference}
      rules={[minimumOfTwo]}
      defaultValues={values}
      onSubmit={onSubmit}
      onCancel={() => {}}
    />,
    { bridge: createFakeBridge({}) },
  );
  return screen.getByRole('button', { name: 'Record application' });
}

describe('a refused application takes the clerk to the field at fault', () => {
  it('focuses the first field in screen order the backend named, not the first it listed', async () => {
    const user = userEvent.setup();
    const save = renderForm(complete(), async () => {
      throw new BackendError('invalid_input', 'The application was not recorded.', {
        'application.receivedOn': 'The date received cannot be in the future.',
        'application.proposedName': 'This name is already reserved by other promoters.',
      });
    });
    await user.click(save);
    const name = screen.getByLabelText(/^Proposed name/);
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.getByText('This name is already reserved by other promoters.')).toBeTruthy();
  });

  it('takes the clerk to the promoters when there are too few', async () => {
    const user = userEvent.setup();
    let saved = false;
    const values = complete();
    values.promoters = [promoter('Lalrinawma', true)];
    const save = renderForm(values, async () => {
      saved = true;
    });
    await user.click(save);
    await screen.findByTestId('promoters-problem');
    // More promoters are needed: the button that adds one has the focus.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /Add promoter/ })),
    );
    expect(saved).toBe(false);
  });

  it('takes the clerk to the chief promoter mark when none is marked', async () => {
    const user = userEvent.setup();
    const values = complete();
    values.promoters = [promoter('Lalrinawma', false), promoter('Zothansanga', false)];
    const save = renderForm(values, async () => {});
    await user.click(save);
    expect((await screen.findByTestId('promoters-problem')).textContent).toBe(
      'Mark exactly one promoter as the chief promoter.',
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Chief promoter: row 1')),
    );
  });

  it('takes the clerk to a promoter’s field the backend refused', async () => {
    const user = userEvent.setup();
    const save = renderForm(complete(), async () => {
      throw new BackendError('invalid_input', 'The application was not recorded.', {
        'application.promoters.1.age': 'A promoter must be at least 18 years old.',
      });
    });
    await user.click(save);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Age, promoter 2')),
    );
  });
});
