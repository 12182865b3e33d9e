/**
 * The scenarios of sync.md §9 that must always pass, each on its own, through the fault
 * harness: the real server, real desktops, and a network that fails exactly as told.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { societyCreateSchema, type SocietyFieldsInput } from '#shared/societies/society';
import type { RequestOutput } from '#shared/ipc/contract';
import { SYNC_PROTOCOL_VERSION } from '#shared/sync/protocol';
import { approvedApplication } from '../fixtures/applications';
import { validSociety } from '../fixtures/societies';
import { SyncWorld, type SyncRun } from '../fixtures/sync-faults';
import { AUDITOR, auditorOf, editSociety } from '../fixtures/sync-harness';
import { defect, reportOf } from '../fixtures/audits';
import { assertSyncInvariants } from '../fixtures/sync-invariants';
import { TEST_PASSWORD } from '../fixtures/test-core';

let world: SyncWorld;
let run: SyncRun;

beforeAll(async () => {
  world = await SyncWorld.create([
    { name: 'a', officeCode: 'AIZ' },
    { name: 'b', officeCode: 'AIZ' },
    { name: 's', officeCode: 'RCS' },
  ]);
}, 120_000);
afterAll(async () => world.close());
beforeEach(async () => {
  run = await world.run();
});
afterEach(() => run.dispose());

type Detail = RequestOutput<'societies.get'>;

async function create(name: string, regNo: string, overrides: Partial<SocietyFieldsInput> = {}) {
  const { desktop } = run.desktop(name);
  return desktop.core.call(
    'societies.create',
    {
      society: {
        ...validSociety(desktop.core.services.reference.get()),
        name: `Ṭlangnuam ${regNo}`,
        regNo,
        ...overrides,
      },
    },
    desktop.sessions.clerk,
  );
}

function edit(name: string, id: string, change: Partial<SocietyFieldsInput>, reason?: string) {
  return editSociety(run.desktop(name).desktop, id, change, reason);
}

/** A society registered on desktop `name` through an approved application. */
async function register(name: string, proposedName: string) {
  const { applicationId } = await approvedApplication(run.desktop(name).desktop, { proposedName });
  return registered(name, applicationId);
}

/** The numbers an approved application and its society carry on desktop `name`. */
async function registered(name: string, applicationId: string) {
  const { desktop } = run.desktop(name);
  const application = await desktop.core.call(
    'applications.get',
    { id: applicationId },
    desktop.sessions.clerk,
  );
  const societyId = application.societyId!;
  const society = await desktop.core.call(
    'societies.get',
    { id: societyId },
    desktop.sessions.clerk,
  );
  const certificates = await desktop.core.call(
    'certificates.list',
    { societyId },
    desktop.sessions.clerk,
  );
  return { applicationId, ackNo: application.ackNo, societyId, regNo: society.regNo, certificates };
}

async function societyOn(name: string, id: string): Promise<Detail> {
  const { desktop } = run.desktop(name);
  return desktop.core.call('societies.get', { id }, desktop.sessions.clerk);
}

/** a syncs, then b comes back online and syncs, then a again: a's registrar's inbox. */
async function afterBRejoins() {
  await run.sync('a');
  await run.network.heal();
  await run.sync('b');
  await run.sync('a');
  const registrar = run.desktop('a').desktop;
  const held = await registrar.core.call('sync.issues', {}, registrar.sessions.registrar);
  return { registrar, held };
}

/**
 * One society registered through an application on desktops a and b, b offline: once both
 * have synced, b's registration is held as a likely duplicate for a's registrar.
 */
async function registeredTwice(name: string) {
  run.network.partition('b');
  const first = await register('a', name);
  const second = await register('b', name);
  expect(second.regNo).not.toBe(first.regNo);
  const { registrar, held } = await afterBRejoins();
  const issue = held.find((candidate) => candidate.entityId === second.societyId);
  expect(issue?.kind).toBe('duplicate');
  /** The registrar decides an issue, and every computer syncs. */
  const resolve = async (issueId: string, choice: 'mine' | 'theirs') => {
    await registrar.core.call('sync.resolve', { issueId, choice }, registrar.sessions.registrar);
    await run.quiesce();
  };
  const decide = (choice: 'mine' | 'theirs') => resolve(issue!.id, choice);
  const setAside = (issueId: string) => resolve(issueId, 'theirs');
  return { first, second, issue: issue!, registrar, decide, setAside };
}

/**
 * While `during` runs, the state server's database fails the last write of a registrar's
 * refusal of a likely duplicate (the issue marked decided) with the PostgreSQL error `errcode`.
 */
async function whileRefusalsFail(errcode: string, during: () => Promise<void>) {
  await run.serverRows(
    `CREATE FUNCTION refusals_fail() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'the write failed' USING ERRCODE = '${errcode}'; END $$`,
  );
  await run.serverRows(
    `CREATE TRIGGER refusals_fail BEFORE UPDATE ON sync_issues FOR EACH ROW
     WHEN (NEW.resolution = 'the same society; this entry was refused')
     EXECUTE FUNCTION refusals_fail()`,
  );
  try {
    await during();
  } finally {
    await run.serverRows('DROP TRIGGER refusals_fail ON sync_issues');
    await run.serverRows('DROP FUNCTION refusals_fail()');
  }
}

/**
 * a's registrar refuses the likely duplicate `issueId` as the same society, a's clerk changes
 * the phone of `societyId`, and a sends both in one push: a's sync status after it.
 */
async function refusedWithAnEdit(issueId: string, societyId: string, phone: string) {
  const { desktop } = run.desktop('a');
  await desktop.core.call(
    'sync.resolve',
    { issueId, choice: 'theirs' },
    desktop.sessions.registrar,
  );
  await edit('a', societyId, { phone });
  return run.sync('a');
}

/** What the state server holds of a refusal of `second` as the same society: nothing, or it. */
async function refusalOnServer(second: { applicationId: string }, issueId: string) {
  return {
    decided: await run.serverRows(`SELECT resolution FROM sync_issues WHERE id = '${issueId}'`),
    refused: await run.serverRows('SELECT table_name FROM refused_records ORDER BY 1'),
    linkedTo: await run.serverRows(
      `SELECT data->>'society_id' AS id FROM sync_rows
       WHERE table_name = 'registration_applications' AND id = '${second.applicationId}'`,
    ),
  };
}

/** A status order proposed by the clerk of desktop `name` and approved by its registrar. */
async function orderStatus(
  name: string,
  societyId: string,
  toStatus: 'under_liquidation' | 'deregistered',
) {
  const { desktop } = run.desktop(name);
  const order = await desktop.core.call(
    'statusOrders.propose',
    {
      societyId,
      toStatus,
      effectiveOn: '2026-11-23',
      orderRef: `ORD/${toStatus}`,
      reason: 'Wound up on the members’ resolution',
    },
    desktop.sessions.clerk,
  );
  await desktop.core.call(
    'statusOrders.decide',
    { id: order.id, decision: 'approve', note: null, password: TEST_PASSWORD },
    desktop.sessions.registrar,
  );
}

/** The phone of a society as the state server holds it. */
async function phoneOnServer(societyId: string) {
  return run.serverRows(
    `SELECT data->>'phone' AS phone FROM sync_rows WHERE table_name = 'societies' AND id = '${societyId}'`,
  );
}

/** The registrar's words when a likely duplicate is refused as the same society. */
function sameSocietyRefusal(registrar: { users: { registrar: { fullName: string } } }) {
  return `${registrar.users.registrar.fullName} found it is the same society as the one already registered; this entry was not added.`;
}

/** The text of the QR code printed on certificate `serial` of desktop `name`. */
function qrTextOn(name: string, serial: string): string {
  return run.desktop(name).desktop.core.services.certificates.printable(serial).qrText;
}

/**
 * A certificate's QR code checked as a phone checks it: the state server's public
 * verification page, its banner's class and words.
 */
async function verifiedByStateServer(qrText: string) {
  const code = new URL(qrText).searchParams.get('c')!;
  const page = await run.server.app.inject({
    method: 'GET',
    url: `/verify?c=${encodeURIComponent(code)}`,
  });
  const [, status, title, body] =
    /<section class="banner (\w+)" role="status"><h2>(.*?)<\/h2><p>(.*?)<\/p>/u.exec(page.body) ??
    [];
  return { status, title, body };
}

/**
 * The certificate of `qrText` is not valid for `refusal`: a phone scanning it is told so by
 * the state server, and so is the Verify screen of either desktop of the office.
 */
async function expectNotValidEverywhere(qrText: string, refusal: string) {
  expect(await verifiedByStateServer(qrText)).toEqual({
    status: 'void',
    title: 'Not valid',
    body: `The state register did not take this certificate in: ${refusal} Do not accept it.`,
  });
  for (const name of ['a', 'b']) {
    const { desktop } = run.desktop(name);
    expect(
      await desktop.core.call('certificates.verify', { text: qrText }, desktop.sessions.clerk),
      name,
    ).toMatchObject({ status: 'void', voidReason: refusal });
  }
}

/** The sync issues still open on the state server, by change name. */
function openIssues() {
  return run.serverRows(
    'SELECT kind, name, reason FROM sync_issues WHERE resolved_at IS NULL ORDER BY name',
  );
}

/** The open issue of a change refused because its record was refused with `refusal`. */
function refusedWithItsRecord(name: string, refusal: string) {
  return {
    kind: 'rejected',
    name,
    reason: `It belongs to a record the state server refused: ${refusal}`,
  };
}

/**
 * The application `second` was registered from, on the state server and on both desktops:
 * approved, leading to the society registered as `first`, and saying that the entry made
 * from it was refused for `refusal`, with the number it had been given.
 */
async function expectApplicationLedToRegistered(
  second: { applicationId: string; regNo: string },
  first: { societyId: string },
  refusal: string,
) {
  expect(
    await run.serverRows(
      `SELECT data->>'state' AS state, data->>'society_id' AS "societyId",
              data->>'entry_refused_reason' AS reason, data->>'entry_refused_reg_no' AS "regNo"
       FROM sync_rows WHERE table_name = 'registration_applications' AND id = '${second.applicationId}'`,
    ),
  ).toEqual([
    { state: 'approved', societyId: first.societyId, reason: refusal, regNo: second.regNo },
  ]);
  for (const name of ['a', 'b']) {
    const { desktop } = run.desktop(name);
    const application = await desktop.core.call(
      'applications.get',
      { id: second.applicationId },
      desktop.sessions.clerk,
    );
    expect(
      { societyId: application.societyId, entryRefused: application.entryRefused },
      name,
    ).toEqual({
      societyId: first.societyId,
      entryRefused: { reason: refusal, regNo: second.regNo },
    });
  }
}

/** The numbers given to a registration and its certificates, as the state server holds them. */
function numbersOnServer(registration: Awaited<ReturnType<typeof registered>>) {
  const owners = [registration.societyId, ...registration.certificates.map(({ id }) => id)]
    .map((id) => `'${id}'`)
    .join(', ');
  return run.serverRows(
    `SELECT data->>'purpose' AS purpose, data->>'number' AS number, data->>'void_reason' AS reason
     FROM sync_rows WHERE table_name = 'number_allocations' AND data->>'owner_id' IN (${owners})
     ORDER BY 1`,
  );
}

/**
 * `AUDITOR` with the audits of `societies` (registered at desktop a) assigned to her, and her
 * field laptop f enrolled and synced, signed in. `reassign` gives audits to another auditor
 * at the office, Lalhmingliana Sailo, and syncs the office.
 */
async function auditorInTheField(societies: readonly { regNo: string; name: string }[]) {
  const office = run.desktop('a').desktop;
  const auditor = await auditorOf(office);
  const successor = await office.core.call(
    'users.create',
    {
      username: 'lalhmingliana',
      fullName: 'Lalhmingliana Sailo',
      role: 'auditor',
      officeId: office.users.admin.officeId,
      temporaryPassword: 'temporary password 8',
    },
    office.sessions.admin,
  );
  await office.core.call(
    'auth.login',
    { username: AUDITOR.username, password: AUDITOR.temporaryPassword },
    'office-auditor',
  );
  await office.core.call(
    'auth.changePassword',
    { currentPassword: AUDITOR.temporaryPassword, newPassword: AUDITOR.password },
    'office-auditor',
  );
  const assigned = [];
  for (const { regNo, name } of societies) assigned.push(await create('a', regNo, { name }));
  await office.core.call(
    'audits.assign',
    {
      fy: '2025-26',
      societyIds: assigned.map((society) => society.id),
      auditorId: auditor.id,
      auditorKind: 'departmental',
    },
    office.sessions.registrar,
  );
  await run.sync('a');

  const laptop = (await run.addDesktop('f', 'AIZ', AUDITOR.username)).desktop;
  await run.sync('f');
  // The laptop as it is now: a restart opens it again.
  const onLaptop = () => run.desktop('f').desktop.core;
  const signIn = () =>
    onLaptop().call(
      'auth.login',
      { username: AUDITOR.username, password: AUDITOR.password },
      'laptop-auditor',
    );
  await signIn();
  const audits = await Promise.all(
    assigned.map(async (society) => {
      const [audit] = await laptop.core.call(
        'audits.ofSociety',
        { societyId: society.id },
        'laptop-auditor',
      );
      return { id: audit!.auditId };
    }),
  );
  const observe = (auditId: string, description: string) =>
    onLaptop().call(
      'audits.addObservation',
      { auditId, observation: { ...defect, description } },
      'laptop-auditor',
    );
  const reassign = async (toReassign: readonly { id: string }[]) => {
    for (const audit of toReassign) {
      const current = await office.core.call(
        'audits.get',
        { id: audit.id },
        office.sessions.registrar,
      );
      await office.core.call(
        'audits.reassign',
        {
          id: audit.id,
          baseVersion: current.version,
          auditorId: successor.id,
          auditorKind: 'departmental',
        },
        office.sessions.registrar,
      );
    }
    await run.sync('a');
  };
  return { office, laptop, signIn, observe, reassign, audits };
}

describe('sync.md §9 scenarios', () => {
  it('killed after the server committed, before the answer: the retry applies nothing twice', async () => {
    const society = await create('a', '1/2026');
    run.network.inject('a', 'lose_response');
    expect((await run.sync('a')).problem).toMatch(/cannot be reached/);
    await run.restart('a');
    await run.quiesce();
    const [row] = await run.serverRows<{ version: number }>(
      `SELECT version FROM sync_rows WHERE table_name = 'societies' AND id = '${society.id}'`,
    );
    expect(row?.version).toBe(1);
    expect((await societyOn('b', society.id)).name).toBe('Ṭlangnuam 1/2026');
    await assertSyncInvariants(run);
  });

  it('the same push delivered twice at once: one applies, the other is answered as a duplicate', async () => {
    await create('a', '2/2026');
    run.network.inject('a', 'duplicate');
    await run.sync('a');
    const rows = await run.serverRows<{ n: string }>(
      `SELECT count(*) AS n FROM sync_rows WHERE table_name = 'societies'`,
    );
    expect(Number(rows[0]!.n)).toBe(1);
    // And two deliveries racing each other on the server (the device row lock orders them).
    const society = await create('a', '3/2026');
    run.network.inject('a', 'replay_later');
    await run.sync('a');
    await Promise.all([run.sync('b'), run.sync('a')]);
    await run.quiesce();
    expect((await societyOn('b', society.id)).regNo).toBe('3/2026');
    await assertSyncInvariants(run);
  });

  it('a seq gap: a push that skips a change is answered "gap" and nothing of it applies', async () => {
    const { desktop } = run.desktop('a');
    await run.quiesce();
    const response = await run.server.app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: { authorization: `Bearer ${tokenOf('a')}` },
      payload: {
        client: clientOf('a'),
        mutations: [
          {
            seq: 9_999,
            prevSeq: 9_998,
            mutationId: '01936f2e-0000-7000-8000-000000000001',
            name: 'society.update',
            mutationVersion: 1,
            entity: 'society',
            entityId: '01936f2e-0000-7000-8000-000000000002',
            args: { phone: '9436100000' },
            baseVersion: 1,
            base: { phone: null },
            hlc: '000001763900000000:00000:x',
            userId: desktop.users.clerk.id,
            createdAt: '2026-11-23T10:00:00.000Z',
            rows: [],
          },
        ],
      },
    });
    expect(response.json()).toMatchObject({ verdicts: [{ verdict: 'gap' }] });
    const archived = await run.serverRows(`SELECT 1 FROM mutation_archive WHERE seq = 9999`);
    expect(archived).toEqual([]);
    await assertSyncInvariants(run);
  });

  it('a database restored from a backup is refused until enrolled again, then goes on as a new device', async () => {
    await create('a', '4/2026');
    await run.quiesce();
    const { desktop, dataDir } = run.desktop('a');
    desktop.core.services.sqlite.exec('VACUUM');
    const backup = `${dataDir}-backup`;
    const { cpSync, rmSync } = await import('node:fs');
    cpSync(dataDir, backup, { recursive: true });
    await create('a', '5/2026');
    await run.sync('a');
    // The computer fails; the office restores last night's copy and keeps working.
    desktop.core.close();
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(backup, dataDir, { recursive: true });
    rmSync(backup, { recursive: true, force: true });
    await run.restart('a');
    const after = await create('a', '6/2026');
    const refused = await run.sync('a');
    expect(refused.problem).toMatch(/restored from a backup/);
    expect(refused.mustReenrol).toBe(true);
    const again = run.desktop('a').desktop;
    await again.core.call(
      'sync.enrol',
      {
        serverUrl: 'http://state.test',
        code: await run.server.enrolmentCode('AIZ'),
        label: 'Aizawl counter 1 (restored)',
      },
      again.sessions.admin,
    );
    await run.quiesce();
    // Made after the restore: on the server and on the other desktop. Made before the
    // failure and lost locally: still on the server, and back on this desktop.
    expect((await societyOn('b', after.id)).regNo).toBe('6/2026');
    const names = (
      await again.core.call('societies.search', { query: '2026', limit: 10 }, again.sessions.clerk)
    ).map((row) => row.regNo);
    expect(names.sort()).toEqual(['4/2026', '5/2026', '6/2026']);
    await assertSyncInvariants(run);
  });

  it('two offices rename one society: the second is a conflict holding both names', async () => {
    const society = await create('a', '7/2026');
    await run.quiesce();
    await edit(
      's',
      society.id,
      { name: 'Ṭlangnuam Multipurpose Cooperative Society Ltd.' },
      'Order of the Registrar',
    );
    await edit('a', society.id, { name: 'Tlangnuam MPCS Ltd.' }, 'General body resolution');
    await run.sync('s');
    await run.sync('a');
    const issues = await run.serverRows<{
      kind: string;
      fields: Record<string, { mine: string; theirs: string }>;
    }>('SELECT kind, fields FROM sync_issues');
    expect(issues).toEqual([
      {
        kind: 'conflict',
        fields: {
          name: expect.objectContaining({
            mine: 'Tlangnuam MPCS Ltd.',
            theirs: 'Ṭlangnuam Multipurpose Cooperative Society Ltd.',
          }),
        },
      },
    ]);
    await assertSyncInvariants(run);
  });

  it('two computers entering one society offline: the second is held as a likely duplicate; the registrar registers it as different, or refuses it as the same', async () => {
    run.network.partition('b');
    const name = 'Ṭhingsulthliah Bamboo Cooperative Society Ltd.';
    const first = await create('a', '41/1990', { name });
    const twin = await create('b', '41-A/1990', {
      name: 'Thingsulthliah Bamboo Co-operative Society Limited',
    });
    await create('a', '77/1995', { name: 'Sairang Dairy Cooperative Society Ltd.' });
    const same = await create('b', '77/1995-S', { name: 'Sairang Dairy Cooperative Society Ltd.' });
    const { registrar, held } = await afterBRejoins();
    expect(held.map(({ kind, entityId }) => ({ kind, entityId }))).toEqual(
      expect.arrayContaining([
        { kind: 'duplicate', entityId: twin.id },
        { kind: 'duplicate', entityId: same.id },
      ]),
    );
    const bamboo = held.find((issue) => issue.entityId === twin.id)!;
    expect(bamboo.reason).toBe(
      `Likely the same society as ${name} (41/1990) of the same village, already on the state register from ARCS Aizawl. The registrar decides whether this is a different society.`,
    );
    expect(bamboo.fields['reg_no']).toEqual({ base: null, mine: '41-A/1990', theirs: '41/1990' });
    expect(
      await run.serverRows(`SELECT id FROM sync_rows WHERE id IN ('${twin.id}', '${same.id}')`),
    ).toEqual([]);

    // Two societies of one name in one village: the registrar registers the second.
    await registrar.core.call(
      'sync.resolve',
      { issueId: bamboo.id, choice: 'mine' },
      registrar.sessions.registrar,
    );
    // The dairy is the same society entered twice: refused.
    const dairy = held.find((issue) => issue.entityId === same.id)!;
    await registrar.core.call(
      'sync.resolve',
      { issueId: dairy.id, choice: 'theirs' },
      registrar.sessions.registrar,
    );
    await run.quiesce();

    expect((await societyOn('a', twin.id)).regNo).toBe('41-A/1990');
    expect((await societyOn('a', first.id)).regNo).toBe('41/1990');
    const verdicts = await run.serverRows<{ verdict: string; reason: string | null }>(
      `SELECT p.verdict, p.reason FROM processed_mutations p JOIN mutation_archive m USING (mutation_id)
       WHERE m.body->>'entityId' IN ('${twin.id}', '${same.id}') ORDER BY m.body->>'entityId' = '${same.id}'`,
    );
    expect(verdicts).toEqual([
      { verdict: 'applied', reason: null },
      {
        verdict: 'rejected',
        reason: sameSocietyRefusal(registrar),
      },
    ]);
    expect(await run.serverRows(`SELECT id FROM sync_rows WHERE id = '${same.id}'`)).toEqual([]);
    expect(await registrar.core.call('sync.issues', {}, registrar.sessions.registrar)).toEqual([]);
    await assertSyncInvariants(run, { replicasEqual: true });
  });

  it('one society registered on two desktops offline: the second is held as a likely duplicate; refused as the same, its registration number is voided with the reason', async () => {
    const { first, second, registrar, decide } = await registeredTwice(
      'Ṭhutmun Fish Farmers Cooperative Society Ltd.',
    );
    // The certificate b printed at its approval, as the society holds it.
    const qrText = qrTextOn('b', second.certificates[0]!.serial);
    await decide('theirs');

    // The application b registered it from stays approved, and now leads to the society
    // already registered, on the state server and on both desktops; it says what became of
    // b's own entry and of the number given to it.
    await expectApplicationLedToRegistered(second, first, sameSocietyRefusal(registrar));
    // And the register on both desktops holds the society once: b forgets its own entry.
    for (const name of ['a', 'b']) {
      const { desktop } = run.desktop(name);
      const found = await desktop.core.call(
        'societies.search',
        { query: 'Ṭhutmun Fish Farmers' },
        desktop.sessions.clerk,
      );
      expect(
        found.map(({ id, regNo }) => ({ id, regNo })),
        name,
      ).toEqual([{ id: first.societyId, regNo: first.regNo }]);
    }

    // The numbers b gave, its registration number and the serial of the certificate printed
    // for it, are never given again, and the register of numbers says why.
    const refusal = sameSocietyRefusal(registrar);
    const reason = `Not used: the record it was given to was refused at the state server. ${refusal}`;
    expect(await numbersOnServer(second)).toEqual([
      { purpose: 'certificate', number: second.certificates[0]!.serial, reason },
      { purpose: 'registration', number: second.regNo, reason },
    ]);
    expect(
      run
        .desktop('b')
        .desktop.core.services.sqlite.prepare(
          'SELECT void_reason AS reason FROM number_allocations WHERE number = ?',
        )
        .get(second.regNo),
    ).toEqual({ reason });
    // The certificate b printed for it does not stand either, and the registrar is told, so
    // that it is recalled.
    expect(await openIssues()).toEqual([refusedWithItsRecord('certificate.issue', refusal)]);
    // A phone scanning it is told not to accept it, and why; so is either office's Verify
    // screen (b has forgotten the certificate, but keeps its serial as void).
    await expectNotValidEverywhere(qrText, refusal);
    await assertSyncInvariants(run, { settled: true });
  });

  it('an edit of a registration later refused as the same society is refused with it, never entered as a society of its own', async () => {
    const { second, registrar, decide } = await registeredTwice(
      'Khawzawl Tea Growers Cooperative Society Ltd.',
    );
    // The clerk at b corrects the phone of b's entry while the registrar is deciding.
    await edit('b', second.societyId, { phone: '9436100077' });
    await run.sync('b');
    await decide('theirs');

    expect(
      await run.serverRows(
        `SELECT id FROM sync_rows WHERE table_name = 'societies' AND id = '${second.societyId}'`,
      ),
    ).toEqual([]);
    const refusal = sameSocietyRefusal(registrar);
    expect(await openIssues()).toEqual([
      refusedWithItsRecord('certificate.issue', refusal),
      refusedWithItsRecord('society.update', refusal),
    ]);
    await assertSyncInvariants(run, { settled: true });
  });

  it('a registration whose push was cut after its entry reached the state server, refused as the same society meanwhile: its approval, arriving later, is taken as leading to the society registered, not as a conflict', async () => {
    const name = 'Serchhip Handloom Weavers Cooperative Society Ltd.';
    run.network.partition('b');
    const first = await register('a', name);
    const second = await register('b', name);
    await run.sync('a');
    await run.network.heal();
    // b's network takes one change per request (the state server answers 413 until b sends
    // them one at a time) and fails right after b's entry of the society got through: the
    // approval of its application is still on b.
    const b = run.desktop('b').desktop;
    const { throughEntry } = b.core.services.sqlite
      .prepare(
        `SELECT count(*) AS throughEntry FROM outbox WHERE state = 'pending'
         AND seq <= (SELECT seq FROM outbox WHERE name = 'society.create' AND entity_id = ?)`,
      )
      .get(second.societyId) as { throughEntry: number };
    for (let halving = 0; halving < 7; halving++) run.network.inject('b', 413);
    for (let change = 0; change < throughEntry; change++) run.network.inject('b', 'pass');
    run.network.inject('b', 'drop');
    expect((await run.sync('b')).problem).not.toBeNull();
    const stillOnB = () =>
      b.core.services.sqlite
        .prepare("SELECT name FROM outbox WHERE state = 'pending' AND name = 'application.approve'")
        .all();
    expect(stillOnB()).toEqual([{ name: 'application.approve' }]);

    // a's registrar refuses b's entry as the same society before b is back.
    await run.sync('a');
    const registrar = run.desktop('a').desktop;
    const held = await registrar.core.call('sync.issues', {}, registrar.sessions.registrar);
    const duplicate = held.find((issue) => issue.entityId === second.societyId);
    expect(duplicate?.kind).toBe('duplicate');
    await registrar.core.call(
      'sync.resolve',
      { issueId: duplicate!.id, choice: 'theirs' },
      registrar.sessions.registrar,
    );
    await run.sync('a');
    await run.quiesce();

    // The approval arrived after the refusal, still naming b's entry: it is taken as leading
    // to the society already registered, with what became of b's entry, on the state server
    // and on both desktops.
    console.log(
      JSON.stringify(
        b.core.services.sqlite
          .prepare('SELECT seq, name, state, verdict FROM outbox ORDER BY seq DESC LIMIT 8')
          .all(),
        null,
        1,
      ),
    );
    expect(stillOnB()).toEqual([]);
    const refusal = sameSocietyRefusal(registrar);
    await expectApplicationLedToRegistered(second, first, refusal);
    // Nothing for the registrar to decide about the application: only the certificate b
    // printed for its entry is refused with it, to be recalled.
    expect(await openIssues()).toEqual([refusedWithItsRecord('certificate.issue', refusal)]);
    await assertSyncInvariants(run, { settled: true });
  });

  it('an edit set aside while its registration is held: only the edit is dropped, and the registration, found different, goes through', async () => {
    const { second, registrar, decide, setAside } = await registeredTwice(
      'Saitual Bamboo Cooperative Society Ltd.',
    );
    await edit('b', second.societyId, { phone: '9436100078' });
    await run.sync('b');
    await run.sync('a');
    const issues = await registrar.core.call('sync.issues', {}, registrar.sessions.registrar);
    const waiting = issues.find((issue) => issue.name === 'society.update');
    expect(waiting?.kind).toBe('held');
    await setAside(waiting!.id);
    await decide('mine');

    expect(
      await run.serverRows(
        `SELECT data->>'reg_no' AS "regNo", data->>'phone' AS phone FROM sync_rows
         WHERE table_name = 'societies' AND id = '${second.societyId}'`,
      ),
    ).toEqual([{ regNo: second.regNo, phone: null }]);
    expect(await openIssues()).toEqual([]);
    expect((await societyOn('a', second.societyId)).regNo).toBe(second.regNo);
    await assertSyncInvariants(run, { settled: true });
  });

  it('a waiting certificate set aside by the registrar: its serial number is voided with the reason, nothing waits for it, and the certificate is not valid anywhere', async () => {
    const { second, registrar, decide, setAside } = await registeredTwice(
      'Zawlnuam Poultry Cooperative Society Ltd.',
    );
    // The certificate b printed waits for its society, held as a likely duplicate; the
    // registrar sets the certificate aside.
    const issues = await registrar.core.call('sync.issues', {}, registrar.sessions.registrar);
    const waiting = issues.find((issue) => issue.entityId === second.certificates[0]!.id);
    expect(waiting?.kind).toBe('held');
    // A number waiting with it is not hers to set aside: it goes with its record.
    const number = issues.find((issue) => issue.name === 'number.allocate');
    expect(number?.kind).toBe('held');
    await expect(
      registrar.core.call(
        'sync.resolve',
        { issueId: number!.id, choice: 'theirs' },
        registrar.sessions.registrar,
      ),
    ).rejects.toThrow(
      'A number waiting for the record it was given to cannot be set aside: it is used when that record reaches the state server, or kept as void if the record is refused.',
    );
    await setAside(waiting!.id);
    await decide('mine');

    const setAsideBy = `Set aside by ${registrar.users.registrar.fullName} while it waited.`;
    expect(await numbersOnServer(second)).toEqual([
      {
        purpose: 'certificate',
        number: second.certificates[0]!.serial,
        reason: `Not used: the record it was given to was refused at the state server. ${setAsideBy}`,
      },
      { purpose: 'registration', number: second.regNo, reason: null },
    ]);
    expect(
      await run.serverRows(
        `SELECT count(*)::int AS n FROM sync_rows WHERE table_name = 'certificates' AND id = '${second.certificates[0]!.id}'`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(await openIssues()).toEqual([]);

    // b printed it and still holds it, but shows it as not valid, with why, and no longer
    // prints it; a phone, and either office's Verify screen, are told not to accept it.
    const { serial } = second.certificates[0]!;
    const b = run.desktop('b').desktop;
    expect(
      await b.core.call('certificates.list', { societyId: second.societyId }, b.sessions.clerk),
    ).toMatchObject([
      { serial, revokedAt: null, voidReason: setAsideBy, printable: false, duplicable: false },
    ]);
    await expect(
      b.core.call('certificates.print', { serial }, b.sessions.registrar),
    ).rejects.toThrow(
      `Certificate ${serial} is not valid; it cannot be printed. The state server refused it: ${setAsideBy}`,
    );
    const qrText = qrTextOn('b', serial);
    await expectNotValidEverywhere(qrText, setAsideBy);

    // Deregistering the society revokes its certificates, but not one already not valid:
    // nothing is sent that the state server would only refuse.
    await orderStatus('b', second.societyId, 'under_liquidation');
    await orderStatus('b', second.societyId, 'deregistered');
    await run.quiesce();
    expect(
      b.core.services.sqlite
        .prepare("SELECT count(*) AS n FROM outbox WHERE name = 'certificate.revoke'")
        .get(),
    ).toEqual({ n: 0 });
    expect(await openIssues()).toEqual([]);
    await assertSyncInvariants(run, { settled: true });
  });

  it('a society deregistered offline on the desktop that printed a certificate the registrar set aside meanwhile: the order stands; revoking that certificate is refused with it, for the registrar to see', async () => {
    const { second, registrar, decide } = await registeredTwice(
      'Hnahthial Weavers Cooperative Society Ltd.',
    );
    const issues = await registrar.core.call('sync.issues', {}, registrar.sessions.registrar);
    const certificate = second.certificates[0]!;
    // a's registrar sets the certificate aside; b has not synced since, so it still holds
    // the certificate as in force when its registrar winds the society up and deregisters
    // it, which revokes its certificates.
    await registrar.core.call(
      'sync.resolve',
      { issueId: issues.find((issue) => issue.entityId === certificate.id)!.id, choice: 'theirs' },
      registrar.sessions.registrar,
    );
    await run.sync('a');
    await orderStatus('b', second.societyId, 'under_liquidation');
    await orderStatus('b', second.societyId, 'deregistered');
    await decide('mine');

    expect(
      await run.serverRows(
        `SELECT data->>'status' AS status FROM sync_rows WHERE table_name = 'societies' AND id = '${second.societyId}'`,
      ),
    ).toEqual([{ status: 'deregistered' }]);
    expect(
      await run.serverRows(
        `SELECT id FROM sync_rows WHERE table_name = 'certificates' AND id = '${certificate.id}'`,
      ),
    ).toEqual([]);
    // The certificate never stood at the state server; its revocation is refused with it,
    // and b shows it as not valid rather than revoked.
    const setAsideBy = `Set aside by ${registrar.users.registrar.fullName} while it waited.`;
    expect(await openIssues()).toEqual([refusedWithItsRecord('certificate.revoke', setAsideBy)]);
    const b = run.desktop('b').desktop;
    expect(
      await b.core.call('certificates.list', { societyId: second.societyId }, b.sessions.clerk),
    ).toMatchObject([{ serial: certificate.serial, voidReason: setAsideBy }]);
    await assertSyncInvariants(run, { settled: true });
  });

  it('a waiting number set aside from a desktop without the check: the state server refuses it, and the number goes with its record', async () => {
    const { second, registrar, decide } = await registeredTwice(
      'Darlawn Piggery Cooperative Society Ltd.',
    );
    const issues = await registrar.core.call('sync.issues', {}, registrar.sessions.registrar);
    const number = issues.find((issue) => issue.name === 'number.allocate')!;
    // As an older app would, which did not know a waiting number cannot be set aside.
    registrar.core.services.sqlite
      .prepare(
        "UPDATE sync_issues SET data = json_set(data, '$.name', 'society.update') WHERE id = ?",
      )
      .run(number.id);
    await registrar.core.call(
      'sync.resolve',
      { issueId: number.id, choice: 'theirs' },
      registrar.sessions.registrar,
    );
    await run.sync('a');

    expect(await openIssues()).toContainEqual({
      kind: 'rejected',
      name: 'conflict.resolve',
      reason:
        'A number waiting for the record it was given to cannot be set aside: it is used when that record reaches the state server, or kept as void if the record is refused.',
    });
    expect(
      await run.serverRows(`SELECT resolved_at FROM sync_issues WHERE id = '${number.id}'`),
    ).toEqual([{ resolved_at: null }]);
    // Refused with its record, it is kept as void with the reason.
    await decide('theirs');
    expect(await numbersOnServer(second)).toContainEqual({
      purpose: 'registration',
      number: second.regNo,
      reason: `Not used: the record it was given to was refused at the state server. ${sameSocietyRefusal(registrar)}`,
    });
  });

  it('a registrar’s decision the state server fails to finish leaves nothing of it there; the rest of the push goes on', async () => {
    const { first, second, issue, registrar, decide } = await registeredTwice(
      'Saitual Bamboo Cooperative Society Ltd.',
    );
    const undecided = await refusalOnServer(second, issue.id);
    expect(undecided.decided).toEqual([{ resolution: null }]);
    await whileRefusalsFail('check_violation', async () => {
      const status = await refusedWithAnEdit(issue.id, first.societyId, '9436100088');
      expect(status.problem).toBeNull();
    });

    // Before the failing write the decision had refused the entry, voided its numbers and
    // relinked the application; none of it stands, nor is the held entry, tried again in the
    // same push, taken as refused. The registrar is told why.
    expect(await refusalOnServer(second, issue.id)).toEqual(undecided);
    expect(await numbersOnServer(second)).toEqual([]);
    expect(await openIssues()).toContainEqual({
      kind: 'duplicate',
      name: expect.any(String),
      reason: expect.any(String),
    });
    expect(await openIssues()).toContainEqual({
      kind: 'rejected',
      name: 'conflict.resolve',
      reason:
        'The state server could not apply this change (the write failed). It is kept for the administrator.',
    });
    // The edit sent in the same push went through.
    expect(await phoneOnServer(first.societyId)).toEqual([{ phone: '9436100088' }]);
    await assertSyncInvariants(run);

    // The likely duplicate is back in the registrar's inbox, and decided again, it stands.
    await run.sync('a');
    const inbox = await registrar.core.call('sync.issues', {}, registrar.sessions.registrar);
    expect(inbox.find(({ id }) => id === issue.id)?.kind).toBe('duplicate');
    await decide('theirs');
    expect(await refusalOnServer(second, issue.id)).toMatchObject({
      decided: [{ resolution: 'the same society; this entry was refused' }],
      linkedTo: [{ id: first.societyId }],
    });
  });

  it('a full disk at the state server fails the whole push; sent again once there is room, the registrar’s decision stands whole', async () => {
    const { first, second, issue, registrar } = await registeredTwice(
      'Kolasib Cane Cooperative Society Ltd.',
    );
    const undecided = await refusalOnServer(second, issue.id);
    const phoneBefore = await phoneOnServer(first.societyId);
    await whileRefusalsFail('disk_full', async () => {
      const status = await refusedWithAnEdit(issue.id, first.societyId, '9436100099');
      expect(status.problem).toBe('The state server failed; the change is kept on the computer.');
      expect(status.pending).toBe(2);
    });
    expect(await refusalOnServer(second, issue.id)).toEqual(undecided);
    expect(await phoneOnServer(first.societyId)).toEqual(phoneBefore);

    await run.quiesce();
    expect(await refusalOnServer(second, issue.id)).toMatchObject({
      decided: [{ resolution: 'the same society; this entry was refused' }],
      linkedTo: [{ id: first.societyId }],
    });
    expect(await numbersOnServer(second)).toContainEqual({
      purpose: 'registration',
      number: second.regNo,
      reason: `Not used: the record it was given to was refused at the state server. ${sameSocietyRefusal(registrar)}`,
    });
    expect(await phoneOnServer(first.societyId)).toEqual([{ phone: '9436100099' }]);
    await assertSyncInvariants(run, { settled: true });
  });

  it('one society registered on two desktops offline, found to be two societies: the second registers with its number and certificate', async () => {
    const { second, decide } = await registeredTwice('Sihphir Piggery Cooperative Society Ltd.');
    // Its certificate and numbers wait with it, and go through with it.
    const certificateOnServer = () =>
      run.serverRows(
        `SELECT data->>'serial' AS serial FROM sync_rows WHERE table_name = 'certificates' AND society_id = '${second.societyId}'`,
      );
    expect(await certificateOnServer()).toEqual([]);
    await decide('mine');
    expect(await numbersOnServer(second)).toEqual([
      { purpose: 'certificate', number: second.certificates[0]!.serial, reason: null },
      { purpose: 'registration', number: second.regNo, reason: null },
    ]);
    expect(await certificateOnServer()).toEqual([{ serial: second.certificates[0]!.serial }]);
    expect(await openIssues()).toEqual([]);
    await assertSyncInvariants(run, { settled: true });
  });

  it('a society moving to another office while this office has edits pending: the edit is refused with the reason, kept for the supervisor', async () => {
    const society = await create('a', '8/2026');
    await run.quiesce();
    // The state office moves it to Lunglei (its place was entered wrongly years ago).
    const reference = run.desktop('s').desktop.core.services.reference.get();
    const lunglei = reference.offices.find((office) => office.code === 'LUN')!;
    const village = reference.villages.find(
      (candidate) => candidate.districtId === lunglei.districtIds[0],
    )!;
    await edit('s', society.id, {
      officeId: lunglei.id,
      districtId: village.districtId,
      villageId: village.id,
      areaVillageIds: [village.id],
    });
    await edit('a', society.id, { phone: '9436199999' });
    await run.sync('s');
    const status = await run.sync('a');
    expect(status.issues).toBe(1);
    const [issue] = await run.serverRows<{ kind: string; reason: string }>(
      'SELECT kind, reason FROM sync_issues',
    );
    expect(issue).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/may not change a record of ARCS Lunglei/),
    });

    // Its whole file goes with it: Lunglei's computer receives the society with its history,
    // and Aizawl's computers no longer hold it.
    const lungleiDesktop = (await run.addDesktop('l', 'LUN')).desktop;
    await run.quiesce();
    const there = await societyOn('l', society.id);
    expect(there.officeId).toBe(lunglei.id);
    expect(there.statusHistory.length).toBeGreaterThan(0);
    expect(there.phone).toBe(society.phone);
    const offices = await run.serverRows<{ office_id: string }>(
      `SELECT DISTINCT office_id FROM sync_rows WHERE society_id = '${society.id}'`,
    );
    expect(offices).toEqual([{ office_id: lunglei.id }]);
    for (const name of ['a', 'b']) {
      const { desktop } = run.desktop(name);
      const found = await desktop.core.call(
        'societies.search',
        { query: 'Ṭlangnuam 8/2026', limit: 10 },
        desktop.sessions.clerk,
      );
      expect(found, `${name} forgot the society`).toEqual([]);
    }
    expect(lungleiDesktop.core.services.sqlite.pragma('foreign_key_check')).toEqual([]);
    await assertSyncInvariants(run, { replicasEqual: true });
  });

  it('two computers of one office each sign with a key of their own: neither retires the other’s, and one that lost its key file retires only its own', async () => {
    const keyOf = (registration: Awaited<ReturnType<typeof registered>>) =>
      registration.certificates[0]!.keyId;
    const firstOnA = await register('a', 'Ṭhutmun Fish Farmers Cooperative Society Ltd.');
    await run.quiesce();
    // b holds a's key now, to verify a's certificates; it signs its own with a key of its own.
    const firstOnB = await register('b', 'Khawzawl Tea Growers Cooperative Society Ltd.');
    await run.quiesce();
    expect(keyOf(firstOnB)).not.toBe(keyOf(firstOnA));
    // Started again, a still signs with its key, though it now holds b's as well.
    await run.restart('a');
    const againOnA = await register('a', 'Saitual Bamboo Cooperative Society Ltd.');
    await run.quiesce();
    expect(keyOf(againOnA)).toBe(keyOf(firstOnA));
    const keysOnServer = () =>
      run.serverRows('SELECT key_id AS "keyId", retired_at AS "retiredAt" FROM office_keys');
    expect(await keysOnServer()).toEqual(
      expect.arrayContaining([
        { keyId: keyOf(firstOnA), retiredAt: null },
        { keyId: keyOf(firstOnB), retiredAt: null },
      ]),
    );

    // b's list of the keys it made is gone, as on a computer set up before the list was
    // kept: b knows its key again by the key file it holds.
    const forgetKeysMadeHere = (name: string, value: string | null) =>
      run
        .desktop(name)
        .desktop.core.services.sqlite.prepare(
          value === null
            ? "DELETE FROM app_meta WHERE key = 'office_keys_made_here'"
            : "UPDATE app_meta SET value = ? WHERE key = 'office_keys_made_here'",
        )
        .run(...(value === null ? [] : [value]));
    forgetKeysMadeHere('b', null);
    await run.restart('b');
    const againOnB = await register('b', 'Darlawn Piggery Cooperative Society Ltd.');
    expect(keyOf(againOnB)).toBe(keyOf(firstOnB));

    // b's data folder is restored without its keys: b makes a new key and retires its own
    // lost one, whose certificates still verify; a's key stays in use.
    rmSync(join(run.desktop('b').dataDir, 'keys'), { recursive: true, force: true });
    await run.restart('b');
    const laterOnB = await register('b', 'Zawlnuam Poultry Cooperative Society Ltd.');
    await run.quiesce();
    expect(keyOf(laterOnB)).not.toBe(keyOf(firstOnB));
    const keys = await keysOnServer();
    expect(keys).toHaveLength(3);
    expect(keys).toEqual(
      expect.arrayContaining([
        { keyId: keyOf(firstOnA), retiredAt: null },
        { keyId: keyOf(firstOnB), retiredAt: expect.any(String) },
        { keyId: keyOf(laterOnB), retiredAt: null },
      ]),
    );
    const b = run.desktop('b').desktop;
    const qrText = qrTextOn('a', firstOnB.certificates[0]!.serial);
    expect(
      await b.core.call('certificates.verify', { text: qrText }, b.sessions.clerk),
    ).toMatchObject({ status: 'valid' });

    // A damaged list never stops a registration: a signs with its key as before.
    forgetKeysMadeHere('a', '{"not a list');
    await run.restart('a');
    const lastOnA = await register('a', 'Hnahthial Weavers Cooperative Society Ltd.');
    expect(keyOf(lastOnA)).toBe(keyOf(firstOnA));
    await run.quiesce();
    await assertSyncInvariants(run, { settled: true });
  });

  it('a revoked computer keeps its changes, exports them to a signed file, and the state office imports it', async () => {
    const society = await create('a', '9/2026');
    const [device] = await run.serverRows<{ id: string }>(
      `SELECT id FROM devices WHERE label LIKE '%a-admin%'`,
    );
    await run.server.app.inject({
      method: 'POST',
      url: `/admin/v1/devices/${device!.id}/revoke`,
      headers: { authorization: 'Bearer test-admin-key-0123456789' },
    });
    const status = await run.sync('a');
    expect(status.problem).toMatch(/withdrawn from sync by the administrator/);
    expect(status.pending).toBeGreaterThan(0);

    const { desktop } = run.desktop('a');
    const written = await desktop.core.call('sync.exportPending', {}, desktop.sessions.clerk);
    const exported = {
      count: written.count,
      content: readFileSync(join(run.desktop('a').dataDir, 'exports', written.fileName), 'utf8'),
    };
    expect(exported.count).toBe(status.pending);
    const importFile = (body: string) =>
      run.server.app.inject({
        method: 'POST',
        url: '/admin/v1/import',
        headers: {
          authorization: 'Bearer test-admin-key-0123456789',
          'content-type': 'application/json',
        },
        payload: body,
      });
    // A file changed after it was written is refused whole.
    const tampered = JSON.parse(exported.content) as { payload: string };
    tampered.payload = tampered.payload.replace('9/2026', '99/2026');
    const refused = await importFile(JSON.stringify(tampered));
    expect(refused.statusCode).toBe(403);
    const imported = await importFile(exported.content);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({
      mutations: exported.count,
      verdicts: { applied: exported.count },
    });
    // Delivered twice (the file and, say, a later sync): the second time changes nothing.
    expect((await importFile(exported.content)).json()).toMatchObject({
      verdicts: { duplicate: exported.count },
    });
    await run.sync('b');
    expect((await societyOn('b', society.id)).regNo).toBe('9/2026');
    await assertSyncInvariants(run);
  });

  it('pool empty offline: a registration takes a provisional number and no certificate; the next sync gives it a leased number and its certificate', async () => {
    run.network.partition('a');
    // Every block the state server leased to a is used up.
    run
      .desktop('a')
      .desktop.core.services.sqlite.prepare('UPDATE number_blocks SET next = last + 1')
      .run();
    const offline = await register('a', 'Ṭhutmun Fish Farmers Cooperative Society Ltd.');
    expect(offline.ackNo).toMatch(/^ACK\/AIZ\/2026-27\/P-[0-9A-F]{6}-1$/);
    expect(offline.regNo).toMatch(/^RCS\/AIZ\/2026-27\/P-[0-9A-F]{6}-1$/);
    expect(offline.certificates).toEqual([]);
    // Meanwhile b, online, registers from its own block.
    const online = await register('b', 'Sihphir Fish Farmers Cooperative Society Ltd.');
    expect(online.regNo).toMatch(/^RCS\/AIZ\/2026-27\/\d{4}$/);
    expect(online.certificates).toHaveLength(1);

    await run.network.heal();
    await run.quiesce();
    const settled = await registered('a', offline.applicationId);
    expect(settled.ackNo).toMatch(/^ACK\/AIZ\/2026-27\/\d{4}$/);
    expect(settled.regNo).toMatch(/^RCS\/AIZ\/2026-27\/\d{4}$/);
    expect(settled.regNo).not.toBe(online.regNo);
    // The certificate it could not have offline, with its final number.
    expect(settled.certificates).toHaveLength(1);
    expect(settled.certificates[0]!.regNo).toBe(settled.regNo);
    expect((await societyOn('b', settled.societyId)).regNo).toBe(settled.regNo);
    const voided = run
      .desktop('a')
      .desktop.core.services.sqlite.prepare(
        "SELECT number, void_reason AS reason FROM number_allocations WHERE number LIKE '%/P-%' ORDER BY number",
      )
      .all();
    expect(voided).toEqual([
      { number: offline.ackNo, reason: `Provisional; replaced by ${settled.ackNo} at sync` },
      { number: offline.regNo, reason: `Provisional; replaced by ${settled.regNo} at sync` },
    ]);
    // Replacing the numbers is no conflict for anyone.
    expect(await openIssues()).toEqual([]);
    await assertSyncInvariants(run, { settled: true });
  });

  it('an observation written offline on the laptop after the audit was resubmitted and accepted at the office is refused, kept for the registrar', async () => {
    const office = run.desktop('a').desktop;
    const laptop = run.desktop('b').desktop;
    // The auditor is set up at the office and signs in on both computers.
    const auditor = await auditorOf(office);
    const signIn = async (desktop: typeof office, session: string, password: string) =>
      desktop.core.call('auth.login', { username: AUDITOR.username, password }, session);
    await signIn(office, 'office-auditor', AUDITOR.temporaryPassword);
    await office.core.call(
      'auth.changePassword',
      { currentPassword: AUDITOR.temporaryPassword, newPassword: AUDITOR.password },
      'office-auditor',
    );
    const reference = office.core.services.reference.get();
    const society = await office.core.call(
      'societies.create',
      {
        society: {
          ...validSociety(reference),
          typeId: reference.societyTypes.find((type) => type.code === 'PACS')!.id,
          name: 'Ṭhutmun Primary Agricultural Credit Cooperative Society Ltd.',
          regNo: '77/2001',
        },
      },
      office.sessions.clerk,
    );
    await office.core.call(
      'audits.assign',
      {
        fy: '2025-26',
        societyIds: [society.id],
        auditorId: auditor.id,
        auditorKind: 'departmental',
      },
      office.sessions.registrar,
    );
    await run.sync('a');
    await run.sync('b');
    await signIn(laptop, 'laptop-auditor', AUDITOR.password);

    // In the village: the report, a defect, submitted.
    const [mine] = await laptop.core.call('audits.mine', {}, 'laptop-auditor');
    let detail = await laptop.core.call('audits.get', { id: mine!.auditId }, 'laptop-auditor');
    detail = await laptop.core.call(
      'audits.saveReport',
      { id: detail.id, baseVersion: detail.version, report: reportOf() },
      'laptop-auditor',
    );
    detail = await laptop.core.call(
      'audits.addObservation',
      { auditId: detail.id, observation: defect },
      'laptop-auditor',
    );
    await laptop.core.call(
      'audits.submit',
      { id: detail.id, baseVersion: detail.version },
      'laptop-auditor',
    );
    await run.sync('b');
    await run.sync('a');
    // The registrar returns it; the laptop learns of it.
    detail = await office.core.call('audits.get', { id: detail.id }, office.sessions.registrar);
    await office.core.call(
      'audits.review',
      {
        id: detail.id,
        baseVersion: detail.version,
        decision: 'return',
        remarks: 'Attach the bank reconciliation.',
        password: TEST_PASSWORD,
      },
      office.sessions.registrar,
    );
    await run.sync('a');
    await run.sync('b');

    // Offline on the laptop, a second observation on the returned audit...
    run.network.partition('b');
    await laptop.core.call(
      'audits.addObservation',
      {
        auditId: detail.id,
        observation: { ...defect, description: 'Cash book not written since 01-09-2026.' },
      },
      'laptop-auditor',
    );
    // ...while at the office the auditor resubmits and the registrar accepts.
    detail = await office.core.call('audits.get', { id: detail.id }, 'office-auditor');
    detail = await office.core.call(
      'audits.submit',
      { id: detail.id, baseVersion: detail.version },
      'office-auditor',
    );
    await office.core.call(
      'audits.review',
      {
        id: detail.id,
        baseVersion: detail.version,
        decision: 'accept',
        remarks: null,
        password: TEST_PASSWORD,
      },
      office.sessions.registrar,
    );
    await run.sync('a');
    await run.network.heal();
    await run.quiesce();

    const issues = await office.core.call('sync.issues', {}, office.sessions.registrar);
    expect(issues).toContainEqual(
      expect.objectContaining({
        kind: 'rejected',
        name: 'auditObservation.add',
        reason:
          'The audit was already accepted on the state server; this observation was written while it was returned to the auditor and was not added to the report.',
      }),
    );
    // The accepted report holds the one defect it was accepted with.
    const accepted = await run.serverRows<{ description: string }>(
      `SELECT data->>'description' AS description FROM sync_rows
       WHERE table_name = 'audit_observations' AND data->>'audit_id' = '${detail.id}'`,
    );
    expect(accepted.map((row) => row.description)).toEqual([defect.description]);
    await assertSyncInvariants(run);
  });

  it('an auditor’s assignment expiring offline: work from before it ended is taken, within the grace it is taken and flagged, after it is refused; the laptop forgets the societies', async () => {
    await create('a', '303/2019', { name: 'Kolasib Weavers Cooperative Society Ltd.' });
    const { office, laptop, signIn, observe, reassign, audits } = await auditorInTheField([
      { regNo: '301/2019', name: 'Ṭhingsulthliah Fishery Cooperative Society Ltd.' },
      { regNo: '302/2019', name: 'Sairang Dairy Cooperative Society Ltd.' },
    ]);
    const [first, second] = audits;

    // The laptop is enrolled for the auditor: her two societies, nobody else's password.
    const held = await laptop.core.call('societies.list', {}, laptop.sessions.clerk);
    expect(held.rows.map((row) => row.name).sort()).toEqual([
      'Sairang Dairy Cooperative Society Ltd.',
      'Ṭhingsulthliah Fishery Cooperative Society Ltd.',
    ]);
    const passwordsFromOffice = laptop.core.services.sqlite
      .prepare(
        "SELECT u.username FROM user_passwords p JOIN users u ON u.id = p.user_id WHERE u.username NOT LIKE 'f.%'",
      )
      .pluck()
      .all();
    expect(passwordsFromOffice).toEqual([AUDITOR.username]);
    expect((await laptop.core.call('sync.status', {}, laptop.sessions.clerk)).fieldLaptopOf).toBe(
      AUDITOR.fullName,
    );

    // In the village, with no network: one observation the day she arrives...
    run.network.partition('f');
    await observe(first!.id, 'Cash book not balanced since 01-09-2026.');
    // ...the next day the office gives both audits to another auditor...
    await run.passDays(1);
    await reassign(audits);
    // ...she, not knowing, goes on two days later, and again a week after that.
    await run.passDays(2);
    await signIn();
    await observe(second!.id, 'Share register not signed by the secretary.');
    await run.passDays(7);
    await signIn();
    await observe(first!.id, 'Stock of fish feed not verified.');
    await run.quiesce();

    const onServer = await run.serverRows<{ audit_id: string; description: string }>(
      `SELECT data->>'audit_id' AS audit_id, data->>'description' AS description FROM sync_rows
       WHERE table_name = 'audit_observations' ORDER BY 2`,
    );
    expect(onServer).toEqual([
      { audit_id: first!.id, description: 'Cash book not balanced since 01-09-2026.' },
      { audit_id: second!.id, description: 'Share register not signed by the secretary.' },
    ]);
    const issues = await office.core.call('sync.issues', {}, office.sessions.registrar);
    const about = issues.filter((issue) => issue.name === 'auditObservation.add');
    expect(about.map(({ kind, reason }) => ({ kind, reason }))).toEqual(
      expect.arrayContaining([
        {
          kind: 'flagged',
          reason: `Made on ${AUDITOR.fullName}’s field laptop on 26-11-2026, 2 days after the audit of Sairang Dairy Cooperative Society Ltd. was reassigned to Lalhmingliana Sailo on 24-11-2026; taken, within the 7-day grace for work done offline. Check that it belongs to the report.`,
        },
        {
          kind: 'rejected',
          reason: `Made on ${AUDITOR.fullName}’s field laptop on 03-12-2026, 9 days after the audit of Ṭhingsulthliah Fishery Cooperative Society Ltd. was reassigned to Lalhmingliana Sailo on 24-11-2026: past the 7-day grace for work done offline, so it was not applied.`,
        },
      ]),
    );
    expect(about).toHaveLength(2);

    // The laptop no longer holds the societies; what she wrote is kept in its record of
    // changes and in the server's archive.
    expect((await laptop.core.call('societies.list', {}, laptop.sessions.clerk)).total).toBe(0);
    expect(await laptop.core.call('audits.mine', {}, 'laptop-auditor')).toEqual([]);
    const refused = laptop.core.services.sqlite
      .prepare("SELECT state FROM outbox WHERE name = 'auditObservation.add' ORDER BY seq")
      .pluck()
      .all();
    expect(refused).toEqual(['done', 'done', 'rejected']);
    // She sees on the laptop what became of her two late observations, and nothing else.
    const hers = await laptop.core.call('sync.issues', {}, 'laptop-auditor');
    expect(hers.map((issue) => issue.kind).sort()).toEqual(['flagged', 'rejected']);

    // The registrar marks the flagged one checked; it leaves the inbox, the observation stays.
    const flagged = about.find((issue) => issue.kind === 'flagged')!;
    await office.core.call(
      'sync.resolve',
      { issueId: flagged.id, choice: 'theirs' },
      office.sessions.registrar,
    );
    await run.quiesce();
    const left = await office.core.call('sync.issues', {}, office.sessions.registrar);
    expect(left.map((issue) => issue.id)).not.toContain(flagged.id);
    expect(
      (await office.core.call('audits.get', { id: second!.id }, office.sessions.registrar))
        .observations,
    ).toHaveLength(1);
    await assertSyncInvariants(run, { replicasEqual: true });
  });

  it('a field laptop’s clock set back by hand after its assignment ended: the change is taken, never dated before the last sync, and flagged for the registrar', async () => {
    const { office, signIn, observe, reassign, audits } = await auditorInTheField([
      { regNo: '304/2019', name: 'Champhai Grape Growers Cooperative Society Ltd.' },
    ]);
    const [audit] = audits;
    // Her last sync is the next day; then she is offline in the village. A day later the
    // office gives the audit to another auditor.
    await run.passDays(1);
    await run.sync('f');
    run.network.partition('f');
    await run.passDays(1);
    await reassign(audits);
    // Two days later she sets the laptop's clock back four days, to before her last sync
    // (though not before anything she did on it), starts it again, and writes an observation.
    await run.passDays(2);
    run.setClock('f', -4 * 86_400_000);
    await run.restart('f');
    await signIn();
    await observe(audit!.id, 'Grape stock register not kept since 01-10-2026.');
    await run.quiesce();

    expect(
      await run.serverRows(
        `SELECT data->>'description' AS description FROM sync_rows WHERE table_name = 'audit_observations'`,
      ),
    ).toEqual([{ description: 'Grape stock register not kept since 01-10-2026.' }]);
    const issues = await office.core.call('sync.issues', {}, office.sessions.registrar);
    expect(issues.map(({ kind, reason }) => ({ kind, reason }))).toEqual([
      {
        kind: 'flagged',
        reason: `Made on ${AUDITOR.fullName}’s field laptop while its clock was set back: it read 23-11-2026, though the laptop had already reached 24-11-2026. The audit of Champhai Grape Growers Cooperative Society Ltd. was reassigned to Lalhmingliana Sailo on 25-11-2026, so the change may have been made after that; taken. Check that it belongs to the report.`,
      },
    ]);
    expect(
      run
        .desktop('f')
        .desktop.core.services.sqlite.prepare('SELECT count(*) FROM outbox WHERE state = ?')
        .pluck()
        .get('pending'),
    ).toBe(0);
    await assertSyncInvariants(run, { settled: true });
  });

  it('a clock three days fast is clamped and flagged, never fatal; its edits still apply', async () => {
    run.dispose();
    run = await world.run({ clockLeadMs: { b: 3 * 24 * 3_600_000 } });
    const society = await create('a', '10/2026');
    await run.quiesce();
    await edit('b', society.id, { phone: '9436100003' });
    await run.quiesce();
    expect((await societyOn('a', society.id)).phone).toBe('9436100003');
    const flagged = await run.serverRows<{ label: string }>(
      'SELECT label FROM devices WHERE clock_flagged_at IS NOT NULL',
    );
    expect(flagged.map((device) => device.label)).toEqual(['Desktop b-admin']);
    const [row] = await run.serverRows<{ hlc: string }>(
      `SELECT hlc FROM sync_rows WHERE id = '${society.id}'`,
    );
    expect(Number(row!.hlc.split(':')[0])).toBeLessThanOrEqual(Date.parse('2026-11-23T10:05:00Z'));
    await assertSyncInvariants(run);
  });

  it('an old client is told to update (426) and a newer server’s extra columns do not break a pull', async () => {
    const old = await run.server.app.inject({
      method: 'POST',
      url: '/sync/v1/pull',
      headers: { authorization: `Bearer ${tokenOf('a')}` },
      payload: { client: { ...clientOf('a'), protocol: SYNC_PROTOCOL_VERSION - 1 }, cursors: {} },
    });
    expect(old.statusCode).toBe(426);
    expect(old.json().error).toMatch(/too old/);
    const society = await create('a', '11/2026');
    await run.quiesce();
    await run.server.database.db.execute(
      (await import('drizzle-orm')).sql.raw(
        `UPDATE sync_rows SET data = data || '{"cooperative_bank_ifsc": "MCAB0000001"}', server_seq = server_seq + 1000 WHERE id = '${society.id}'`,
      ),
    );
    await run.quiesce();
    expect((await societyOn('b', society.id)).regNo).toBe('11/2026');
  });

  it('5,000 pending changes go up in batches and settle', async () => {
    const { desktop } = run.desktop('a');
    const base = societyCreateSchema.parse(validSociety(desktop.core.services.reference.get()));
    desktop.core.services.societies.entry.importMany(
      Array.from({ length: 5_000 }, (_, index) => ({
        ...base,
        name: `Ṭlang Society ${index}`,
        regNo: `BULK/${index}`,
      })),
      { userId: desktop.users.clerk.id, role: 'clerk', officeId: desktop.users.clerk.officeId },
    );
    expect((await run.sync('a')).pending).toBe(0);
    const [count] = await run.serverRows<{ n: string }>(
      `SELECT count(*) AS n FROM sync_rows WHERE table_name = 'societies'`,
    );
    expect(Number(count!.n)).toBe(5_000);
  }, 180_000);
});

function tokenOf(name: string): string {
  return run
    .desktop(name)
    .desktop.core.services.sqlite.prepare("SELECT value FROM app_meta WHERE key = 'sync_token'")
    .pluck()
    .get() as string;
}

function clientOf(name: string) {
  const sqlite = run.desktop(name).desktop.core.services.sqlite;
  const meta = (key: string) =>
    sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').pluck().get(key) as string;
  return {
    protocol: SYNC_PROTOCOL_VERSION,
    schemaVersion: 12,
    appVersion: '0.0.0-test',
    deviceId: meta('device_id'),
    installEpoch: meta('install_epoch'),
  };
}

describe('reference images', () => {
  it('the state emblem the administrator sets at the state office prints in every office', async () => {
    const { testPng } = await import('../fixtures/test-png');
    const state = run.desktop('s').desktop;
    const emblem = testPng(240, 240);
    await state.core.call(
      'reference.setLetterheadImage',
      { kind: 'state_emblem', contentBase64: emblem.toString('base64') },
      state.sessions.admin,
    );
    await run.sync('s');
    await run.sync('a');
    const office = run.desktop('a').desktop;
    const seen = await office.core.call('reference.letterhead', {}, office.sessions.clerk);
    expect(seen.stateEmblem).toMatchObject({ width: 240, height: 240, size: emblem.length });
    expect(office.core.services.reference.letterhead.marks().stateEmblem?.equals(emblem)).toBe(
      true,
    );
    await assertSyncInvariants(run);
  });
});
