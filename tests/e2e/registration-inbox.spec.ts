import type { Locator, Page } from '@playwright/test';
import { receiveByApi } from './applications';
import { expect, test } from './fixtures';
import { loginAs, saveScreenshot } from './helpers';
import type { E2eRole } from './users';

// Issue #20's journey at 1366 × 768: an application waits in the registrar's inbox, cannot
// be approved before its scrutiny, is scrutinised by the clerk and approved by the
// registrar, and its full registration number stands on the register.
const NAME = 'Ṭhingsulṭhliah Venglai Poultry Cooperative Society Ltd.';

/** Whether the text of an element is cut off (ellipsed or clipped) in its box. */
async function isCutOff(element: Locator): Promise<boolean> {
  return element.evaluate(
    (node) => node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1,
  );
}

/** Signs the page in as another officer and opens a screen afresh (a hash change alone keeps the old session on screen). */
async function openAs(page: Page, role: E2eRole, path: string) {
  const user = await loginAs(page, role);
  await page.goto(path);
  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toHaveText(user.fullName);
}

let applicationId = '';
let ackNo = '';
let regNo = '';

test.describe.serial('an office day at 1366 × 768: from the inbox to the register', () => {
  test('the registrar finds the new application in the inbox, with its days left, and approval waits', async ({
    page,
  }) => {
    await openAs(page, 'clerk', '/');
    ({ id: applicationId, ackNo } = await receiveByApi(page, NAME));

    await openAs(page, 'registrar', '/#/approvals');
    await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
    await expect(page.getByText(/only.*clerks? propose/iu)).toHaveCount(0);
    const inbox = page.getByRole('table', { name: 'Applications for registration' });
    const row = inbox.getByRole('row').filter({ hasText: ackNo });
    await expect(row).toContainText(NAME);
    await expect(row).toContainText(/\d+ days? left/u);
    for (const cell of await row.getByRole('cell').all()) expect(await isCutOff(cell)).toBe(false);
    await saveScreenshot(page, 'registration-inbox-approvals-inbox');

    await row.getByRole('link', { name: NAME }).click();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    // Received, not yet scrutinised: nothing to approve.
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(page.getByText('Esc back')).toBeVisible();
    await expect(page.getByText(/Alt\+N add society/u)).toHaveCount(0);
    await saveScreenshot(page, 'registration-inbox-application-received');
  });

  test('the clerk scrutinises; the registrar sees what approval waits for, then approves', async ({
    page,
  }) => {
    test.slow();
    await openAs(page, 'clerk', `/#/applications/${applicationId}`);
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await page.getByRole('button', { name: 'Start scrutiny' }).click();
    await expect(page.getByText('Scrutiny started.')).toBeVisible();
    const checklist = page.getByTestId('checklist');
    const items = checklist.locator('[data-testid^="checklist-"]');
    const codes = await items.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-testid')!).filter((id) => id !== 'checklist-'),
    );
    // Every item but the last in order: approval must still wait for that one.
    for (const code of codes.slice(0, -1)) {
      await page.getByTestId(code).getByText('In order', { exact: true }).click();
    }
    await page.keyboard.press('Control+s');
    await expect(page.getByText('The checklist was saved.')).toBeVisible();

    await openAs(page, 'registrar', `/#/applications/${applicationId}`);
    await expect(
      page.getByText(/^Approval waits for the scrutiny: .+ is not yet checked\./u),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await saveScreenshot(page, 'registration-inbox-approval-waits');

    await openAs(page, 'clerk', `/#/applications/${applicationId}`);
    await page.getByTestId(codes.at(-1)!).getByText('In order', { exact: true }).click();
    await page.keyboard.press('Control+s');
    await expect(page.getByText('The checklist was saved.')).toBeVisible();

    await openAs(page, 'registrar', `/#/applications/${applicationId}`);
    await page.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the application' });
    await dialog.getByLabel(/^Your password/).fill('Registrar signs the orders');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const approved = page.getByTestId('approved');
    await expect(approved).toContainText(/Registered as RCS\/AIZ\/\d{4}-\d{2}\/\d{4}/u);
    regNo = /RCS\/AIZ\/\d{4}-\d{2}\/\d{4}/u.exec((await approved.textContent()) ?? '')![0];
    await saveScreenshot(page, 'registration-inbox-approved');
  });

  test('the register shows the full registration number, and the status line its own keys', async ({
    page,
  }) => {
    await openAs(page, 'clerk', '/');
    await expect(page.getByTestId('screen-hints')).toHaveText('/ search · Alt+N add society');
    await page.getByRole('searchbox').or(page.getByLabel('Search the register')).first().fill(NAME);
    const cell = page
      .getByRole('gridcell', { name: regNo })
      .or(page.getByText(regNo, { exact: true }));
    await expect(cell.first()).toBeVisible();
    expect(await isCutOff(cell.first())).toBe(false);
    const heading = page.getByRole('columnheader', { name: /Registered on/u });
    expect(await isCutOff(heading)).toBe(false);
    await saveScreenshot(page, 'registration-inbox-register');

    await page.keyboard.press('Alt+6');
    await expect(
      page.getByRole('heading', { name: 'Applications for registration' }),
    ).toBeVisible();
    await expect(page.getByTestId('screen-hints')).toHaveText('Alt+N new application');
  });
});
