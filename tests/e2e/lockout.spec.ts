import { expect, test } from './fixtures';
import { saveScreenshot } from './helpers';
import { e2eUsers } from './users';

// A user of its own, so the wait it ends in holds up no other test.
const user = e2eUsers.lockout;

test('after 5 wrong passwords the account waits before the next try', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('User name')).toBeFocused();
  await saveScreenshot(page, 'login');

  const password = page.getByLabel('Password', { exact: true });
  const refusal = page.getByTestId('login-refusal');
  await page.getByLabel('User name').fill(user.username);
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await password.fill(`Wrong guess number ${attempt}`);
    await password.press('Enter');
    await expect(refusal).toContainText('The user name or password is wrong.');
    // The password is cleared and has the cursor for the next try.
    await expect(password).toHaveValue('');
    await expect(password).toBeFocused();
  }
  await expect(refusal).toContainText('One more wrong try');
  await password.fill('Wrong guess number 5');
  await password.press('Enter');
  await expect(refusal).toContainText(/Too many wrong passwords\. This account waits \d+ seconds/);
  await saveScreenshot(page, 'login-waiting');

  // Even the right password waits now.
  await password.fill(user.password);
  await password.press('Enter');
  await expect(refusal).toContainText('Too many wrong passwords');
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
});
