import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { loginAs, openApp, saveScreenshot } from './helpers';
import { e2eUsers } from './users';

// Annual returns (issue #5): a secretary files at the counter, the clerk accepts, the
// acknowledgement prints; defaulter notices for an office come out as one PDF.

/** How many pages a PDF the app served has. */
function pdfPages(bytes: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'notices-'));
  try {
    const file = join(dir, 'notices.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/u.exec(info)?.[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe.serial('annual returns at the counter', () => {
  let societyName = '';

  test('a secretary files at the counter, reaching nothing else, and the clerk accepts', async ({
    page,
  }) => {
    test.slow();
    await loginAs(page, 'clerk');
    await openApp(page, '/');
    await page.keyboard.press('Alt+9');
    await expect(page.getByRole('heading', { level: 1, name: 'Annual returns' })).toBeVisible();
    const counts = page.getByTestId('return-counts');
    await expect(counts).toContainText(/\d+\s*Overdue/u);
    await saveScreenshot(page, 'returns-register');

    await counts.getByRole('button', { name: /Overdue/u }).click();
    const first = page.getByTestId('return-row').first();
    await expect(first).toContainText('Overdue');
    societyName = (await first.getByRole('link').textContent()) ?? '';
    await first.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: societyName })).toBeVisible();
    await expect(page.getByText(/days late, with a late fee of ₹/u)).toBeVisible();
    await page.getByRole('button', { name: 'Open the counter for the secretary' }).click();

    // Counter mode: the return and nothing else.
    await expect(page.getByText('Counter filing')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
    await page.keyboard.press('Alt+1');
    await expect(page.getByRole('heading', { name: /Annual return \d{4}-\d{2}/u })).toBeVisible();
    await expect(page.getByLabel(/^Annual report of activities/)).toBeFocused();
    await page.keyboard.type(
      'Fish seed distributed to members; the Ṭuirial pond was deepened; fish sold at Bara Bazar.',
    );
    await page.getByLabel('The audited accounts of the year are attached').check();
    await page.getByLabel(/^Date of the annual general meeting/).fill('14-06-2026');
    await page.getByLabel(/^Men/).fill('30');
    await page.getByLabel(/^Women/).fill('10');
    await page.getByLabel(/^Transgender/).fill('0');
    await page.getByLabel(/^Total members/).fill('42');
    await page.getByLabel(/^Scheduled Castes/).click();
    // The mismatch is said under the total as soon as the figures are typed.
    await expect(
      page.getByText('Men, women and transgender members add up to 40, not 42.'),
    ).toBeVisible();
    await expect(page.getByTestId('sum-membersOther')).toHaveText(
      'Men, women and transgender members add up to 40, not 42.',
    );
    await page.getByLabel(/^Women/).fill('12');
    await expect(
      page.getByText('Men, women and transgender members add up to 40, not 42.'),
    ).toBeHidden();
    await page.getByLabel(/^Scheduled Castes/).fill('0');
    await page.getByLabel(/^Scheduled Tribes/).fill('42');
    await page.getByLabel(/^OBC/).fill('0');
    await page.getByLabel(/^General/).fill('0');
    await page.getByLabel(/^Employees/).fill('2');
    const amounts: [RegExp, string][] = [
      [/^Paid-up share capital/, '420000'],
      [/^of which government share/, '100000'],
      [/^Reserves/, '55000'],
      [/^Deposits/, '0'],
      [/^Borrowings/, '200000'],
      [/^Loans outstanding/, '0'],
      [/^Turnover/, '1234567'],
      [/^Total assets/, '-875000'],
    ];
    for (const [label, value] of amounts) await page.getByLabel(label).fill(value);
    await page.getByText('Loss', { exact: true }).click();
    await page.getByRole('textbox', { name: /^Profit or loss for the year/ }).fill('15000');
    await page.getByLabel(/^Your full name/).fill('Lalṭhangliana Hmar');
    await page.getByRole('button', { name: 'File the return' }).click();
    // Negative assets are refused with the reason; nothing is filed.
    await expect(page.getByText('The total assets cannot be negative.')).toBeVisible();
    await page.getByLabel(/^Total assets/).fill('875000');
    await page.getByLabel(/^Turnover/).click();
    await expect(page.getByLabel(/^Turnover/)).toHaveValue('12,34,567.00');
    await saveScreenshot(page, 'counter-return-form');
    await page.getByRole('button', { name: 'File the return' }).click();

    const ack = page.getByTestId('return-acknowledgement');
    await expect(page.getByText('The return was filed')).toBeVisible();
    await expect(ack.getByTestId('return-ack-no')).toHaveText(/^RET\/AIZ\/\d{4}-\d{2}\/\d{4}$/u);
    await expect(ack).toContainText(societyName);
    await expect(ack).toContainText('Lalṭhangliana Hmar, Secretary');
    await saveScreenshot(page, 'counter-acknowledgement');
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'counter-acknowledgement-print');
    await page.emulateMedia({ media: 'screen' });

    // An address typed at the counter leads nowhere; the clerk comes back to this return.
    await page.evaluate("window.location.hash = '#/users'");
    await expect(
      page.getByRole('button', { name: 'Hand back to the clerk' }).first(),
    ).toBeVisible();

    // Only the clerk's password gives the keyboard back.
    await page.getByRole('button', { name: 'Hand back to the clerk' }).first().click();
    const handBack = page.getByRole('dialog', { name: 'Hand the keyboard back to the clerk' });
    await handBack.getByLabel('Clerk’s password').fill('a guess by the secretary');
    await handBack.getByRole('button', { name: 'Close the counter' }).click();
    await expect(
      handBack.getByText('That is not the password of the clerk who opened the counter.'),
    ).toBeVisible();
    await handBack.getByLabel('Clerk’s password').fill(e2eUsers.clerk.password);
    await handBack.getByRole('button', { name: 'Close the counter' }).click();

    // The clerk is back on the return, filed and waiting for the check.
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: societyName })).toBeVisible();
    await expect(page.getByText('Filed', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Men, women')).toHaveCount(0);
    await expect(page.getByText('₹12,34,567.00')).toBeVisible();
    await expect(page.getByText('Loss ₹15,000.00')).toBeVisible();
    await saveScreenshot(page, 'return-filed');
    await page.getByTestId('review-actions').getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByText('The return was accepted; it is closed.')).toBeVisible();
    await expect(page.getByText('Accepted').first()).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Open the counter for the secretary' }),
    ).toHaveCount(0);

    // The society's own page lists its returns year by year.
    await page.getByRole('link', { name: 'Open the society' }).click();
    await page.getByRole('tab', { name: 'Annual returns' }).click();
    const years = page.getByTestId('society-returns');
    await expect(years.locator('tbody tr').first()).toContainText('Accepted');
    await saveScreenshot(page, 'society-returns');
  });

  test('defaulter notices for an office come out as one PDF, one page per society', async ({
    page,
  }) => {
    await loginAs(page, 'clerk');
    await openApp(page, '/#/returns');
    const counts = page.getByTestId('return-counts');
    // The chip shows "…" until the counts arrive: read it once it holds a number.
    await expect(counts.getByRole('button', { name: /Overdue/u })).toHaveText(/\d/u);
    const overdueText =
      (await counts.getByRole('button', { name: /Overdue/u }).textContent()) ?? '';
    const overdue = Number(/([\d,]+)/u.exec(overdueText)?.[1]?.replaceAll(',', ''));
    expect(overdue).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Defaulter notices…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print defaulter notices' });
    await expect(dialog).toContainText(
      `A notice to each of the ${overdue} societies of ARCS Aizawl`,
    );
    await saveScreenshot(page, 'defaulter-notices');
    const popup = page.waitForEvent('popup');
    await dialog.getByRole('button', { name: `Print ${overdue} notices` }).click();
    const viewer = await popup;
    expect(viewer.url()).toMatch(/\/__files\/.+Return-notices-AIZ-.+\.pdf$/u);
    const pdf = await (await page.request.get(viewer.url())).body();
    await viewer.close();
    expect(pdfPages(pdf)).toBe(overdue);
    await expect(page.getByText(`${overdue} notices printed and recorded.`)).toBeVisible();
    // Each overdue society now shows the notice sent.
    await counts.getByRole('button', { name: /Overdue/u }).click();
    await expect(page.getByTestId('return-row').first().locator('td').last()).toHaveText('1');

    // The register exports to Excel: every row of the filter, not just the page shown.
    const popups: Promise<unknown>[] = [];
    page.on('popup', (popup) => popups.push(popup.close()));
    await page.getByRole('button', { name: 'Export to Excel' }).click();
    await expect(page.getByText(`${overdue} rows exported.`)).toBeVisible();
    await Promise.all(popups);
  });

  test('societies with no return for two years are proposed for non-functional status', async ({
    page,
  }) => {
    await loginAs(page, 'clerk');
    await openApp(page, '/#/returns');
    await page.getByRole('link', { name: 'Non-functional candidates' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Candidates for non-functional status' }),
    ).toBeVisible();
    const row = page.getByTestId('candidate-row').first();
    await expect(row).toBeVisible();
    await saveScreenshot(page, 'non-functional-candidates');
    await row.getByRole('button', { name: 'Propose non-functional' }).click();
    await expect(row.getByText('Proposed; waiting for a registrar')).toBeVisible();
  });
});
