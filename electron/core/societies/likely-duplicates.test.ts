import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { likelyDuplicateIn } from '#shared/societies/likely-duplicate';
import { societyCreateSchema, type SocietyCreateInput } from '#shared/societies/society';
import type { ReferenceData } from '#shared/reference/contract';
import { editableFields, validSociety } from '../../../tests/fixtures/societies';
import { createTestCore, TEST_SESSION, type TestCore } from '../../../tests/fixtures/test-core';

let core: TestCore;
let reference: ReferenceData;

beforeEach(async () => {
  core = createTestCore();
  await core.signInAs('clerk');
  reference = await core.call('reference.get', {});
});
afterEach(() => core.dispose());

const dispatchAsClerk = (name: string, input: unknown) =>
  core.dispatch(name, input, { sessionId: TEST_SESSION });

const count = (table: string) =>
  (core.services.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const written = () => ({
  societies: count('societies'),
  outbox: count('outbox'),
  search: count('society_search'),
  changes: count('audit_trail'),
});

/** "RCS/363/1990" of 12-03-1990 in the district's first village, already on the register. */
function zotlang(overrides: Partial<SocietyCreateInput> = {}): SocietyCreateInput {
  return validSociety(reference, {
    name: 'Zotlang Multipurpose Cooperative Society Ltd.',
    regNo: 'RCS/363/1990',
    registeredOn: '1990-03-12',
    statusSince: '1990-03-12',
    ...overrides,
  });
}

/** The same society entered again from another register, in another village. */
function enteredAgain(overrides: Partial<SocietyCreateInput> = {}): SocietyCreateInput {
  const society = zotlang();
  const otherVillage = reference.villages.find(
    (v) => v.districtId === society.districtId && v.id !== society.villageId,
  );
  return zotlang({
    name: 'Zotlang M.P.C.S. Ltd.',
    regNo: 'RCS/0363/1990',
    villageId: otherVillage?.id ?? null,
    ...overrides,
  });
}

describe('a registration number that differs only in zeros, separators or case', () => {
  it('with the same date is refused as a likely duplicate naming the other society, saving nothing', async () => {
    const existing = await core.call('societies.create', { society: zotlang() });
    const before = written();

    const result = await dispatchAsClerk('societies.create', { society: enteredAgain() });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('conflict');
    expect(result.error.message).toMatch(
      /RCS\/0363\/1990 .*RCS\/363\/1990 of Zotlang Multipurpose Cooperative Society Ltd\., registered on 12-03-1990/,
    );
    expect(result.error.fields?.['regNo']).toBe(result.error.message);
    expect(likelyDuplicateIn(result.error.fields)).toEqual({
      id: existing.id,
      name: 'Zotlang Multipurpose Cooperative Society Ltd.',
      regNo: 'RCS/363/1990',
      registeredOn: '1990-03-12',
      place: existing.villageName,
      districtName: existing.districtName,
    });
    expect(written()).toEqual(before);
  });

  it('with the same village but another date is refused the same way', async () => {
    const existing = await core.call('societies.create', { society: zotlang() });
    const result = await dispatchAsClerk('societies.create', {
      society: enteredAgain({
        regNo: 'rcs-363-1990',
        villageId: zotlang().villageId,
        registeredOn: '1991-01-01',
        statusSince: '1991-01-01',
      }),
    });
    expect(result.ok ? null : likelyDuplicateIn(result.error.fields)?.id).toBe(existing.id);
  });

  it('is saved once the clerk confirms it is a different society, and the record of changes says so', async () => {
    const existing = await core.call('societies.create', { society: zotlang() });

    const saved = await core.call('societies.create', {
      society: enteredAgain(),
      confirmedDistinctFrom: [existing.id],
    });

    expect(saved.regNo).toBe('RCS/0363/1990');
    const history = await core.call('societies.history', { societyId: saved.id });
    expect(history.entries.map((entry) => entry.action)).toContain('society.confirmDistinct');
    expect(
      history.entries.find((entry) => entry.action === 'society.confirmDistinct')?.changes,
    ).toEqual({
      distinctFrom: [null, 'Zotlang Multipurpose Cooperative Society Ltd. (RCS/363/1990)'],
    });
  });

  it('with another date and another place is saved without a word', async () => {
    await core.call('societies.create', { society: zotlang() });
    const saved = await core.call('societies.create', {
      society: enteredAgain({ registeredOn: '1991-01-01', statusSince: '1991-01-01' }),
    });
    expect(saved.regNo).toBe('RCS/0363/1990');
  });

  it('that is the very same number is still refused outright', async () => {
    const existing = await core.call('societies.create', { society: zotlang() });
    const result = await dispatchAsClerk('societies.create', {
      society: enteredAgain({ regNo: ' rcs/363/1990' }),
      confirmedDistinctFrom: [existing.id],
    });
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
    expect(result.ok ? null : result.error.fields?.['regNo']).toMatch(
      /already used by Zotlang Multipurpose/,
    );
  });

  it('given in a correction is asked about too, and saved once confirmed', async () => {
    const existing = await core.call('societies.create', { society: zotlang() });
    const other = await core.call('societies.create', {
      society: enteredAgain({ regNo: '17/1990' }),
    });
    const fields = { ...editableFields(other), regNo: 'RCS 363/1990.' };

    const refused = await dispatchAsClerk('societies.update', {
      id: other.id,
      baseVersion: other.version,
      fields,
    });
    expect(refused.ok ? null : likelyDuplicateIn(refused.error.fields)?.regNo).toBe('RCS/363/1990');
    expect((await core.call('societies.get', { id: other.id })).regNo).toBe('17/1990');

    const saved = await core.call('societies.update', {
      id: other.id,
      baseVersion: other.version,
      fields,
      confirmedDistinctFrom: [existing.id],
    });
    expect(saved.regNo).toBe('RCS 363/1990.');
    // Other corrections of the confirmed society are not asked again.
    const again = await core.call('societies.update', {
      id: other.id,
      baseVersion: saved.version,
      fields: { ...editableFields(saved), phone: '9436100200' },
    });
    expect(again.phone).toBe('9436100200');
  });

  it('is found among societies imported in bulk, which the import itself takes as they are', async () => {
    const clerk = core.services.auth.sessionState(TEST_SESSION)!.user;
    const actor = { userId: clerk.id, role: clerk.role, officeId: clerk.officeId };
    const rows = [zotlang(), enteredAgain()].map((row) => societyCreateSchema.parse(row));
    // Two batches: a large import, whose folded-number index is rebuilt at the end.
    expect(core.services.societies.entry.importMany(rows, actor, { batchSize: 1 })).toBe(2);
    expect(
      core.services.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE name = 'society_number_folds_fold_idx'")
        .get(),
    ).toBeDefined();

    const result = await dispatchAsClerk('societies.create', {
      society: enteredAgain({ name: 'Zotlang MPCS', regNo: 'RCS/363/01990' }),
    });
    expect(result.ok ? null : result.error.code).toBe('conflict');
  });

  it('is found among societies entered before this check existed', async () => {
    const existing = await core.call('societies.create', { society: zotlang() });
    core.services.sqlite.exec('DELETE FROM society_number_folds');
    core.services.sqlite.exec("DELETE FROM app_meta WHERE key = 'number_folds_filled'");
    core.services.societies.searchIndex.fillNumberFolds();

    const result = await dispatchAsClerk('societies.create', { society: enteredAgain() });
    expect(result.ok ? null : likelyDuplicateIn(result.error.fields)?.id).toBe(existing.id);
  });
});
