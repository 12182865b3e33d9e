import { expect, test } from './fixtures';
import { findSociety, loginAs, saveScreenshot } from './helpers';

test('the History tab shows an edit by the clerk with old and new values', async ({ page }) => {
  const clerk = await loginAs(page, 'clerk');
  const society = await findSociety(page, { officeCode: 'AIZ', status: 'functional', offset: 3 });
  await page.goto(`/#/societies/${society.id}`);
  await expect(page.getByRole('heading', { level: 1, name: society.name })).toBeVisible();

  await page.keyboard.press('Alt+E');
  const oldPhone = await page.getByLabel(/^Phone/).inputValue();
  await page.getByLabel(/^Phone/).fill('98620 55555');
  await page.getByLabel(/^Authorised share capital/).fill('7,50,000');
  await page.getByLabel(/^Phone/).press('Enter');
  await expect(page.getByText('Your changes were saved.')).toBeVisible();

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'History' });
  const latest = history.getByRole('listitem').first();
  await expect(latest).toContainText('Corrected the master record');
  await expect(latest).toContainText(clerk.fullName);
  await expect(latest).toContainText('Dealing clerk');
  await expect(latest).toContainText('ARCS Aizawl');
  const phoneRow = latest.getByRole('row').filter({ hasText: 'Phone' });
  await expect(phoneRow).toContainText('98620 55555');
  if (oldPhone) await expect(phoneRow).toContainText(oldPhone);
  await expect(
    latest.getByRole('row').filter({ hasText: 'Authorised share capital' }),
  ).toContainText('₹7,50,000.00');
  // The entry the register started with is at the bottom.
  await expect(history.getByRole('listitem').last()).toContainText(
    'Added the society to the register',
  );
  await saveScreenshot(page, 'history-tab');
});
