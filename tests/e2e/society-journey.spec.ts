import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  chooseByTyping,
  fieldError,
  loginAs,
  openRegister,
  registerRows,
  saveScreenshot,
} from './helpers';

// Ṭhutmun is also a village in the demo data, so the name carries a second, rarer word.
const NAME = 'Ṭhutmun Ṭuikhur Fishery Cooperative Society Ltd.';
const NEW_NAME = 'Ṭhutmun Ṭuikhur Fish Farmers Cooperative Society Ltd.';
const REG_NO = 'RCS/AZL/2019-20/E2E1';

async function search(page: Page, text: string) {
  const box = await openRegister(page);
  await box.fill(text);
  return box;
}

test.describe.serial('a legacy society from paper to register', () => {
  // Adding and correcting legacy records is the dealing clerk's work.
  test.beforeEach(async ({ page }) => {
    await loginAs(page, 'clerk');
  });

  test('is added from the keyboard alone', async ({ page }) => {
    await openRegister(page);
    await page.keyboard.press('Alt+N');
    await expect(
      page.getByRole('heading', { name: 'Add a society from the old records' }),
    ).toBeVisible();

    // The name field has the cursor; Tab walks the form in reading order.
    await expect(page.getByLabel(/^Registered name/)).toBeFocused();
    await page.keyboard.type(NAME);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Mizo name/)).toBeFocused();
    await page.keyboard.type('Ṭhutmun Sangha Vulh Cooperative Society');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Registration number/)).toBeFocused();
    await page.keyboard.type(REG_NO);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Date of registration/)).toBeFocused();
    // Day first, as the paper register has it.
    await page.keyboard.type('14/8/2019');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Date of registration/)).toHaveValue('14-08-2019');

    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^Type of society/ }),
      'Fish',
      /Fish/,
    );
    await expect(page.getByRole('combobox', { name: /^Tier/ })).not.toHaveValue('');
    await page.getByLabel(/^Registered address/).focus();
    await page.keyboard.type('Ṭhutmun veng, Durtlang');
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^District/ }),
      'Aizawl',
      /^Aizawl$/,
    );
    await chooseByTyping(page, page.getByRole('combobox', { name: /^Village \// }), 'D');
    await page.getByRole('combobox', { name: /^Registrar office/ }).focus();
    await expect(page.getByRole('listbox')).toContainText('Covering Aizawl');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: /^Registrar office/ })).not.toHaveValue('');
    await page.getByLabel(/^Authorised share capital/).focus();
    await page.keyboard.type('500000');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Authorised share capital/)).toHaveValue('5,00,000.00');
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^Current status/ }),
      'Functional',
      /^Functional$/,
    );
    await page.getByLabel(/^Phone/).focus();
    await page.keyboard.type('0389 2345678');

    await page.keyboard.press('Enter');
    await expect(page.getByText('The society was added to the register.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByText('₹5,00,000.00')).toBeVisible();
    await expect(page.getByText('14-08-2019').first()).toBeVisible();
    await saveScreenshot(page, 'detail');
  });

  test('is found typed without ṭ, and with a backslash for ṭ', async ({ page }) => {
    await search(page, 'thutmun');
    await expect(page.getByTestId('register-count')).toHaveText(/^\d+ match(es)?$/);
    await expect(registerRows(page).filter({ hasText: NAME })).toHaveCount(1);

    await search(page, '\\hutmun');
    await expect(registerRows(page).filter({ hasText: NAME })).toHaveCount(1);
    await saveScreenshot(page, 'register-search');

    await search(page, 'thutmun tuikhur');
    await expect(page.getByTestId('register-count')).toHaveText('1 match');
    await search(page, '\\hutmun \\uikhur');
    await expect(page.getByTestId('register-count')).toHaveText('1 match');
    await expect(registerRows(page).first()).toContainText(NAME);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  });

  test('is edited: a new phone number, and a new name kept in the name history', async ({
    page,
  }) => {
    await search(page, 'thutmun tuikhur');
    await expect(page.getByTestId('register-count')).toHaveText('1 match');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await page.keyboard.press('Alt+E');
    await expect(page.getByRole('heading', { name: `Edit ${NAME}` })).toBeVisible();

    await page.getByLabel(/^Phone/).fill('98620 12345');
    await page.getByLabel(/^Registered name/).fill(NEW_NAME);
    const reason = page.getByLabel(/^Reason for the change of name/);
    await expect(reason).toBeVisible();
    await reason.fill('Renamed by the general body, resolution of 12-03-2025');
    await saveScreenshot(page, 'edit');

    await reason.press('Enter');
    await expect(page.getByText('Your changes were saved.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: NEW_NAME })).toBeVisible();
    await expect(page.getByText('98620 12345')).toBeVisible();
    const history = page.getByRole('table', { name: 'Name history' });
    await expect(history).toContainText(NAME);
    await expect(history).toContainText('Renamed by the general body');
    await saveScreenshot(page, 'detail-after-edit');
  });

  test('is refused when the entry is wrong, and nothing is saved', async ({ page }) => {
    await openRegister(page);
    await page.keyboard.press('Alt+N');
    await page
      .getByLabel(/^Registered name/)
      .fill('Ṭhutmun Second Ṭuikhur Fishery Cooperative Society Ltd.');
    await page.getByLabel(/^Registration number/).fill(REG_NO);
    await page.getByLabel(/^Date of registration/).fill('01-01-2099');
    // The future date is pointed out as soon as it is complete.
    await expect(fieldError(page, /^Date of registration/)).toHaveText(
      'The date of registration cannot be in the future.',
    );
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^Type of society/ }),
      'Fish',
      /Fish/,
    );
    await page.getByLabel(/^Registered address/).fill('Durtlang');
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^Current status/ }),
      'Functional',
      /^Functional$/,
    );

    await page.getByRole('button', { name: 'Add to register' }).click();
    await expect(fieldError(page, /^District/)).toHaveText('Choose the district.');
    await expect(fieldError(page, /^Date of registration/)).toHaveText(
      'The date of registration cannot be in the future.',
    );
    await expect(page.getByLabel(/^Date of registration/)).toBeFocused();
    await saveScreenshot(page, 'add-form-errors');

    // Put right what the form can check; the register itself refuses the number.
    await page.getByLabel(/^Date of registration/).fill('15-01-2020');
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^District/ }),
      'Aizawl',
      /^Aizawl$/,
    );
    await page.getByRole('combobox', { name: /^Registrar office/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add to register' }).click();
    await expect(fieldError(page, /^Registration number/)).toContainText(REG_NO);
    await expect(fieldError(page, /^Registration number/)).toContainText(/already/);
    await expect(page.getByLabel(/^Registered name/)).toHaveValue(
      'Ṭhutmun Second Ṭuikhur Fishery Cooperative Society Ltd.',
    );
    await saveScreenshot(page, 'add-form-refused');

    // Leaving the form with changes asks first.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Discard your changes?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await saveScreenshot(page, 'add-form-unsaved-changes');
    await page.getByRole('button', { name: 'Discard changes' }).click();

    // Nothing was saved: the number still finds only the original, and the refused name nothing.
    await search(page, REG_NO);
    await expect(page.getByTestId('register-count')).toHaveText('1 match');
    await expect(registerRows(page)).toHaveCount(1);
    await expect(registerRows(page).first()).toContainText(NEW_NAME);
    await search(page, 'thutmun second');
    await expect(page.getByText('No societies match these filters')).toBeVisible();
  });
});
