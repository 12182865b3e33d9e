import { expect, test } from './fixtures';
import { loginAs, openApp, saveScreenshot } from './helpers';

const NEW_USER = {
  username: 'inspector.aiz',
  fullName: 'Lalduhawma Chhangte',
  temporary: 'Temporary for the inspector',
  password: 'Inspector chooses his own',
};

test.describe.serial('the administrator', () => {
  test('adds a user with a temporary password', async ({ page }) => {
    await loginAs(page, 'administrator');
    await openApp(page);
    await page.keyboard.press('Alt+4');
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Users' });
    await expect(table.getByRole('row').filter({ hasText: 'Zothanpuii Ralte' })).toContainText(
      'Registrar (approving officer)',
    );
    await saveScreenshot(page, 'users');

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a user' });
    await expect(dialog.getByLabel(/^Full name/)).toBeFocused();
    // A short password is refused with a reason before anything is sent.
    await page.keyboard.type(NEW_USER.fullName);
    await dialog.getByLabel(/^User name/).fill(NEW_USER.username);
    await dialog.getByRole('combobox', { name: /^Role/ }).click();
    await page.getByRole('option', { name: 'Inspector' }).click();
    await dialog.getByRole('combobox', { name: /^Office/ }).click();
    await page.getByRole('option', { name: 'ARCS Aizawl' }).click();
    await dialog.getByLabel(/^Temporary password/).fill('short');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog.getByText(/A password needs at least 10 characters/)).toBeVisible();
    await dialog.getByLabel(/^Temporary password/).fill(NEW_USER.temporary);
    await saveScreenshot(page, 'users-add');
    await dialog.getByLabel(/^Temporary password/).press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${NEW_USER.fullName} was added.`, { exact: false })).toBeVisible();
    const row = table.getByRole('row').filter({ hasText: NEW_USER.fullName });
    await expect(row).toContainText('Inspector');
    await expect(row).toContainText('Temporary');
    await expect(row).toContainText('Never');
  });

  test('runs "Verify the record of changes" and sees it intact', async ({ page }) => {
    await loginAs(page, 'administrator');
    await page.goto('/#/changes');
    await expect(page.getByRole('heading', { name: 'Record of changes' })).toBeVisible();
    const entries = page.getByRole('list', { name: 'Record of changes' });
    // Newest first: the user just added.
    await expect(entries.getByRole('listitem').first()).toContainText(
      /Set a password|Added a user/,
    );
    await page.getByRole('button', { name: 'Verify the record of changes' }).click();
    await expect(page.getByTestId('verify-result')).toContainText(
      /The record of changes is intact up to entry [\d,]+ \(checked [\d,]+ entries in [\d,]+ ms\)\./,
    );
    await page.getByRole('combobox', { name: 'Kind of record' }).click();
    await page.getByRole('option', { name: 'User', exact: true }).click();
    await expect(entries.getByRole('listitem').first()).toContainText('User');
    await saveScreenshot(page, 'record-of-changes');
  });

  test('the new user must choose their own password at first sign-in', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('User name').fill(NEW_USER.username);
    await page.getByLabel('Password', { exact: true }).fill(NEW_USER.temporary);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
    await expect(page.getByLabel(/^Temporary \(current\) password/)).toBeFocused();
    await page.keyboard.type(NEW_USER.temporary);
    await page.getByLabel(/^New password/).fill(NEW_USER.password);
    await page.getByLabel(/^Repeat the new password/).fill('Something else entirely');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
    await saveScreenshot(page, 'change-password');
    await page.getByLabel(/^Repeat the new password/).fill(NEW_USER.password);
    await page.getByLabel(/^Repeat the new password/).press('Enter');
    await expect(page.getByTestId('signed-in-user')).toHaveText(NEW_USER.fullName);
    await expect(page.getByRole('banner')).toContainText('Inspector · ARCS Aizawl');
  });
});
