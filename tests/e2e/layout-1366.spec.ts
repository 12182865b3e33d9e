import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { invoke, loginAs, openApp, openRegister, saveScreenshot } from './helpers';

// Issue 20, item 3: at 1366 × 768 (the common office screen, the navigation included) a
// registration number, a status and an action button are never cut off, long names wrap to
// two lines, and a scrutiny note grows to show what was written.
test.use({ viewport: { width: 1366, height: 768 } });

/** Long names as a clerk meets them, English and Mizo, with ṭ. */
const LONG_NAME = 'Ṭuirial Riverside Fishery and Allied Cooperative Society Ltd.';
const LONG_MIZO_NAME = 'Ṭuirial Luikam Sangha Vulh leh Thlai Chin Ṭangrual Cooperative Society';
/** Longer than any the register holds: two lines, then "…", the whole of it in the title. */
const LONGEST_NAME =
  'Ṭuirial Riverside Fishery, Piggery and Allied Activities Multipurpose Cooperative Society Ltd.';

interface SocietyRowLike {
  id: string;
  name: string;
  nameMizo: string | null;
  regNo: string;
  status: string;
}

/**
 * The bridge's answers to `name`, changed by `change` before the screen sees them: the
 * register's own rows given the longest values a clerk meets, without adding a record
 * that the other specs would count.
 */
async function rewriteAnswers<T>(page: Page, name: string, change: (value: T) => T) {
  await page.route('**/__invoke', async (route) => {
    const request = route.request().postDataJSON() as { name?: string } | null;
    if (request?.name !== name) return route.fallback();
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: T };
    if (!body.ok || body.value === undefined) return route.fulfill({ response });
    return route.fulfill({ response, json: { ...body, value: change(body.value) } });
  });
}

/** The page's window as the functions run in the page use it (this suite has no DOM types). */
interface PageWindow {
  innerWidth: number;
  getComputedStyle(
    element: unknown,
  ): Record<'display' | 'overflowX' | 'lineHeight' | 'paddingTop' | 'paddingBottom', string>;
}

/** How many lines of text `box` shows, and whether any of its text is hidden (cut or "…"). */
async function linesShown(box: Locator): Promise<{ lines: number; clipped: boolean }> {
  return box.evaluate((element) => {
    const style = (element.ownerDocument.defaultView as unknown as PageWindow).getComputedStyle(
      element,
    );
    const inner =
      element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return {
      lines: Math.round(inner / parseFloat(style.lineHeight)),
      clipped:
        element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth,
    };
  });
}

/**
 * What is cut off in the cells of the named columns of `table` (and in their headings):
 * an element whose content is wider than its box (clipped or ended with "…"), that spills
 * out of its cell, or that lies past the right edge of the window. Empty when all is shown.
 */
async function cutOff(table: Locator, columns: string[]): Promise<string[]> {
  return table.evaluate((element, names) => {
    const view = element.ownerDocument.defaultView as unknown as PageWindow;
    const headings = [...element.querySelectorAll('thead th')];
    const problems: string[] = [];
    // The right edge of what is seen: the window's, or a box around the table that clips it.
    let seenRight = view.innerWidth;
    for (let box = element.parentElement; box; box = box.parentElement) {
      if (view.getComputedStyle(box).overflowX !== 'visible') {
        seenRight = Math.min(seenRight, box.getBoundingClientRect().right);
      }
    }
    const frame = element.parentElement?.getBoundingClientRect();
    const tableBox = element.getBoundingClientRect();
    if (frame && tableBox.right > frame.right + 0.5) {
      problems.push(
        `the table is ${Math.ceil(tableBox.right - frame.right)}px wider than its frame`,
      );
    }
    for (const name of names) {
      const index = headings.findIndex((th) => th.textContent?.trim() === name);
      if (index < 0) {
        problems.push(`no column "${name}"`);
        continue;
      }
      const cells = [
        headings[index]!,
        ...[...element.querySelectorAll('tbody tr')].flatMap((tr) => {
          const cell = tr.children[index];
          return cell ? [cell] : [];
        }),
      ];
      for (const cell of cells) {
        const cellBox = cell.getBoundingClientRect();
        for (const node of [cell, ...cell.querySelectorAll('*')]) {
          const html = node.namespaceURI === 'http://www.w3.org/1999/xhtml';
          if (!html || view.getComputedStyle(node).display === 'inline') {
            continue;
          }
          const box = node.getBoundingClientRect();
          const text = node.textContent?.trim() ?? '';
          if (node.scrollWidth > node.clientWidth) {
            problems.push(
              `"${name}": "${text}" needs ${node.scrollWidth}px, has ${node.clientWidth}px`,
            );
          } else if (node !== cell && box.right > cellBox.right + 0.5) {
            problems.push(`"${name}": "${text}" runs out of its cell`);
          } else if (box.right > seenRight + 0.5) {
            problems.push(`"${name}": "${text}" lies past the edge of the screen`);
          }
        }
      }
    }
    return [...new Set(problems)];
  }, columns);
}

test('the society register shows whole numbers, statuses and headings; long names wrap', async ({
  page,
}) => {
  await loginAs(page, 'clerk');
  await rewriteAnswers<{ rows: SocietyRowLike[] }>(page, 'societies.list', (value) => ({
    ...value,
    rows: value.rows.map((row, index) =>
      index === 0
        ? { ...row, name: LONG_NAME, nameMizo: LONG_MIZO_NAME, status: 'under_liquidation' }
        : index === 1
          ? { ...row, regNo: 'RCS/AIZ/2020-21/0123', status: 'non_functional' }
          : index === 2
            ? { ...row, name: LONGEST_NAME }
            : row,
    ),
  }));
  await openRegister(page);
  const grid = page.getByRole('grid', { name: 'Societies' });
  await expect(grid.getByText('RCS/AIZ/2020-21/0123', { exact: true })).toBeVisible();

  expect(await cutOff(grid, ['Reg. no.', 'Status', 'Registered on'])).toEqual([]);

  // The long name wraps to two lines, whole, instead of ending in "…".
  expect(await linesShown(grid.getByText(LONG_NAME, { exact: true }))).toEqual({
    lines: 2,
    clipped: false,
  });
  const longest = grid.getByText(LONGEST_NAME, { exact: true });
  await expect(longest).toHaveAttribute('title', LONGEST_NAME);
  expect(await linesShown(longest)).toEqual({ lines: 2, clipped: true });
  await saveScreenshot(page, 'layout-1366-register');
});

test('the certificate register shows whole statuses and the print button', async ({ page }) => {
  await loginAs(page, 'clerk');
  // Certificates of real societies of the register, in every status the register shows.
  const { rows } = await invoke<{ rows: SocietyRowLike[] }>(page, 'societies.list', {
    filter: {},
    sort: { field: 'regNo', direction: 'desc' },
    offset: 0,
    limit: 4,
  });
  const certificate = (society: SocietyRowLike, index: number) => ({
    id: crypto.randomUUID(),
    serial: `RC/AIZ/2025-26/${String(index + 1).padStart(6, '0')}`,
    kind: 'registration',
    societyId: society.id,
    societyName: index === 0 ? LONG_NAME : society.name,
    regNo: index === 0 ? 'RCS/AIZ/2020-21/0123' : society.regNo,
    issuedOn: '2025-11-14',
    officeName: 'ARCS Aizawl',
    registrarName: 'Zothanpuii Ralte',
    duplicateOf: null,
    revokedAt: null,
    revokedReason: null,
    voidReason: null,
    keyId: 'AIZ-2025-1',
    printable: true,
    duplicable: true,
  });
  const inForce = [
    certificate(rows[0]!, 0),
    { ...certificate(rows[1]!, 1), kind: 'duplicate', duplicateOf: 'RC/AIZ/2025-26/000001' },
    certificate(rows[2]!, 2),
  ];
  const revoked = {
    ...certificate(rows[3]!, 3),
    revokedAt: '2025-12-01T10:30:00.000Z',
    revokedReason: 'Issued in error: the society was registered under another number.',
    printable: false,
    duplicable: false,
  };
  // First a register of certificates in force only, as most offices' is; then with one revoked.
  let certificates: unknown[] = inForce;
  await rewriteAnswers<unknown[]>(page, 'certificates.list', () => certificates);
  await openApp(page, '/#/certificates');
  const table = page.getByRole('table', { name: 'Certificate register' });
  await expect(table.getByText(LONG_NAME)).toBeVisible();
  await expect(table.getByText('In force', { exact: true })).toHaveCount(3);
  expect(await cutOff(table, ['Serial', 'Society', 'Kind', 'Status', 'Actions'])).toEqual([]);

  certificates = [...inForce, revoked];
  await page.reload();
  await expect(table.getByText('Revoked', { exact: true })).toBeVisible();
  expect(await cutOff(table, ['Serial', 'Society', 'Kind', 'Status', 'Actions'])).toEqual([]);
  await saveScreenshot(page, 'layout-1366-certificates');
});

test('the Users screen shows every action button whole', async ({ page }) => {
  await loginAs(page, 'administrator');
  // The longest name the form takes in a row of its own, beside the real users.
  await rewriteAnswers<{ id: string; fullName: string }[]>(page, 'users.list', (users) => [
    ...users,
    {
      ...users[users.length - 1]!,
      id: crypto.randomUUID(),
      username: 'lalrinmawii.aiz',
      fullName: 'Lalrinmawii Hmingthanzuali Khawlhring-Chhangte',
    },
  ]);
  await openApp(page, '/#/users');
  const table = page.getByRole('table', { name: 'Users' });
  await expect(table.getByRole('button', { name: /^Deactivate/ }).first()).toBeVisible();

  expect(await cutOff(table, ['Active', 'Password', 'Actions'])).toEqual([]);
  await saveScreenshot(page, 'layout-1366-users');
});

test('a scrutiny note grows to show all four lines', async ({ page }) => {
  await loginAs(page, 'clerk');
  const reference = await invoke<{
    offices: { id: string; code: string; districtIds: string[] }[];
    societyTypes: { id: string; name: string }[];
    villages: { id: string; districtId: string; name: string }[];
  }>(page, 'reference.get');
  const office = reference.offices.find((candidate) => candidate.code === 'AIZ')!;
  const districtId = office.districtIds[0]!;
  const village = reference.villages.find((candidate) => candidate.districtId === districtId)!;
  const type = reference.societyTypes.find((candidate) => /^Poultry/u.test(candidate.name))!;
  const received = await invoke<{ id: string; version: number }>(page, 'applications.receive', {
    application: {
      proposedName: 'Ṭlangnuam Layout Check Poultry Cooperative Society Ltd.',
      proposedNameMizo: null,
      typeId: type.id,
      officeId: office.id,
      districtId,
      villageId: village.id,
      address: `${village.name}, Aizawl`,
      areaVillageIds: [village.id],
      receivedOn: new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10),
      mode: 'post',
      promoters: Array.from({ length: 10 }, (_, index) => ({
        name: `Promoter ${index + 1}`,
        relationName: 'Lalramliana',
        age: 30 + index,
        occupation: 'Poultry farmer',
        address: 'Ṭlangnuam',
        shares: 10,
        amountPaidPaise: 100_000,
        isChief: index === 0,
      })),
      shareCapitalPaise: 1_000_000,
      bankCertificateRef: 'MCAB Aizawl 2025/91',
      byLaws: 'model',
      feeReceiptNo: 'TR-5 0091',
    },
  });
  const detail = await invoke<{ version: number }>(page, 'applications.get', { id: received.id });
  await invoke(page, 'applications.startScrutiny', {
    id: received.id,
    baseVersion: detail.version,
  });
  await openApp(page, `/#/applications/${received.id}`);

  const checklist = page.getByTestId('checklist');
  await page.getByTestId('checklist-share_capital').getByText('Wanting', { exact: true }).click();
  const note = page.getByLabel(/^Note on: Share capital/);
  await expect(note).toBeFocused();
  const lines = [
    'The bank certificate is not signed by the branch manager.',
    'The amount on it differs from the share register.',
    'Send the pass book of the society’s account.',
    'Ṭuirial branch to confirm the deposit.',
  ];
  // Typed as a clerk does, Enter starting each new line.
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(line);
  }
  await expect(note).toHaveValue(lines.join('\n'));
  const shown = await linesShown(note);
  expect(shown.clipped).toBe(false);
  expect(shown.lines).toBeGreaterThanOrEqual(4);
  expect(await cutOff(checklist, ['Found', 'Checked by'])).toEqual([]);
  await saveScreenshot(page, 'layout-1366-scrutiny');

  // Saved, the note keeps its lines.
  await page.keyboard.press('Control+s');
  await expect(page.getByText('The checklist was saved.')).toBeVisible();
  await expect(note).toHaveValue(lines.join('\n'));

  // Not left open for the other specs' lists.
  const saved = await invoke<{ version: number }>(page, 'applications.get', { id: received.id });
  await invoke(page, 'applications.withdraw', {
    id: received.id,
    baseVersion: saved.version,
    reason: 'Recorded only to check the layout.',
  });
});
