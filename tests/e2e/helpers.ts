import { expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { e2eUsers, type E2eRole, type E2eUser } from './users';

const screenshotDir = resolve(import.meta.dirname, '..', '..', 'reports', 'screenshots');

/** A full-page picture of the screen, kept outside test-results (which Playwright wipes). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let fonts, transitions and the last request settle so the picture shows the real screen.
  await page.evaluate('document.fonts.ready.then(() => true)');
  // The shell's header, navigation and save bar are fixed to the window, so a taller page is
  // pictured in a window as tall as the page: nothing sits on top of the fields below.
  const viewport = page.viewportSize();
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height });
  }
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  if (viewport && height > viewport.height) await page.setViewportSize(viewport);
}

export async function openRegister(page: Page): Promise<Locator> {
  await page.goto('/');
  const search = page.getByRole('textbox', { name: 'Search the register' });
  await expect(search).toBeFocused();
  await expect(page.getByTestId('register-count')).toHaveText(/^[\d,]+ societ(y|ies)$/);
  return search;
}

/** Picks an option of a searchable picker the way a clerk does: type, then Enter. */
export async function chooseByTyping(page: Page, field: Locator, text: string, option?: RegExp) {
  await field.focus();
  await page.keyboard.type(text);
  const listbox = page.getByRole('listbox');
  await expect(listbox.getByRole('option').first()).toBeVisible();
  if (option) await expect(listbox.getByRole('option', { name: option }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(listbox).toBeHidden();
}

/** The message shown under a field, as a screen reader announces it. */
export function fieldError(page: Page, label: RegExp): Locator {
  return page
    .locator('.mantine-InputWrapper-root')
    .filter({ has: page.getByLabel(label) })
    .locator('.mantine-InputWrapper-error');
}

/** The register's rows (not the header). */
export function registerRows(page: Page): Locator {
  return page.getByRole('grid', { name: 'Societies' }).locator('tbody tr[aria-selected]');
}

const BRIDGE_HEADERS = { 'content-type': 'application/json', 'x-registry-bridge': '1' };

/**
 * A request through the page's own session (the browser context's cookie), as the app
 * would make it. Resolves with the output; rejects with the backend's refusal.
 */
export async function invoke<T = unknown>(page: Page, name: string, input: unknown = {}) {
  const response = await page.request.post('/__invoke', {
    headers: BRIDGE_HEADERS,
    data: { name, input },
  });
  const result = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new RefusedError(result.error.code, result.error.message);
  return result.value;
}

export class RefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Signs the page's browser context in as one of the e2e officers through the API (quick:
 * one password check), so the next `page.goto` opens the app, not the login screen.
 */
export async function loginAs(page: Page, role: E2eRole): Promise<E2eUser> {
  const user = e2eUsers[role];
  await invoke(page, 'auth.login', { username: user.username, password: user.password });
  return user;
}

/** Signs in through the login screen, as an officer does every morning. */
export async function signInOnScreen(page: Page, role: E2eRole): Promise<E2eUser> {
  const user = e2eUsers[role];
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByTestId('signed-in-user')).toHaveText(user.fullName);
  return user;
}

interface SocietyRowLike {
  id: string;
  name: string;
  regNo: string;
  status: string;
}

/**
 * Societies of an office in a status, for tests that need one to work on. Each test asks
 * for a different `offset` so no two tests touch the same society.
 */
export async function findSociety(
  page: Page,
  { officeCode, status, offset }: { officeCode: string; status: string; offset: number },
): Promise<SocietyRowLike> {
  const reference = await invoke<{ offices: { id: string; code: string }[] }>(
    page,
    'reference.get',
  );
  const officeId = reference.offices.find((office) => office.code === officeCode)?.id;
  const page1 = await invoke<{ rows: SocietyRowLike[] }>(page, 'societies.list', {
    filter: { officeId, status },
    sort: { field: 'regNo', direction: 'asc' },
    offset,
    limit: 1,
  });
  const society = page1.rows[0];
  if (!society) throw new Error(`No ${status} society of ${officeCode} at offset ${offset}.`);
  return society;
}

/** Opens the app at a screen and waits for the shell, so its keyboard shortcuts are live. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

/** The QR text printed on a certificate PDF, read the way a phone would: render, then decode. */
export function qrTextOf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-'));
  try {
    writeFileSync(join(dir, 'certificate.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '150',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'certificate.pdf'),
      join(dir, 'page'),
    ]);
    const png = execFileSync('ls', [dir])
      .toString()
      .split('\n')
      .find((file) => /\.png$/u.test(file));
    return execFileSync('zbarimg', ['-q', '--raw', join(dir, png!)])
      .toString()
      .trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
