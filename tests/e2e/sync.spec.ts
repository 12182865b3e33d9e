import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core';
import type { ReferenceData } from '#shared/reference/contract';
import type { RequestOutput } from '#shared/ipc/contract';
import { fisheryApplication } from '../fixtures/applications';
import { defect } from '../fixtures/audits';
import { editableFields, validSociety } from '../fixtures/societies';
import { BridgeSession } from './api';
import { qrTextOf, saveScreenshot } from './helpers';
import { stop, waitForUrl } from './processes';

/**
 * Two desktops of the Aizawl office (two browser-mode instances, each with its own
 * database) and one state server: what one registers appears on the other; a rename made
 * on both reaches the registrar's inbox side by side and is decided there.
 */
const root = resolve(import.meta.dirname, '..', '..');
const ADMIN_KEY = 'e2e-sync-admin-key-0123456789';
const PASSWORD = 'Sync test password 2026';

interface Desk {
  url: string;
  process: ChildProcess;
  dataDir: string;
  /** API sessions by user name. */
  as: (username: string) => BridgeSession;
}

let serverUrl = '';
let serverProcess: ChildProcess;
let serverDataDir = '';
const folders: string[] = [];
const desks: Record<'a' | 'b', Desk> = {} as Record<'a' | 'b', Desk>;
/** Desktops a test starts for itself, stopped with the rest. */
const extraDesks: Desk[] = [];

function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** A browser-mode desktop; with `syncEverySeconds` null it syncs only when told to. */
async function startDesk(name: string, syncEverySeconds: number | null = 2): Promise<Desk> {
  const dataDir = folder(`registry-sync-${name}-`);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'electron', 'web-bridge', 'cli.ts'),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--no-demo',
      ...(syncEverySeconds === null ? [] : ['--sync-interval', String(syncEverySeconds)]),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await waitForUrl(child, `Desktop ${name}`);
  const sessions = new Map<string, BridgeSession>();
  return {
    url,
    process: child,
    dataDir,
    as: (username) => {
      let session = sessions.get(username);
      if (!session) {
        session = new BridgeSession(url);
        sessions.set(username, session);
      }
      return session;
    },
  };
}

/** First start of a desktop: its administrator, then a clerk and a registrar with passwords set. */
async function setUpUsers(desk: Desk, prefix: string, names: { clerk: string; registrar: string }) {
  const admin = desk.as(`admin.${prefix}`);
  const reference = await admin.invoke<{ offices: { id: string; code: string }[] }>(
    'reference.get',
  );
  const officeId = reference.offices.find((office) => office.code === 'AIZ')!.id;
  await admin.invoke('auth.setup', {
    username: `admin.${prefix}`,
    fullName: `Administrator ${prefix.toUpperCase()}`,
    officeId,
    password: PASSWORD,
  });
  for (const [role, fullName] of Object.entries(names)) {
    const username = `${role}.${prefix}`;
    await admin.invoke('users.create', {
      username,
      fullName,
      role,
      officeId,
      temporaryPassword: 'temporary password 1',
    });
    const session = desk.as(username);
    await session.invoke('auth.login', { username, password: 'temporary password 1' });
    await session.invoke('auth.changePassword', {
      currentPassword: 'temporary password 1',
      newPassword: PASSWORD,
    });
  }
  return officeId;
}

/** A one-time code for a computer of Aizawl; with `fieldUser`, that auditor's field laptop. */
async function enrolmentCode(label: string, fieldUser?: string): Promise<string> {
  const response = await fetch(`${serverUrl}/admin/v1/enrolment-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ office: 'AIZ', label, ...(fieldUser ? { user: fieldUser } : {}) }),
  });
  return ((await response.json()) as { code: string }).code;
}

/** The QR text printed on certificate `serial`, read as a phone reads the printout. */
async function printedQrText(session: BridgeSession, serial: string): Promise<string> {
  const { url } = await session.invoke<{ url: string }>('certificates.print', { serial });
  return qrTextOf(await session.download(url));
}

/**
 * Desktop b registers again, through an approved application, the society a's register finds
 * by `query`, in the same village: the application, the society b entered and the serial of
 * the certificate b issued for it.
 */
async function registeredAgainOnB(query: string, proposedName: string) {
  const [found] = await desks.a
    .as('clerk.a')
    .invoke<{ id: string }[]>('societies.search', { query });
  const registered = await desks.a
    .as('clerk.a')
    .invoke<{ villageId: string }>('societies.get', { id: found!.id });
  const again = await approvedOn(desks.b, 'b', {
    proposedName,
    villageId: registered.villageId,
  });
  const [certificate] = await desks.b
    .as('clerk.b')
    .invoke<{ serial: string }[]>('certificates.list', { societyId: again.societyId });
  return { ...again, serial: certificate!.serial };
}

/** The state server's verification page opened on a phone, as its QR code `scanned` leads. */
async function verifiedOnPhone(browser: Browser, scanned: URL): Promise<Page> {
  // The QR code names the state's public address; here the server runs on loopback.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await phone.newPage();
  await page.goto(`${serverUrl}/verify${scanned.search}`);
  return page;
}

async function signedInPage(browser: Browser, desk: Desk, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: desk.url });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  return page;
}

/**
 * A fishery application received by the desk's clerk, scrutinised with every item in order,
 * and approved by its registrar.
 */
async function approvedOn(
  desk: Desk,
  prefix: 'a' | 'b',
  overrides: Parameters<typeof fisheryApplication>[1],
): Promise<{ applicationId: string; societyId: string }> {
  const reference = await desk.as(`clerk.${prefix}`).invoke<ReferenceData>('reference.get');
  const received = await desk
    .as(`clerk.${prefix}`)
    .invoke<{ id: string; version: number }>('applications.receive', {
      application: fisheryApplication(reference, overrides),
    });
  const clerk = desk.as(`clerk.${prefix}`);
  const started = await clerk.invoke<{ version: number; checklist: { code: string }[] }>(
    'applications.startScrutiny',
    { id: received.id, baseVersion: received.version },
  );
  const scrutinised = await clerk.invoke<{ version: number }>('applications.recordScrutiny', {
    id: received.id,
    baseVersion: started.version,
    items: started.checklist.map((item) => ({ code: item.code, result: 'in_order', note: null })),
  });
  const decided = await desk
    .as(`registrar.${prefix}`)
    .invoke<{ societyId: string }>('applications.decide', {
      id: received.id,
      baseVersion: scrutinised.version,
      decision: 'approve',
      reasons: null,
      password: PASSWORD,
    });
  return { applicationId: received.id, societyId: decided.societyId };
}

test.describe.configure({ mode: 'serial' });

/** The state server on `port` (0: any free one), keeping its data in one folder. */
async function startServer(port: number): Promise<void> {
  serverDataDir ||= folder('registry-sync-server-');
  serverProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'server', 'main.ts'),
      '--port',
      String(port),
      '--data-dir',
      serverDataDir,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SYNC_ADMIN_KEY: ADMIN_KEY },
    },
  );
  serverUrl = (await waitForUrl(serverProcess, 'The state server')).replace(/\/$/, '');
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await startServer(0);
  // A syncs in the background as an office desktop does; B only when told, so which of two
  // edits reaches the state server first is the test's choice, not a race of two timers.
  [desks.a, desks.b] = await Promise.all([startDesk('a'), startDesk('b', null)]);
  await setUpUsers(desks.a, 'a', { clerk: 'Lalthanga Sailo', registrar: 'Zothanpuii Ralte' });
  await setUpUsers(desks.b, 'b', { clerk: 'Lalrinpuii Colney', registrar: 'Vanlalṭhanga Hnamte' });
});

test.afterAll(async () => {
  await Promise.all([
    ...extraDesks.map((desk) => stop(desk.process)),
    stop(desks.a.process),
    stop(desks.b.process),
    stop(serverProcess),
  ]);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

test('the administrator connects each desktop with a one-time code; a society registered on one appears on the other', async ({
  browser,
}) => {
  // Desktop A through its Sync screen, as the administrator does it.
  const adminA = await signedInPage(browser, desks.a, 'admin.a');
  await adminA.goto('/#/sync');
  await expect(adminA.getByRole('heading', { name: 'Sync with the state server' })).toBeVisible();
  await expect(adminA.getByTestId('sync-indicator')).toHaveText('Not syncing');
  await adminA.getByLabel('State server address').fill(serverUrl.replace('http://', ''));
  await adminA.getByLabel('Enrolment code').fill('WRONG-CODE-1234');
  await adminA.getByLabel('Name of this computer').fill('Aizawl counter 1');
  await adminA.getByRole('button', { name: 'Connect' }).click();
  await expect(adminA.getByText(/That enrolment code is not valid/)).toBeVisible();
  await saveScreenshot(adminA, 'sync-enrol-refused');
  await adminA.getByLabel('Enrolment code').fill(await enrolmentCode('Aizawl counter 1'));
  await adminA.getByRole('button', { name: 'Connect' }).click();
  await expect(adminA.getByText(`State server ${serverUrl}`)).toBeVisible();
  await expect(adminA.getByTestId('sync-indicator')).toContainText(/Synced|Syncing|Online/);

  // Desktop B through the API.
  await desks.b.as('admin.b').invoke('sync.enrol', {
    serverUrl,
    code: await enrolmentCode('Aizawl counter 2'),
    label: 'Aizawl counter 2',
  });

  const reference = await desks.a.as('clerk.a').invoke<{
    offices: { id: string; code: string; districtIds: string[] }[];
    villages: { id: string; districtId: string }[];
    societyTypes: { id: string; tier: string }[];
  }>('reference.get');
  const office = reference.offices.find((candidate) => candidate.code === 'AIZ')!;
  const districtId = office.districtIds[0]!;
  const villages = reference.villages.filter((village) => village.districtId === districtId);
  const type = reference.societyTypes.find((candidate) => candidate.tier === 'primary')!;
  const created = await desks.a.as('clerk.a').invoke<{ id: string }>('societies.create', {
    society: {
      name: 'Ṭhingsulṭhliah Bamboo Cooperative Society Ltd.',
      nameMizo: null,
      regNo: '1207/88',
      registeredOn: '1988-03-02',
      basis: 'legacy',
      typeId: type.id,
      tier: 'primary',
      liability: 'limited',
      address: 'Bazar Veng',
      districtId,
      villageId: villages[0]!.id,
      officeId: office.id,
      areaVillageIds: [villages[0]!.id],
      shareValuePaise: 10_000,
      admissionFeePaise: 1_000,
      authorisedCapitalPaise: null,
      financingBank: null,
      federation: null,
      status: 'functional',
      statusSince: '1988-03-02',
      statusOrderRef: null,
      contactPerson: null,
      phone: null,
      email: null,
      ncdId: null,
      remarks: null,
    },
  });
  await desks.a.as('clerk.a').invoke('sync.now');

  const clerkB = await signedInPage(browser, desks.b, 'clerk.b');
  await clerkB.goto('/#/sync');
  await clerkB.getByRole('button', { name: 'Sync now' }).click();
  await expect(clerkB.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await clerkB.goto('/');
  const search = clerkB.getByRole('textbox', { name: 'Search the register' });
  await search.fill('thingsulthliah');
  await expect(clerkB.getByRole('grid', { name: 'Societies' })).toContainText(
    'Ṭhingsulṭhliah Bamboo Cooperative Society Ltd.',
  );
  await clerkB.goto(`/#/societies/${created.id}`);
  await expect(
    clerkB.getByRole('heading', { name: 'Ṭhingsulṭhliah Bamboo Cooperative Society Ltd.' }),
  ).toBeVisible();
  await expect(clerkB.getByText('1207/88').first()).toBeVisible();
  await saveScreenshot(clerkB, 'sync-society-on-second-desktop');
  await clerkB.goto('/#/sync');
  await expect(clerkB.getByText('None: everything made here is on the state server')).toBeVisible();
  await saveScreenshot(clerkB, 'sync-status');
  await clerkB.context().close();
  await adminA.context().close();
});

test('a rename made on both desktops reaches the registrar side by side, and their decision stands on both', async ({
  browser,
}) => {
  const clerkA = desks.a.as('clerk.a');
  const clerkB = desks.b.as('clerk.b');
  const [row] = await clerkA.invoke<{ id: string }[]>('societies.search', {
    query: '1207/88',
    limit: 1,
  });
  const rename = async (session: BridgeSession, name: string) => {
    const society = await session.invoke<RequestOutput<'societies.get'>>('societies.get', {
      id: row!.id,
    });
    await session.invoke('societies.update', {
      id: row!.id,
      baseVersion: society.version,
      fields: { ...editableFields(society), name },
      nameChangeReason: 'Resolution of the general body',
    });
  };
  await clerkB.invoke('sync.now');
  await rename(clerkA, 'Ṭhingsulṭhliah Bamboo Growers Cooperative Society Ltd.');
  await rename(clerkB, 'Thingsulthliah Bamboo and Cane Cooperative Society Ltd.');
  await clerkA.invoke('sync.now');
  await clerkB.invoke('sync.now');
  await clerkA.invoke('sync.now');

  const registrar = await signedInPage(browser, desks.a, 'registrar.a');
  await expect(registrar.getByTestId('sync-indicator')).toContainText('1 sync issue');
  await registrar.getByTestId('sync-indicator').click();
  const issue = registrar.getByTestId('sync-issue-row');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText('Conflict');
  await expect(issue).toContainText('Lalrinpuii Colney');
  await issue.press('Enter');
  const dialog = registrar.getByRole('dialog');
  await expect(dialog.getByRole('row', { name: /Registered name/ })).toContainText(
    'Thingsulthliah Bamboo and Cane Cooperative Society Ltd.',
  );
  await expect(dialog.getByRole('row', { name: /Registered name/ })).toContainText(
    'Ṭhingsulṭhliah Bamboo Growers Cooperative Society Ltd.',
  );
  await saveScreenshot(registrar, 'sync-conflict-side-by-side');
  await dialog.getByRole('button', { name: 'Keep this change' }).click();
  await expect(registrar.getByText('Decided.')).toBeVisible();
  await expect(registrar.getByTestId('sync-issue-row')).toHaveCount(0);

  await clerkA.invoke('sync.now');
  await clerkB.invoke('sync.now');
  for (const session of [clerkA, clerkB]) {
    const society = await session.invoke<{ name: string }>('societies.get', { id: row!.id });
    expect(society.name).toBe('Thingsulthliah Bamboo and Cane Cooperative Society Ltd.');
  }
  await registrar.goto(`/#/societies/${row!.id}`);
  await expect(
    registrar.getByRole('heading', {
      name: 'Thingsulthliah Bamboo and Cane Cooperative Society Ltd.',
    }),
  ).toBeVisible();
  await registrar.context().close();
});

test('a phone scanning a certificate printed on a synced desktop sees it verified by the state server', async ({
  browser,
}) => {
  const approved = await approvedOn(desks.a, 'a', {
    proposedName: 'Ṭuikual Fish Farmers Cooperative Society Ltd.',
    address: 'Ṭuikual South, Aizawl',
  });
  const registrar = desks.a.as('registrar.a');
  const [certificate] = await registrar.invoke<{ serial: string }[]>('certificates.list', {
    societyId: approved.societyId,
  });
  await registrar.invoke('sync.now');

  // The printed certificate, read as a phone reads it: render the page, decode the QR code.
  const scanned = new URL(await printedQrText(registrar, certificate!.serial));
  expect(scanned.pathname).toBe('/verify');

  const page = await verifiedOnPhone(browser, scanned);
  await expect(page.getByRole('status')).toContainText('Valid');
  await expect(
    page.getByText('Ṭuikual Fish Farmers Cooperative Society Ltd.').first(),
  ).toBeVisible();
  await expect(page.getByText(certificate!.serial)).toBeVisible();
  await expect(page.getByText(/On the state register today: .*Registered since/)).toBeVisible();
  await saveScreenshot(page, 'sync-verify-page-phone');
  await page.context().close();
});

test('with the state server out of reach and its numbers used up, a desktop registers under a provisional number; the next sync gives the final number and the certificate', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const port = Number(new URL(serverUrl).port);
  await stop(serverProcess);
  // Every number the state server leased to desktop A is used up.
  const database = new Database(join(desks.a.dataDir, DATABASE_FILE));
  database.pragma('busy_timeout = 5000');
  database.prepare('UPDATE number_blocks SET next = last + 1').run();
  database.close();

  const registered = await approvedOn(desks.a, 'a', {
    proposedName: 'Ṭlangnuam Piggery Cooperative Society Ltd.',
    address: 'Ṭlangnuam, Aizawl',
  });

  const page = await signedInPage(browser, desks.a, 'registrar.a');
  await page.goto(`/#/applications/${registered.applicationId}`);
  const approved = page.getByTestId('approved');
  await expect(approved).toContainText(/Registered as RCS\/AIZ\/2026-27\/P-[0-9A-F]{6}-1/);
  await expect(page.getByTestId('provisional-number')).toContainText('The number is provisional');
  await expect(approved.getByRole('button', { name: 'Print certificate' })).toHaveCount(0);
  await saveScreenshot(page, 'sync-provisional-number');
  await approved.getByRole('link', { name: 'Open the society' }).click();
  await expect(page.getByText('Provisional', { exact: true }).first()).toBeVisible();
  await saveScreenshot(page, 'sync-provisional-society');

  // The server is back: the next background sync replaces the number and issues the certificate.
  await startServer(port);
  await page.goto(`/#/applications/${registered.applicationId}`);
  await expect(page.getByTestId('approved')).toContainText(
    /Registered as RCS\/AIZ\/2026-27\/\d{4}/,
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('provisional-number')).toHaveCount(0);
  await expect(
    page.getByTestId('approved').getByRole('button', { name: 'Print certificate' }),
  ).toBeVisible();
  await saveScreenshot(page, 'sync-provisional-replaced');
  await page.context().close();
});

test('an auditor’s field laptop holds only her assigned society; an observation made after the audit was reassigned reaches the registrar to check', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // At the office: the auditor, her password, and one audit for her.
  const adminA = desks.a.as('admin.a');
  const reference = await adminA.invoke<ReferenceData>('reference.get');
  const officeId = reference.offices.find((office) => office.code === 'AIZ')!.id;
  const auditor = await adminA.invoke<{ id: string }>('users.create', {
    username: 'auditor.a',
    fullName: 'Lalremruati Ṭochhawng',
    role: 'auditor',
    officeId,
    temporaryPassword: 'temporary password 7',
  });
  const successor = await adminA.invoke<{ id: string }>('users.create', {
    username: 'auditor.b',
    fullName: 'Lalhmingliana Sailo',
    role: 'auditor',
    officeId,
    temporaryPassword: 'temporary password 8',
  });
  const officeAuditor = desks.a.as('auditor.a');
  await officeAuditor.invoke('auth.login', {
    username: 'auditor.a',
    password: 'temporary password 7',
  });
  await officeAuditor.invoke('auth.changePassword', {
    currentPassword: 'temporary password 7',
    newPassword: PASSWORD,
  });
  const [society] = await desks.a
    .as('clerk.a')
    .invoke<{ id: string }[]>('societies.search', { query: '1207/88', limit: 1 });
  const registrarA = desks.a.as('registrar.a');
  expect(
    await registrarA.invoke('audits.assign', {
      fy: '2025-26',
      societyIds: [society!.id],
      auditorId: auditor.id,
      auditorKind: 'departmental',
    }),
  ).toEqual({ assigned: 1, skipped: 0 });
  await registrarA.invoke('sync.now');

  // The laptop, connected with a code made for her; it syncs only when told to.
  const laptop = await startDesk('f', null);
  extraDesks.push(laptop);
  await laptop.as('admin.f').invoke('auth.setup', {
    username: 'admin.f',
    fullName: 'Administrator F',
    officeId,
    password: PASSWORD,
  });
  await laptop.as('admin.f').invoke('sync.enrol', {
    serverUrl,
    code: await enrolmentCode('Field laptop 3', 'auditor.a'),
    label: 'Field laptop 3',
  });
  await laptop.as('admin.f').invoke('sync.now');
  const page = await signedInPage(browser, laptop, 'auditor.a');
  await page.goto('/#/sync');
  await expect(page.getByText('Field laptop of Lalremruati Ṭochhawng')).toBeVisible();
  await saveScreenshot(page, 'sync-field-laptop');
  const held = await laptop
    .as('admin.f')
    .invoke<{ total: number; rows: { name: string }[] }>('societies.list', {});
  // The society registered in 1988 and renamed by the registrar's decision above.
  expect(held.rows.map((row) => row.name)).toEqual([
    'Thingsulthliah Bamboo and Cane Cooperative Society Ltd.',
  ]);

  // The office gives the audit to another auditor; before the laptop hears of it, she
  // records an observation.
  const [audit] = await registrarA.invoke<{ auditId: string }[]>('audits.ofSociety', {
    societyId: society!.id,
  });
  const current = await registrarA.invoke<{ version: number }>('audits.get', {
    id: audit!.auditId,
  });
  await registrarA.invoke('audits.reassign', {
    id: audit!.auditId,
    baseVersion: current.version,
    auditorId: successor.id,
    auditorKind: 'departmental',
  });
  await registrarA.invoke('sync.now');
  const fieldAuditor = laptop.as('auditor.a');
  await fieldAuditor.invoke('auth.login', { username: 'auditor.a', password: PASSWORD });
  await fieldAuditor.invoke('audits.addObservation', {
    auditId: audit!.auditId,
    observation: defect,
  });
  await fieldAuditor.invoke('sync.now');

  // On the laptop: the society is gone, and she sees her observation was taken, to check.
  await page.reload();
  await expect(page.getByTestId('sync-issue-row')).toContainText('To check');
  await saveScreenshot(page, 'sync-field-laptop-after');
  expect((await laptop.as('admin.f').invoke<{ total: number }>('societies.list', {})).total).toBe(
    0,
  );

  // At the office the registrar reads why and marks it checked.
  await registrarA.invoke('sync.now');
  const registrar = await signedInPage(browser, desks.a, 'registrar.a');
  await registrar.goto('/#/sync');
  const row = registrar.getByTestId('sync-issue-row').filter({ hasText: 'To check' });
  await expect(row).toHaveCount(1);
  await row.press('Enter');
  const dialog = registrar.getByRole('dialog');
  await expect(dialog).toContainText(
    /Made on Lalremruati Ṭochhawng’s field laptop on .*reassigned to Lalhmingliana Sailo.*within the 7-day grace/,
  );
  await saveScreenshot(registrar, 'sync-flagged-issue');
  await dialog.getByRole('button', { name: 'Checked; it stands' }).click();
  await expect(registrar.getByText('Decided.')).toBeVisible();
  await expect(registrar.getByTestId('sync-issue-row').filter({ hasText: 'To check' })).toHaveCount(
    0,
  );
  const observations = await registrarA.invoke<{ observations: unknown[] }>('audits.get', {
    id: audit!.auditId,
  });
  expect(observations.observations).toHaveLength(1);
  await registrar.context().close();
  await page.context().close();
});

test('one society entered on both desktops: the second is held as a likely duplicate, side by side, and the registrar refuses it', async ({
  browser,
}) => {
  const reference = await desks.a.as('clerk.a').invoke<ReferenceData>('reference.get');
  const first = await desks.a.as('clerk.a').invoke<{ id: string }>('societies.create', {
    society: validSociety(reference, {
      name: 'Sairang Dairy Cooperative Society Ltd.',
      regNo: '312/1979',
      registeredOn: '1979-02-12',
      statusSince: '1979-02-12',
    }),
  });
  await desks.a.as('clerk.a').invoke('sync.now');
  const second = await desks.b.as('clerk.b').invoke<{ id: string }>('societies.create', {
    society: validSociety(reference, {
      name: 'Sairang Dairy Co-operative Society Limited',
      regNo: '312-A/1979',
      registeredOn: '1979-02-12',
      statusSince: '1979-02-12',
      address: 'Sairang Bazar',
    }),
  });
  await desks.b.as('clerk.b').invoke('sync.now');
  await desks.a.as('clerk.a').invoke('sync.now');

  const registrar = await signedInPage(browser, desks.a, 'registrar.a');
  await registrar.goto('/#/sync');
  const row = registrar.getByTestId('sync-issue-row').filter({ hasText: 'Likely duplicate' });
  await expect(row).toHaveCount(1);
  await row.press('Enter');
  const dialog = registrar.getByRole('dialog');
  await expect(dialog).toContainText(
    'Likely the same society as Sairang Dairy Cooperative Society Ltd. (312/1979) of the same village',
  );
  await expect(dialog.getByRole('row', { name: /Registered name/ })).toContainText(
    'Sairang Dairy Co-operative Society Limited',
  );
  await saveScreenshot(registrar, 'sync-likely-duplicate');
  await dialog.getByRole('button', { name: 'The same society: refuse this entry' }).click();
  await expect(registrar.getByText('Decided.')).toBeVisible();
  await expect(row).toHaveCount(0);
  await desks.a.as('clerk.a').invoke('sync.now');
  await desks.b.as('clerk.b').invoke('sync.now');
  // The register of desktop A holds the society once.
  const found = await desks.a
    .as('clerk.a')
    .invoke<{ id: string }[]>('societies.search', { query: 'Sairang Dairy', limit: 10 });
  expect(found.map((society) => society.id)).toEqual([first.id]);
  expect(second.id).not.toBe(first.id);
  await registrar.context().close();

  // Desktop B, which entered it again, forgets its own entry: its clerk finds the society
  // once, as registered, and the entry's number is no longer in its register.
  const clerkB = await signedInPage(browser, desks.b, 'clerk.b');
  const search = clerkB.getByRole('textbox', { name: 'Search the register' });
  await search.fill('sairang dairy');
  const grid = clerkB.getByRole('grid', { name: 'Societies' });
  await expect(grid).toContainText('312/1979');
  await expect(grid).not.toContainText('312-A/1979');
  await expect(grid.getByRole('row', { name: /Sairang Dairy/ })).toHaveCount(1);
  await saveScreenshot(clerkB, 'sync-duplicate-forgotten-on-second-desktop');
  await clerkB.context().close();
});

test('a registration approved again on the second desktop: its number waits with it, and once refused its application leads to the society registered', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const again = await registeredAgainOnB('Sairang Dairy', 'Sairang Dairy Cooperative Society Ltd.');
  const entered = await desks.b
    .as('clerk.b')
    .invoke<{ regNo: string }>('societies.get', { id: again.societyId });
  // b's clerk prints its certificate at once, as at the counter.
  const scanned = new URL(await printedQrText(desks.b.as('clerk.b'), again.serial));
  await desks.b.as('clerk.b').invoke('sync.now');
  await desks.a.as('clerk.a').invoke('sync.now');

  const registrar = await signedInPage(browser, desks.a, 'registrar.a');
  await registrar.goto('/#/sync');
  const duplicate = registrar.getByTestId('sync-issue-row').filter({ hasText: 'Likely duplicate' });
  await expect(duplicate).toHaveCount(1);
  // The registration number b gave waits with its entry; it is not the registrar's to set aside.
  const number = registrar
    .getByTestId('sync-issue-row')
    .filter({ hasText: 'Held' })
    .filter({ hasText: 'Number given' })
    .first();
  await number.press('Enter');
  const dialog = registrar.getByRole('dialog');
  await expect(dialog).toContainText(
    'A number waiting for the record it was given to cannot be set aside',
  );
  await expect(dialog.getByRole('button', { name: /Set aside/ })).toHaveCount(0);
  await saveScreenshot(registrar, 'sync-held-number');
  await registrar.keyboard.press('Escape');
  await duplicate.press('Enter');
  await dialog.getByRole('button', { name: 'The same society: refuse this entry' }).click();
  await expect(registrar.getByText('Decided.')).toBeVisible();
  await registrar.context().close();
  await desks.a.as('clerk.a').invoke('sync.now');
  await desks.b.as('clerk.b').invoke('sync.now');

  // On desktop b the application now leads to the society registered at a.
  const clerkB = await signedInPage(browser, desks.b, 'clerk.b');
  await clerkB.goto(`/#/applications/${again.applicationId}`);
  await expect(clerkB.getByTestId('approved')).toContainText('Registered as 312/1979');
  // And says what became of its own entry, and that the number given to it is not used.
  const entryRefused = clerkB.getByTestId('entry-refused');
  await expect(entryRefused).toContainText(
    `This office entered the society as ${entered.regNo}. Zothanpuii Ralte found it is the same society as the one already registered; this entry was not added.`,
  );
  await expect(entryRefused).toContainText(
    `Number ${entered.regNo} is not used: recall any certificate printed with it.`,
  );
  await saveScreenshot(clerkB, 'sync-application-led-to-registered-society');

  // The certificate b printed for its entry is not valid: its Verify screen says so, and so
  // does the state server to a phone scanning it.
  await clerkB.goto('/#/verify');
  await clerkB.getByLabel('QR code text').fill(scanned.href);
  await clerkB.getByLabel('QR code text').press('Enter');
  const verdict = clerkB.getByTestId('verify-result');
  await expect(verdict).toHaveAttribute('data-status', 'void');
  await expect(verdict).toContainText('Not valid — refused by the state server');
  await expect(verdict).toContainText('Zothanpuii Ralte found it is the same society');
  await expect(verdict).toContainText(again.serial);
  await saveScreenshot(clerkB, 'sync-verify-not-valid-on-desktop');
  await clerkB.context().close();
  const page = await verifiedOnPhone(browser, scanned);
  await expect(page.getByRole('status')).toContainText('Not valid');
  await expect(page.getByRole('status')).toContainText(
    'The state register did not take this certificate in: Zothanpuii Ralte found it is the same society as the one already registered; this entry was not added. Do not accept it.',
  );
  await expect(page.getByText(again.serial)).toBeVisible();
  await saveScreenshot(page, 'sync-verify-page-phone-not-valid');
  await page.context().close();
});

test('a certificate the registrar set aside while it waited shows as not valid on the desktop that printed it, which no longer offers to print it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // b registers, and prints the certificate of, a society a's office already registered
  // in the same village: its entry and its certificate wait at the state server.
  const again = await registeredAgainOnB(
    'Tuikual Fish',
    'Ṭuikual Fish Farmers Cooperative Society Ltd.',
  );
  await desks.b.as('clerk.b').invoke('sync.now');
  await desks.a.as('clerk.a').invoke('sync.now');

  // a's registrar sets the certificate aside, then finds the entry a different society.
  const registrar = await signedInPage(browser, desks.a, 'registrar.a');
  await registrar.goto('/#/sync');
  const rows = registrar.getByTestId('sync-issue-row');
  const heldCertificate = rows.filter({ hasText: 'Held' }).filter({ hasText: 'certificate.issue' });
  await expect(heldCertificate).toHaveCount(1);
  await heldCertificate.press('Enter');
  const dialog = registrar.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Set aside; keep the state server’s record' }).click();
  await expect(registrar.getByText('Decided.')).toBeVisible();
  const duplicate = rows.filter({ hasText: 'Likely duplicate' });
  await expect(duplicate).toHaveCount(1);
  await duplicate.press('Enter');
  await dialog.getByRole('button', { name: 'A different society: register it' }).click();
  await expect(duplicate).toHaveCount(0);
  await registrar.context().close();
  await desks.a.as('clerk.a').invoke('sync.now');
  await desks.b.as('clerk.b').invoke('sync.now');

  // On b: the society's page, the application and the certificate register say so.
  const reason = 'Refused by the state server: Set aside by Zothanpuii Ralte while it waited.';
  const clerkB = await signedInPage(browser, desks.b, 'clerk.b');
  await clerkB.goto(`/#/societies/${again.societyId}`);
  await clerkB.getByRole('tab', { name: 'Certificates' }).click();
  const row = clerkB.getByTestId('certificate-row').filter({ hasText: again.serial });
  await expect(row).toContainText('Not valid');
  await expect(row).toContainText(reason);
  await expect(row.getByRole('button')).toHaveCount(0);
  await row.scrollIntoViewIfNeeded();
  await saveScreenshot(clerkB, 'sync-certificate-not-valid-society');
  await clerkB.goto(`/#/applications/${again.applicationId}`);
  await expect(clerkB.getByTestId('certificate-not-valid')).toHaveText(
    `Certificate ${again.serial} is not valid: the state server refused it. Set aside by Zothanpuii Ralte while it waited. Recall it if it was handed over.`,
  );
  await expect(clerkB.getByRole('button', { name: /Print certificate/ })).toHaveCount(0);
  await saveScreenshot(clerkB, 'sync-certificate-not-valid-application');
  await clerkB.goto('/#/certificates');
  await expect(clerkB.getByRole('row').filter({ hasText: again.serial })).toContainText(reason);
  await saveScreenshot(clerkB, 'sync-certificate-not-valid-register');
  await clerkB.context().close();
});
