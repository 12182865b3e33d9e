import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RuleParameter } from '#shared/reference/contract';
import { createFakeBridge } from '../../test/fake-bridge';
import { clerk, ids, reference } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ApplicationForm } from './ApplicationForm';
import { emptyApplicationValues, minPromotersFor } from './form-values';

const rule = (scope: string, value: string, effectiveFrom = '2006-01-01'): RuleParameter => ({
  id: `00000000-0000-4000-8000-0000000009${scope.length}${value}`.slice(0, 36),
  key: 'registration.min_promoters',
  scope,
  value,
  effectiveFrom,
  legalReference: '',
  note: null,
});

describe('the minimum number of promoters', () => {
  it('reads the type’s own rule, else the general one, in force on the date', () => {
    const rules = [rule('', '10'), rule('HOUSING', '5'), rule('FCS', '7', '2030-01-01')];
    expect(minPromotersFor(rules, 'HOUSING', '2026-01-01', 99)).toBe(5);
    expect(minPromotersFor(rules, 'FCS', '2026-01-01', 99)).toBe(10);
    expect(minPromotersFor(rules, 'FCS', '2031-01-01', 99)).toBe(7);
    expect(minPromotersFor([], 'FCS', '2026-01-01', 10)).toBe(10);
    expect(minPromotersFor(rules, undefined, '2026-01-01', 10)).toBeUndefined();
  });
});

describe('the promoters editor', () => {
  it('adds rows from the keyboard, counts them against the minimum and keeps one chief', async () => {
    const user = userEvent.setup();
    const values = {
      ...emptyApplicationValues(clerk, reference, '2026-11-30'),
      typeId: ids.typeFishery,
    };
    renderScreen(
      <ApplicationForm
        reference={reference}
        rules={[rule('', '10')]}
        defaultValues={values}
        onSubmit={async () => {}}
        onCancel={() => {}}
      />,
      { bridge: createFakeBridge({}) },
    );
    const count = screen.getByTestId('promoter-count');
    expect(count.textContent).toBe('1 of at least 10 promoters');

    const name1 = screen.getByLabelText('Name, promoter 1');
    await user.click(name1);
    await user.type(name1, 'Lalrinawma');
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByLabelText('Father’s / spouse’s name, promoter 1'),
    );
    await user.keyboard('{Alt>}p{/Alt}');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Name, promoter 2')),
    );
    await user.click(screen.getByRole('button', { name: /Add promoter/ }));
    expect(count.textContent).toBe('3 of at least 10 promoters');
    expect(screen.getAllByTestId('promoter-row')).toHaveLength(3);

    // The first row is the chief; choosing another moves the mark.
    const chief = (row: number) => screen.getByLabelText(`Chief promoter: row ${row}`);
    expect((chief(1) as HTMLInputElement).checked).toBe(true);
    await user.click(chief(3));
    expect((chief(1) as HTMLInputElement).checked).toBe(false);
    expect((chief(3) as HTMLInputElement).checked).toBe(true);

    // Removing the chief makes the first remaining row the chief.
    await user.click(screen.getByRole('button', { name: 'Remove promoter 3' }));
    expect(screen.getAllByTestId('promoter-row')).toHaveLength(2);
    expect((chief(1) as HTMLInputElement).checked).toBe(true);
    expect(count.textContent).toBe('2 of at least 10 promoters');

    // Shares and amounts add up as typed.
    const row1 = screen.getAllByTestId('promoter-row')[0]!;
    await user.type(within(row1).getByLabelText('Shares, promoter 1'), '10');
    await user.type(within(row1).getByLabelText('Paid (₹), promoter 1'), '1000');
    expect(screen.getByText('Total 10 shares, ₹1,000.00 paid')).toBeTruthy();
  });

  it('refuses to save with too few promoters and says how many are needed', async () => {
    const user = userEvent.setup();
    let saved = false;
    renderScreen(
      <ApplicationForm
        reference={reference}
        rules={[rule('', '10')]}
        defaultValues={{
          ...emptyApplicationValues(clerk, reference, '2026-11-30'),
          proposedName: 'Ṭuirial Fishery Cooperative Society Ltd.',
          typeId: ids.typeFishery,
          address: 'Durtlang',
          districtId: ids.aizawl,
          areaVillageIds: [ids.durtlang],
          shareCapitalPaise: '10,000.00',
          promoters: [
            {
              name: 'Lalrinawma',
              relationName: 'Thangzuala',
              age: '45',
              occupation: 'Fish farmer',
              address: 'Durtlang',
              shares: '10',
              amountPaidPaise: '1,000.00',
              isChief: true,
            },
          ],
        }}
        onSubmit={async () => {
          saved = true;
        }}
        onCancel={() => {}}
      />,
      { bridge: createFakeBridge({}) },
    );
    await user.click(screen.getByRole('button', { name: 'Record application' }));
    expect((await screen.findByTestId('promoters-problem')).textContent).toBe(
      'A fishery cooperative society needs at least 10 promoters; 1 is listed.',
    );
    expect(saved).toBe(false);
  });
});
