import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
