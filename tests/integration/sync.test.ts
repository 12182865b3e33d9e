import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { validSociety } from '../fixtures/societies';
import { AUDITOR, auditorOf, editSociety, type Desktop } from '../fixtures/sync-harness';
import { serverPerTest } from '../fixtures/sync-suite';

const suite = serverPerTest();
const desktop = (prefix: string, officeCode = 'AIZ', clockLeadMs = 0) =>
  suite.desktop(prefix, officeCode, clockLeadMs);

async function registerSociety(on: Desktop, overrides: Parameters<typeof validSociety>[1] = {}) {
  return on.core.call(
    'societies.create',
    { society: validSociety(on.core.services.reference.get(), overrides) },
    on.sessions.clerk,
  );
}

describe('sync between two desktops of one office and the state server', () => {
  it('a society entered on one desktop appears on the other, searchable and complete', async () => {
    const a = await desktop('a');
    const b = await desktop('b');
    const created = await registerSociety(a);
    await a.sync();
    await b.sync();

    const found = await b.core.call(
      'societies.search',
      { query: 'thutmun', limit: 10 },
      b.sessions.clerk,
    );
    expect(found.map((row) => row.id)).toEqual([created.id]);
    const copy = await b.core.call('societies.get', { id: created.id }, b.sessions.clerk);
    expect(copy.name).toBe('Ṭhutmun Fishery Cooperative Society Ltd.');
    expect(copy.regNo).toBe('760/49');
    expect(copy.areaOfOperation.map((village) => village.id).sort()).toEqual(
      created.areaOfOperation.map((village) => village.id).sort(),
    );
    expect(copy.statusHistory.map((entry) => entry.status)).toEqual(['functional']);

    // The server countersigned the head of A's record of changes and kept it; A keeps it too.
    const head = JSON.parse(
      a.core.services.sqlite
        .prepare("SELECT value FROM app_meta WHERE key = 'audit_trail_head'")
        .pluck()
        .get() as string,
    ) as { seq: number; hash: string };
    const kept = JSON.parse(
      a.core.services.sqlite
        .prepare("SELECT value FROM app_meta WHERE key = 'sync_checkpoint'")
        .pluck()
        .get() as string,
    ) as Record<string, unknown>;
    expect(kept).toMatchObject({ seq: head.seq, hash: head.hash, signature: expect.any(String) });
    const onServer = await suite.server.database.db.execute(
      sql`SELECT checkpoint FROM devices WHERE checkpoint->>'hash' = ${head.hash}`,
    );
    expect((onServer as unknown as { rows: unknown[] }).rows).toHaveLength(1);

    const statusA = await a.core.call('sync.status', {}, a.sessions.clerk);
    expect(statusA).toMatchObject({
      enrolled: true,
      online: true,
      pending: 0,
      issues: 0,
      problem: null,
    });
  });

  it('“Sync now” answers with the state after the run, so the screen that asked stops saying “Syncing…”', async () => {
    const a = await desktop('a');
    await registerSociety(a);
    const answer = await a.core.call('sync.now', {}, a.sessions.clerk);
    expect(answer).toMatchObject({
      running: false,
      pending: 0,
      problem: null,
      lastSyncAt: expect.any(String),
    });
    const asked = await a.core.call('sync.status', {}, a.sessions.clerk);
    expect({ ...answer, takenAt: 0 }).toEqual({ ...asked, takenAt: 0 });
    expect(asked.takenAt).toBeGreaterThan(answer.takenAt);
  });

  it('an edit on one desktop reaches the other, and the edit after it goes on from the server’s version', async () => {
    const a = await desktop('a');
    const b = await desktop('b');
    const created = await registerSociety(a);
    await a.sync();
    await b.sync();
    await editSociety(b, created.id, { address: 'Dawrpui Vengthar' });
    await b.sync();
    await a.sync();
    const onA = await a.core.call('societies.get', { id: created.id }, a.sessions.clerk);
    expect(onA.address).toBe('Dawrpui Vengthar');
    await editSociety(a, created.id, { address: 'Dawrpui' });
    await a.sync();
    await b.sync();
    expect((await b.core.call('societies.get', { id: created.id }, b.sessions.clerk)).address).toBe(
      'Dawrpui',
    );
    expect((await a.core.call('sync.status', {}, a.sessions.clerk)).issues).toBe(0);
  });

  it('two desktops renaming one society offline: the second reaches the registrar side by side, who decides', async () => {
    const a = await desktop('a');
    const b = await desktop('b');
    const created = await registerSociety(a);
    await a.sync();
    await b.sync();
    const rename = (on: Desktop, name: string) =>
      editSociety(on, created.id, { name }, 'Resolution of the general body');
    await rename(a, 'Ṭhutmun Fish Farmers Cooperative Society Ltd.');
    await rename(b, 'Thutmun Fishery Multipurpose Cooperative Society Ltd.');
    await a.sync();
    await b.sync();
    await a.sync();

    const issues = await a.core.call('sync.issues', {}, a.sessions.registrar);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({
      kind: 'conflict',
      recordLabel: 'Society: Ṭhutmun Fish Farmers Cooperative Society Ltd.',
      madeByName: 'Lalremsiama B',
      fromThisDevice: false,
    });
    expect(issue!.fields['name']).toEqual({
      base: 'Ṭhutmun Fishery Cooperative Society Ltd.',
      mine: 'Thutmun Fishery Multipurpose Cooperative Society Ltd.',
      theirs: 'Ṭhutmun Fish Farmers Cooperative Society Ltd.',
    });
    // Nothing of the conflicting change applied: the server keeps the first name.
    expect((await b.core.call('sync.status', {}, b.sessions.clerk)).issues).toBe(1);

    await a.core.call('sync.resolve', { issueId: issue!.id, choice: 'mine' }, a.sessions.registrar);
    await a.sync();
    await b.sync();
    for (const side of [a, b]) {
      const society = await side.core.call(
        'societies.get',
        { id: created.id },
        side.sessions.clerk,
      );
      expect(society.name).toBe('Thutmun Fishery Multipurpose Cooperative Society Ltd.');
      expect((await side.core.call('sync.status', {}, side.sessions.clerk)).issues).toBe(0);
    }
  });

  it('concurrent edits of a phone number do not conflict: the later one stands on both desktops', async () => {
    const a = await desktop('a');
    // B's edit is a minute later than A's.
    const b = await desktop('b', 'AIZ', 60_000);
    const created = await registerSociety(a);
    await a.sync();
    await b.sync();
    for (const [on, phone] of [
      [a, '9436100001'],
      [b, '9436100002'],
    ] as const) {
      await editSociety(on, created.id, { phone });
    }
    await a.sync();
    await b.sync();
    await a.sync();
    for (const side of [a, b]) {
      const society = await side.core.call(
        'societies.get',
        { id: created.id },
        side.sessions.clerk,
      );
      expect(society.phone).toBe('9436100002');
      expect((await side.core.call('sync.status', {}, side.sessions.clerk)).issues).toBe(0);
    }
  });

  it('a user name set up on both desktops before they were connected does not stop the sync', async () => {
    const first = await desktop('same');
    const second = await desktop('same');
    const created = await registerSociety(first);
    await first.sync();
    await second.sync();
    // The other desktop's "same.admin" is left out on this one (logged); the register comes through.
    expect(
      (await second.core.call('societies.get', { id: created.id }, second.sessions.clerk)).regNo,
    ).toBe('760/49');
    expect(second.core.logger.events.map((event) => event.event)).toContain(
      'sync.pulled_row_clashes',
    );
  });

  it('a user the administrator sets up on one desktop signs in on the other; a password changed there works back here', async () => {
    const office = await desktop('a');
    const laptop = await desktop('b');
    const auditor = await auditorOf(office);
    await office.sync();
    await laptop.sync();

    // On the laptop: the temporary password works, and must be changed first.
    const signedIn = await laptop.core.call(
      'auth.login',
      { username: AUDITOR.username, password: AUDITOR.temporaryPassword },
      'laptop-auditor',
    );
    expect(signedIn.session).toMatchObject({
      user: { id: auditor.id, fullName: AUDITOR.fullName, role: 'auditor' },
      mustChangePassword: true,
    });
    await laptop.core.call(
      'auth.changePassword',
      { currentPassword: AUDITOR.temporaryPassword, newPassword: AUDITOR.password },
      'laptop-auditor',
    );
    await laptop.sync();
    await office.sync();

    // Back at the office, only the new password opens the account.
    await expect(
      office.core.call(
        'auth.login',
        { username: AUDITOR.username, password: AUDITOR.temporaryPassword },
        'office-auditor',
      ),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    const again = await office.core.call(
      'auth.login',
      { username: AUDITOR.username, password: AUDITOR.password },
      'office-auditor',
    );
    expect(again.session).toMatchObject({ user: { id: auditor.id }, mustChangePassword: false });
    // The hash travels in the row only: no record of changes, here or there, holds it.
    for (const each of [office, laptop]) {
      const trail = JSON.stringify(
        each.core.services.sqlite.prepare('SELECT changes FROM audit_trail').all(),
      );
      expect(trail).not.toContain('$argon2id');
    }
  });

  it('a field laptop is enrolled only for an auditor the server knows, and takes changes only to the societies assigned to them', async () => {
    const a = await desktop('a');
    const auditor = await auditorOf(a);
    const kept = await registerSociety(a);
    await a.sync();
    await expect(suite.server.enrolmentCode('AIZ', 'Field laptop', 'lalnunmawia')).rejects.toThrow(
      'The state server has no user lalnunmawia of AIZ. Set them up at the office and sync it first.',
    );
    await expect(suite.server.enrolmentCode('AIZ', 'Field laptop', 'a.clerk')).rejects.toThrow(
      'Lalremsiama A is not an auditor; a field laptop is for an auditor.',
    );
    await expect(
      suite.server.enrolmentCode('LUN', 'Field laptop', AUDITOR.username),
    ).rejects.toThrow(`The state server has no user ${AUDITOR.username} of LUN.`);

    // With no audit assigned, the laptop holds no society of the office.
    const laptop = await suite.fieldLaptop('f', 'AIZ', AUDITOR.username);
    await laptop.sync();
    expect((await laptop.core.call('societies.list', {}, laptop.sessions.clerk)).total).toBe(0);
    // A society entered on it by mistake is refused by the server and kept for the registrar.
    await registerSociety(laptop, {
      name: 'Hnahthial Handloom Cooperative Society Ltd.',
      regNo: '88/2026',
    });
    await laptop.sync();
    const issues = await laptop.core.call('sync.issues', {}, laptop.sessions.registrar);
    expect(issues.map(({ kind, name, reason }) => ({ kind, name, reason }))).toEqual([
      {
        kind: 'rejected',
        name: 'society.create',
        reason: `This is the field laptop of ${AUDITOR.fullName}; it takes only their work, not another user’s.`,
      },
    ]);
    // Once the office assigns it an audit, the society comes to the laptop.
    await a.core.call(
      'audits.assign',
      { fy: '2025-26', societyIds: [kept.id], auditorId: auditor.id, auditorKind: 'panel' },
      a.sessions.registrar,
    );
    await a.sync();
    await laptop.sync();
    const held = await laptop.core.call('societies.list', {}, laptop.sessions.clerk);
    expect(held.rows.map((row) => row.id)).toContain(kept.id);
  });

  it('a change made by a newer version of the app than the server waits, held with the reason; the rest goes on', async () => {
    const a = await desktop('a');
    const created = await registerSociety(a);
    await editSociety(a, created.id, { phone: '9436100001' });
    // As if a later app had recorded the edit under version 2 of its change.
    a.core.services.sqlite
      .prepare("UPDATE outbox SET mutation_version = 2 WHERE name = 'society.update'")
      .run();
    await a.sync();
    const [issue] = await a.core.call('sync.issues', {}, a.sessions.registrar);
    expect(issue).toMatchObject({
      kind: 'held',
      name: 'society.update',
      reason:
        'Made by a newer version of the app (version 2 of this change; the state server knows 1). It is taken once the state server is updated.',
    });
    const [onServer] = await suite.server.rows<{ phone: string | null }>(
      `SELECT data->>'phone' AS phone FROM sync_rows WHERE table_name = 'societies' AND id = '${created.id}'`,
    );
    expect(onServer).toEqual({ phone: created.phone });
  });

  it('a change carrying a NUL character, which PostgreSQL cannot store, is refused on its own; the sync goes on', async () => {
    const a = await desktop('a');
    const b = await desktop('b');
    const before = await registerSociety(a, { name: 'Sihphir Dairy Cooperative Society Ltd.' });
    const spoilt = await registerSociety(a, {
      name: 'Zemabawk Poultry Cooperative Society Ltd.',
      regNo: '761/49',
    });
    // As if stored by an older app that let a pasted NUL through (the text rules drop it now).
    a.core.services.sqlite.exec(`
      INSERT INTO temp.mutation_guard (open) VALUES (1);
      UPDATE societies SET name = name || char(0) WHERE id = '${spoilt.id}';
      DELETE FROM temp.touched_rows;
      DELETE FROM temp.mutation_guard;`);
    const after = await registerSociety(a, {
      name: 'Durtlang Handloom Cooperative Society Ltd.',
      regNo: '762/49',
    });
    await a.sync();
    await b.sync();

    expect(await a.core.call('sync.status', {}, a.sessions.clerk)).toMatchObject({
      pending: 0,
      problem: null,
    });
    const found = await b.core.call(
      'societies.search',
      { query: 'cooperative', limit: 10 },
      b.sessions.clerk,
    );
    expect(found.map((row) => row.id).sort()).toEqual([before.id, after.id].sort());
    const [issue] = await a.core.call('sync.issues', {}, a.sessions.registrar);
    expect(issue).toMatchObject({
      kind: 'rejected',
      reason:
        'It contains a hidden character that the state server cannot store (in name of societies). The change stays on this computer and is kept for the administrator.',
    });
    const [archived] = await suite.server.rows<{ name: string }>(
      `SELECT r->'data'->>'name' AS name FROM mutation_archive, jsonb_array_elements(body->'rows') r
        WHERE r->>'id' = '${spoilt.id}' AND r->>'table' = 'societies'`,
    );
    expect(archived).toEqual({ name: 'Zemabawk Poultry Cooperative Society Ltd.\ufffd' });
  });

  it('a desktop of another office receives nothing of this office', async () => {
    const a = await desktop('a', 'AIZ');
    const lunglei = await desktop('l', 'LUN');
    await registerSociety(a);
    await a.sync();
    await lunglei.sync();
    const found = await lunglei.core.call(
      'societies.search',
      { query: 'thutmun', limit: 10 },
      lunglei.sessions.clerk,
    );
    expect(found).toEqual([]);
  });
});
