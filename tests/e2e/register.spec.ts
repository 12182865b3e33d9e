import { expect, test } from './fixtures';
import { loginAs, openApp, openRegister, registerRows, saveScreenshot } from './helpers';

// The register is the dealing clerk's daily screen.
test.beforeEach(async ({ page }) => {
  await loginAs(page, 'clerk');
});

test.describe('the society register', () => {
  test('opens with the search box focused and the whole register listed', async ({ page }) => {
    await openRegister(page);
    await expect(
      page.getByRole('heading', { name: 'Cooperative Societies Registry' }),
    ).toBeVisible();
    await expect(page.getByText(/Government of Mizoram/)).toBeVisible();
    await expect(page.getByTestId('register-count')).toHaveText('300 societies');
    await expect(registerRows(page).first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toContainText(
      'Society register',
    );
    await saveScreenshot(page, 'register');
  });

  test('moves with the arrow keys and opens a society with Enter', async ({ page }) => {
    const search = await openRegister(page);
    // "/" brings the cursor back to the search box from anywhere on the list.
    await page.getByRole('grid', { name: 'Societies' }).focus();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
    const second = registerRows(page).nth(1);
    const name = (await second.locator('td').nth(1).locator('p').first().textContent()) ?? '';
    await page.keyboard.press('ArrowDown');
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('textbox', { name: 'Search the register' })).toBeVisible();
    await expect(registerRows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  });

  test('sorts by a column and filters by status', async ({ page }) => {
    await openRegister(page);
    await page.getByRole('button', { name: 'Registered on' }).click();
    await expect(page.getByRole('columnheader', { name: /Registered on/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    const first = await registerRows(page).first().locator('td').last().textContent();
    await page.getByRole('button', { name: /Registered on/ }).click();
    await expect(page.getByRole('columnheader', { name: /Registered on/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(registerRows(page).first().locator('td').last()).not.toHaveText(first ?? '');

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Deregistered' }).click();
    await expect(page.getByTestId('register-count')).toHaveText(/match these filters|No societies/);
  });

  test('scrolls through the whole register, fetching pages as it goes', async ({ page }) => {
    await openRegister(page);
    await page.getByRole('grid', { name: 'Societies' }).focus();
    await page.keyboard.press('End');
    const rows = page.getByRole('grid', { name: 'Societies' });
    await expect(rows).toHaveAttribute('aria-activedescendant', /society-register-row-/);
    await expect(rows.locator('tbody tr[aria-rowindex="301"]')).toBeVisible();
    await expect(rows.locator('tbody tr[aria-rowindex="301"][aria-busy]')).toHaveCount(0);
  });

  test('says when nothing matches, and clears the search', async ({ page }) => {
    const search = await openRegister(page);
    await search.fill('zzqx no such society');
    await expect(page.getByText('No societies match these filters')).toBeVisible();
    await saveScreenshot(page, 'register-empty');
    await page.getByRole('button', { name: 'Clear filters' }).last().click();
    await expect(page.getByTestId('register-count')).toHaveText('300 societies');
  });
});

test('reference data shows districts, offices, types and rules', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Reference data' })).toBeVisible();
  const districts = page.getByRole('tabpanel');
  await expect(districts.getByRole('row')).toHaveCount(12);
  await expect(districts.getByRole('cell', { name: 'Aizawl', exact: true })).toBeVisible();
  await saveScreenshot(page, 'reference-data');

  await page.getByRole('tab', { name: 'Offices' }).click();
  await expect(
    page
      .getByRole('tabpanel')
      .getByText(/Whole district/)
      .first(),
  ).toBeVisible();
  await saveScreenshot(page, 'reference-offices');

  await page.getByRole('tab', { name: 'Sectors & types' }).click();
  await expect(
    page.getByRole('tabpanel').getByRole('columnheader', { name: 'Min. promoters' }),
  ).toBeVisible();
  await saveScreenshot(page, 'reference-types');

  await page.getByRole('tab', { name: 'Rule parameters' }).click();
  await expect(
    page.getByRole('tabpanel').getByText('registration.min_promoters').first(),
  ).toBeVisible();
  await saveScreenshot(page, 'reference-rules');
});

test.describe('on a 1920×1080 screen', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the register and the add form use the width', async ({ page }) => {
    await openRegister(page);
    await expect(registerRows(page).first()).toBeVisible();
    await saveScreenshot(page, 'register-1920');
    await page.keyboard.press('Alt+N');
    await expect(
      page.getByRole('heading', { name: 'Add a society from the old records' }),
    ).toBeVisible();
    await saveScreenshot(page, 'add-form-1920');
  });
});
