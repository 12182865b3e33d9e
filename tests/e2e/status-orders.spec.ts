import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  findSociety,
  invoke,
  loginAs,
  RefusedError,
  saveScreenshot,
  signInOnScreen,
} from './helpers';

async function proposeNonFunctional(page: Page, orderRef: string) {
  await page.getByRole('button', { name: 'Propose status change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Propose a status change' });
  await expect(dialog).toBeVisible();
  // The cursor starts in the first field; only statuses an order may lead to are offered.
  const status = dialog.getByRole('combobox', { name: /^New status/ });
  await expect(status).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: 'Registered' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Non-functional' }).click();
  await dialog.getByLabel(/^Takes effect on/).fill('1/3/2025');
  await dialog.getByLabel(/^Order reference/).fill(orderRef);
  await dialog
    .getByLabel(/^Reason for the change/)
    .fill('No business for two years and no general body meeting since 2022.');
  return dialog;
}

test.describe.serial('a status order: the clerk proposes, a registrar decides', () => {
  let societyId = '';
  let societyName = '';

  test('a clerk proposes that a society be made non-functional', async ({ page }) => {
    await loginAs(page, 'clerk');
    const society = await findSociety(page, { officeCode: 'AIZ', status: 'functional', offset: 0 });
    societyId = society.id;
    societyName = society.name;
    await page.goto(`/#/societies/${society.id}`);
    await expect(page.getByRole('heading', { level: 1, name: society.name })).toBeVisible();

    const dialog = await proposeNonFunctional(page, 'ARCS/AZL/ORD/2025/E2E1');
    // Nothing is sent while a field is missing.
    await dialog.getByLabel(/^Order reference/).fill('');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    await expect(dialog.getByText('Enter the order reference.')).toBeVisible();
    await dialog.getByLabel(/^Order reference/).fill('ARCS/AZL/ORD/2025/E2E1');
    await saveScreenshot(page, 'propose-status');
    await dialog.getByLabel(/^Order reference/).press('Enter');

    await expect(dialog).toBeHidden();
    await expect(page.getByText('The status order was proposed.', { exact: false })).toBeVisible();
    const pending = page.getByTestId('pending-order');
    await expect(pending).toContainText('Functional → Non-functional from 01-03-2025');
    await expect(pending).toContainText('Lalthanga Sailo');
    // One order at a time: the button is gone while it waits.
    await expect(page.getByRole('button', { name: 'Propose status change' })).toHaveCount(0);
    await saveScreenshot(page, 'detail-pending-order');
  });

  test('a registrar of the office approves it with their password', async ({ page }) => {
    await page.goto('/');
    const registrar = await signInOnScreen(page, 'registrar');
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { name: 'Approvals' })).toBeVisible();
    const row = page.getByTestId('approval-row').filter({ hasText: societyName });
    await expect(row).toContainText('ARCS/AZL/ORD/2025/E2E1');
    await expect(row).toContainText('Lalthanga Sailo');
    await saveScreenshot(page, 'approvals');

    await row.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the status order' });
    const password = dialog.getByLabel(/^Your password/);
    await expect(password).toBeFocused();
    await password.fill('not my password');
    await password.press('Enter');
    await expect(dialog.getByText('Your password is wrong.')).toBeVisible();
    await password.fill(registrar.password);
    await saveScreenshot(page, 'approve-modal');
    await password.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Approved: ${societyName} is now non-functional.`)).toBeVisible();
    await expect(page.getByTestId('approval-row').filter({ hasText: societyName })).toHaveCount(0);

    await page.goto(`/#/societies/${societyId}`);
    const history = page.getByRole('table', { name: 'Status history' });
    const latest = history.getByRole('row').nth(1);
    await expect(latest).toContainText('Non-functional');
    await expect(latest).toContainText('Lalthanga Sailo');
    await expect(latest).toContainText(registrar.fullName);
    await expect(page.getByTestId('pending-order')).toHaveCount(0);
    await saveScreenshot(page, 'detail-after-approval');
  });

  test('a registrar cannot approve an order they proposed themselves', async ({ page }) => {
    const registrar = await loginAs(page, 'registrar');
    const society = await findSociety(page, { officeCode: 'AIZ', status: 'functional', offset: 1 });
    await page.goto(`/#/societies/${society.id}`);
    const dialog = await proposeNonFunctional(page, 'ARCS/AZL/ORD/2025/E2E2');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    await expect(dialog).toBeHidden();

    await page.keyboard.press('Alt+3');
    const row = page.getByTestId('approval-row').filter({ hasText: society.name });
    await expect(row).toContainText('You proposed this; another officer must decide.');
    await expect(row.getByRole('button')).toHaveCount(0);
    await saveScreenshot(page, 'approvals-own-proposal');

    // The backend refuses it whatever the screen shows.
    const orders = await invoke<{ id: string; societyId: string }[]>(page, 'statusOrders.list', {
      state: 'proposed',
    });
    const own = orders.find((order) => order.societyId === society.id);
    const refusal = await invoke(page, 'statusOrders.decide', {
      id: own?.id,
      decision: 'approve',
      note: null,
      password: registrar.password,
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RefusedError);
    expect((refusal as RefusedError).code).toBe('forbidden');
    expect((refusal as RefusedError).message).toContain('another officer');
  });
});
