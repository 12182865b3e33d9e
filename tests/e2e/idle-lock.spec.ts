import { expect, test } from './fixtures';
import { loginAs, saveScreenshot } from './helpers';

const TYPED = 'Half-typed Zemabawk Dairy Cooperative Society';

test('the screen locks after 10 idle minutes and keeps the half-filled form', async ({ page }) => {
  // The page's clock is ours from the start, so the idle timer runs on it.
  await page.clock.install();
  const clerk = await loginAs(page, 'clerk');
  await page.goto('/#/societies/new');
  const name = page.getByLabel(/^Registered name/);
  await expect(name).toBeFocused();
  await page.keyboard.type(TYPED);
  await page.getByLabel(/^Registration number/).fill('RCS/AZL/2020-21/IDLE');

  await page.clock.fastForward('11:00');
  const lock = page.getByRole('dialog', { name: 'The screen is locked' });
  await expect(lock).toBeVisible();
  await expect(lock.getByLabel('Password', { exact: true })).toBeFocused();
  await saveScreenshot(page, 'lock-overlay');

  // A wrong password is refused; the right one unlocks.
  await page.keyboard.type('not my password');
  await page.keyboard.press('Enter');
  await expect(lock.getByRole('alert')).toContainText('wrong');
  await page.keyboard.type(clerk.password);
  await page.keyboard.press('Enter');
  await expect(lock).toBeHidden();
  await expect(name).toHaveValue(TYPED);
  await expect(page.getByLabel(/^Registration number/)).toHaveValue('RCS/AZL/2020-21/IDLE');

  // The header's Lock button locks at once, too.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(lock).toBeVisible();
  await lock.getByLabel('Password', { exact: true }).fill(clerk.password);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toBeHidden();
  await expect(name).toHaveValue(TYPED);
});
