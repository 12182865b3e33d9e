import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseByTyping, invoke, loginAs, openApp, saveScreenshot } from './helpers';
import { e2eUsers, type E2eRole } from './users';

// Audits (issue #6): the audit officer gives a society to an auditor; the auditor records
// the report (saved as typed), a defect, and submits; the officer accepts and prints the
// certificate with its memo; the defect is followed to verified and the fee received.

/** The text of a PDF the app served. */
function pdfText(bytes: Buffer): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'audit-pdf-'));
  try {
    const file = join(dir, 'certificate.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return {
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      pages: Number(/Pages:\s+(\d+)/u.exec(info)?.[1]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Another officer sits down at the same browser: a fresh page load under their session. */
async function switchTo(page: Page, role: E2eRole, path: string) {
  await invoke(page, 'auth.logout');
  const user = await loginAs(page, role);
  await page.goto(path);
  // Going to the same address with another #hash does not load the page again.
  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toHaveText(user.fullName);
}

test.describe.serial('an audit from the programme to the certificate', () => {
  let societyName = '';
  let auditPath = '';

  test('the audit officer gives a society to an auditor', async ({ page }) => {
    await loginAs(page, 'registrar');
    await openApp(page, '/');
    await page.keyboard.press('Alt+0');
    await expect(page.getByRole('heading', { level: 1, name: 'Audits' })).toBeVisible();
    const counts = page.getByTestId('audit-counts');
    await expect(counts).toContainText(/\d+\s*Not programmed/u);
    await counts.getByRole('button', { name: /Not programmed/u }).click();
    const row = page.getByTestId('audit-row').first();
    await expect(row).toContainText('Not programmed');
    societyName = (await row.getByRole('link').textContent()) ?? '';
    await row.getByRole('checkbox').check();
    await saveScreenshot(page, 'audit-register-programme');
    await page.getByRole('button', { name: 'Give 1 society to an auditor…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Give societies to an auditor' });
    await expect(dialog).toContainText('1 society will be audited for');
    // Without an auditor nothing is given.
    await dialog.getByRole('button', { name: 'Give to the auditor' }).click();
    await expect(dialog.getByText('Choose the auditor.')).toBeVisible();
    await chooseByTyping(page, dialog.getByRole('combobox', { name: 'Auditor' }), 'Lalduhawma');
    await dialog.getByText('Panel (CA) auditor').click();
    await expect(dialog.getByRole('radio', { name: 'Panel (CA) auditor' })).toBeChecked();
    await dialog.getByRole('button', { name: 'Give to the auditor' }).click();
    await expect(page.getByText(/1 society was given to the auditor/u)).toBeVisible();
    await counts.getByRole('button', { name: /Planned/u }).click();
    await expect(page.getByTestId('audit-row').filter({ hasText: societyName })).toContainText(
      e2eUsers.auditor.fullName,
    );
  });

  test('the auditor writes the report offline-style, saved as typed, and submits it', async ({
    page,
  }) => {
    test.slow();
    await loginAs(page, 'auditor');
    await openApp(page, '/#/audits');
    await expect(page.getByRole('radio', { name: 'My audits' })).toBeChecked();
    const mine = page.getByTestId('my-audit-row').filter({ hasText: societyName });
    await expect(mine).toContainText('Planned');
    await saveScreenshot(page, 'my-audits');
    await mine.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: societyName })).toBeVisible();
    auditPath = new URL(page.url()).hash.slice(1);

    await page.getByLabel('Began on').fill('05-10-2026');
    await page.getByLabel('Ended on').fill('09-10-2026');
    // Every criterion of the society type's rubric, at about two-thirds of its marks.
    const classification = page.getByRole('table', { name: 'Classification' });
    const criteria = classification.locator('tbody tr');
    const count = await criteria.count();
    expect(count).toBeGreaterThan(3);
    let total = 0;
    let max = 0;
    for (let index = 0; index < count; index += 1) {
      const rowMax = Number(await criteria.nth(index).locator('td').nth(1).textContent());
      const marks = Math.ceil((rowMax * 2) / 3);
      total += marks;
      max += rowMax;
      await criteria.nth(index).getByRole('textbox').fill(String(marks));
    }
    const line = page.getByTestId('grade-line');
    await expect(line).toContainText(`${total} of ${max} marks`);
    await expect(line).toContainText('Class A');
    // Marks above the maximum are pointed out and not saved.
    await criteria.first().getByRole('textbox').fill('99');
    await expect(page.getByText(/^At most \d+ marks\.$/u)).toBeVisible();
    await expect(page.getByTestId('save-state')).toContainText('correct the marked fields');
    const firstMax = Number(await criteria.first().locator('td').nth(1).textContent());
    await criteria
      .first()
      .getByRole('textbox')
      .fill(String(Math.ceil((firstMax * 2) / 3)));

    await page.getByLabel('Share capital', { exact: true }).fill('2,50,000');
    await page.getByLabel('Cash and bank balances', { exact: true }).fill('1,00,000');
    await expect(page.getByTestId('balance-check')).toContainText('differ by ₹1,50,000.00');
    await page.getByLabel('Fixed assets (net)', { exact: true }).fill('1,50,000');
    await expect(page.getByTestId('balance-check')).toContainText('The balance sheet balances.');
    await page
      .getByRole('textbox', { name: 'General remarks' })
      .fill(
        'Books written up to 31-03-2026. Cash counted at the Ṭhutmun office and found correct.',
      );
    await expect(page.getByTestId('save-state')).toContainText('Saved on this computer at');
    await saveScreenshot(page, 'audit-report');

    // A defect, with the rectification date the rule gives.
    await page.getByRole('button', { name: 'Add an observation or defect…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Observation or defect' });
    await chooseByTyping(page, dialog.getByRole('combobox', { name: 'Category' }), 'Cash');
    await dialog
      .getByLabel('What was found')
      .fill('Cash book not written up from January to March; ₹12,500 unaccounted at Ṭhutmun.');
    await dialog.getByLabel('Amount involved').fill('12500');
    await dialog
      .getByLabel('Recommendation')
      .fill('Write up the cash book and recover the shortfall from the cashier.');
    await expect(dialog.getByLabel('To be rectified by')).not.toHaveValue('');
    await saveScreenshot(page, 'audit-defect');
    await dialog.getByRole('button', { name: 'Add to the report' }).click();
    await expect(page.getByText('The observation was added to the report.')).toBeVisible();
    await expect(page.getByTestId('observation')).toContainText('Para 1');

    // A reload (a power cut, a closed lid) loses nothing that was typed.
    await page.reload();
    await expect(page.getByLabel('Began on')).toHaveValue('05-10-2026');
    await expect(page.getByLabel('Share capital', { exact: true })).toHaveValue('2,50,000.00');
    await expect(page.getByTestId('grade-line')).toContainText(`${total} of ${max} marks`);

    await page.getByRole('button', { name: 'Submit the report' }).click();
    await expect(page.getByText(/The report was submitted to the audit officer/u)).toBeVisible();
    // Submitted, the report reads as accounts, no longer as a form.
    await expect(page.getByLabel('Share capital', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Liabilities' })).toContainText('₹2,50,000.00');
  });

  test('the audit officer accepts it and prints the certificate with the memo', async ({
    page,
  }) => {
    await loginAs(page, 'registrar');
    await openApp(page, `/#${auditPath}`);
    await expect(page.getByRole('heading', { level: 1, name: societyName })).toBeVisible();
    await page.getByRole('button', { name: 'Accept…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept the audit report' });
    await dialog.getByLabel('Your password').fill(e2eUsers.registrar.password);
    await dialog.getByRole('button', { name: 'Accept and issue the certificate' }).click();
    await expect(page.getByText(/certificate AC\/AIZ\/\d{4}-\d{2}\/\d{6} issued/u)).toBeVisible();
    await saveScreenshot(page, 'audit-accepted');

    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Print certificate and memo' }).click();
    const viewer = await popup;
    const pdf = pdfText(await (await page.request.get(viewer.url())).body());
    await viewer.close();
    expect(pdf.pages).toBe(2);
    expect(pdf.text).toContain('AUDIT CERTIFICATE');
    expect(pdf.text).toMatch(/Class A/u);
    expect(pdf.text).toContain('Para 1');
    expect(pdf.text).toContain('Ṭhutmun');
  });

  test('the defect is followed to verified, and the fee received with a receipt', async ({
    page,
  }) => {
    await loginAs(page, 'clerk');
    await openApp(page, `/#${auditPath}`);
    const defect = page.getByTestId('observation');
    await defect.getByRole('button', { name: 'Record reply…' }).click();
    let dialog = page.getByRole('dialog', { name: /The society’s reply on para 1/u });
    await dialog
      .getByLabel('What the society says it did')
      .fill('Cash book written up; ₹12,500 recovered from the cashier on 20-11-2026.');
    await dialog.getByRole('button', { name: 'Record the reply' }).click();
    await expect(defect).toContainText('Reply received');
    // A clerk records the reply; verifying it is for a registrar or an inspector.
    await expect(defect.getByRole('button', { name: 'Verified rectified…' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Receive the fee…' }).click();
    dialog = page.getByRole('dialog', { name: 'Receive the audit fee' });
    await dialog.getByRole('button', { name: 'Record and print the receipt' }).click();
    await expect(page.getByTestId('receipt-no')).toHaveText(/^AFR\/AIZ\/\d{4}-\d{2}\/\d{4}$/u);
    await expect(page.getByTestId('fee-receipt')).toContainText(societyName);
    await saveScreenshot(page, 'audit-fee-receipt');

    await switchTo(page, 'registrar', `/#${auditPath}`);
    await defect.getByRole('button', { name: 'Verified rectified…' }).click();
    dialog = page.getByRole('dialog', { name: /Verify para 1 as rectified/u });
    await dialog.getByLabel('What was seen').fill('Cash book and the recovery receipt seen.');
    await dialog.getByRole('button', { name: 'Record as rectified' }).click();
    await expect(page.getByText('Para 1 was verified as rectified.')).toBeVisible();
    await expect(defect).toContainText('Rectified');
    await expect(defect).toContainText(e2eUsers.registrar.fullName);
    await saveScreenshot(page, 'audit-defect-verified');

    // The society's own page lists its audits year by year.
    await page.getByRole('link', { name: 'Open the society' }).click();
    await page.getByRole('tab', { name: 'Audits' }).click();
    await expect(page.getByTestId('society-audits').locator('tbody tr').first()).toContainText(
      'Class A',
    );
    await saveScreenshot(page, 'society-audits');
  });

  test('grades, overdue defects and rubrics are there to read', async ({ page }) => {
    await loginAs(page, 'registrar');
    await openApp(page, '/#/audits?view=grades');
    await expect(page.getByRole('table', { name: 'By district' })).toContainText('Class A');
    await saveScreenshot(page, 'audit-grades');
    await page.getByText('Overdue defects', { exact: true }).click();
    await expect(page.getByText(/No defect is overdue|defects? overdue/u).first()).toBeVisible();
    await saveScreenshot(page, 'audit-overdue-defects');

    await switchTo(page, 'administrator', '/#/reference?tab=rubrics');
    const rubrics = page.getByTestId('rubric');
    await expect(rubrics.first()).toContainText('Every type without its own rubric');
    await expect(rubrics.filter({ hasText: 'Graded 1 audit' })).toHaveCount(1);
    await saveScreenshot(page, 'audit-rubrics');
    await page.getByRole('button', { name: 'Add a rubric…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an audit rubric' });
    await dialog
      .getByRole('textbox', { name: 'Criterion 1', exact: true })
      .fill('Recovery of loans');
    await dialog.getByRole('textbox', { name: 'Maximum marks of criterion 1' }).fill('60');
    await dialog.getByRole('button', { name: '+ Add a criterion' }).click();
    await dialog
      .getByRole('textbox', { name: 'Criterion 2', exact: true })
      .fill('Books of account');
    await dialog.getByRole('textbox', { name: 'Maximum marks of criterion 2' }).fill('40');
    await expect(dialog).toContainText('Total 100 marks');
    await dialog.getByLabel('Class B from').fill('70');
    await dialog.getByRole('button', { name: 'Save the rubric' }).click();
    await expect(dialog).toContainText('The cut-offs must rise from C to B to A');
    await dialog.getByLabel('Class B from').fill('45');
    const scope = dialog.getByRole('combobox', { name: 'For society type' });
    await scope.fill('');
    await chooseByTyping(page, scope, 'Dairy');
    await saveScreenshot(page, 'audit-rubric-editor');
    await dialog.getByRole('button', { name: 'Save the rubric' }).click();
    await expect(page.getByText('The rubric was added.')).toBeVisible();
    await expect(rubrics.filter({ hasText: 'Recovery of loans' }).first()).toBeVisible();
  });
});
