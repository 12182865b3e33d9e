import { expect, test } from './fixtures';
import { findSociety, invoke, loginAs, RefusedError, saveScreenshot } from './helpers';

test.describe('each role sees only its own work', () => {
  test('a clerk has no Approvals, Users or Record of changes, and cannot reach them', async ({
    page,
  }) => {
    const clerk = await loginAs(page, 'clerk');
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: /Society register/ })).toBeVisible();
    await expect(nav.getByRole('link', { name: /Reference data/ })).toBeVisible();
    for (const hidden of [/Approvals/, /Users/, /Record of changes/]) {
      await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0);
    }
    // The header says who is signed in, in which role and office.
    const header = page.getByRole('banner');
    await expect(header).toContainText(clerk.fullName);
    await expect(header).toContainText('Dealing clerk · ARCS Aizawl');

    // Typing the address does not open the screen either, and the backend refuses the request.
    await page.goto('/#/approvals');
    await expect(page.getByRole('alert')).toContainText('does not include this screen');
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await saveScreenshot(page, 'clerk-no-approvals');
    const refusal = await invoke(page, 'statusOrders.decide', {
      id: '00000000-0000-4000-8000-000000000000',
      decision: 'approve',
      note: null,
      password: clerk.password,
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RefusedError);
    expect((refusal as RefusedError).code).toBe('forbidden');

    // A society shows the clerk's own actions only: edit and propose, no approval.
    const society = await findSociety(page, { officeCode: 'AIZ', status: 'functional', offset: 9 });
    await page.goto(`/#/societies/${society.id}`);
    await expect(page.getByRole('heading', { level: 1, name: society.name })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Propose status change' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Approve/ })).toHaveCount(0);
  });

  test('the administrator sees Users and Record of changes but cannot add societies', async ({
    page,
  }) => {
    await loginAs(page, 'administrator');
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: /Users/ })).toBeVisible();
    await expect(nav.getByRole('link', { name: /Record of changes/ })).toBeVisible();
    await expect(nav.getByRole('link', { name: /Approvals/ })).toHaveCount(0);
    await expect(page.getByTestId('register-count')).toHaveText(/societ/);
    await expect(page.getByRole('button', { name: 'Add society' })).toHaveCount(0);
  });
});
