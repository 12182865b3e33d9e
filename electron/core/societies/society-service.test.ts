import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { societyCreateSchema } from '#shared/societies/society';
import type { ReferenceData } from '#shared/reference/contract';
import { validSociety } from '../../../tests/fixtures/societies';
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

describe('adding a legacy society', () => {
  it('saves the master record with its area and first status as one outbox mutation', async () => {
    const saved = await core.call('societies.create', { society: validSociety(reference) });
    expect(saved.name).toBe('Ṭhutmun Fishery Cooperative Society Ltd.');
    expect(saved.version).toBe(1);
    expect(saved.areaOfOperation).toHaveLength(2);
    expect(saved.statusHistory).toEqual([
      expect.objectContaining({ status: 'functional', effectiveOn: '1949-06-15' }),
    ]);
    const outbox = core.services.sqlite
      .prepare(
        "SELECT name, entity_id AS entityId, base_version AS baseVersion, args FROM outbox WHERE entity LIKE 'societ%' ORDER BY seq",
      )
      .all() as { name: string; entityId: string; baseVersion: number | null; args: string }[];
    expect(outbox.map(({ args: _args, ...row }) => row)).toEqual([
      { name: 'society.create', entityId: saved.id, baseVersion: null },
    ]);
    // The server recreates every row from the one mutation, with the same ids.
    const args = JSON.parse(outbox[0]?.args ?? '{}') as Record<string, unknown>;
    expect(args['areaVillages']).toEqual(
      saved.areaOfOperation.map((village) => ({ id: expect.any(String), villageId: village.id })),
    );
    expect(args['firstStatus']).toMatchObject({
      id: saved.statusHistory[0]?.id,
      status: 'functional',
      effectiveOn: '1949-06-15',
    });
    expect(saved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
  });

  it('fixes a legacy backslash typed for ṭ', async () => {
    const saved = await core.call('societies.create', {
      society: validSociety(reference, { name: '\\hutmun Piggery Society' }),
    });
    expect(saved.name).toBe('Ṭhutmun Piggery Society');
  });

  it.each([
    ['a number already used', { regNo: ' 760/49 ' }, 'regNo', /already used by Ṭhutmun Fishery/],
    [
      'a registration date in the future',
      { regNo: '1/99', registeredOn: '2027-01-01' },
      'registeredOn',
      /cannot be in the future/,
    ],
    [
      'a status dated before registration',
      { regNo: '2/99', statusSince: '1940-01-01' },
      'statusSince',
      /before the society was registered/,
    ],
    [
      'a missing district',
      { regNo: '3/99', districtId: undefined },
      'districtId',
      /Choose the district/,
    ],
    ['a missing name', { regNo: '4/99', name: '  ' }, 'name', /Enter the registered name/],
    [
      'direction-control characters',
      { regNo: '5/99', name: 'Zoram \u202Eevil' },
      'name',
      /direction-control/,
    ],
  ])(
    'refuses %s with the reason next to the field, saving nothing',
    async (_label, overrides, field, message) => {
      await core.call('societies.create', { society: validSociety(reference) });
      const before = {
        societies: count('societies'),
        outbox: count('outbox'),
        search: count('society_search'),
      };
      const result = await dispatchAsClerk('societies.create', {
        society: { ...validSociety(reference), ...overrides },
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.fields?.[field]).toMatch(message);
      expect({
        societies: count('societies'),
        outbox: count('outbox'),
        search: count('society_search'),
      }).toEqual(before);
    },
  );

  it('refuses an office that does not cover the district', async () => {
    const society = validSociety(reference);
    const other = reference.offices.find(
      (o) =>
        o.level === 'district' &&
        !o.districtIds.includes(society.districtId as string) &&
        o.villageIds.length === 0,
    );
    expect(other).toBeDefined();
    const result = await dispatchAsClerk('societies.create', {
      society: { ...society, officeId: other?.id },
    });
    expect(result.ok ? null : result.error.fields?.['officeId']).toMatch(/does not cover/);
    expect(count('societies')).toBe(0);
  });
});

describe('correcting a society', () => {
  it('saves only what changed, keeps the old name in the name history, and bumps the version', async () => {
    const saved = await core.call('societies.create', { society: validSociety(reference) });
    const {
      status: _s,
      statusSince: _ss,
      statusOrderRef: _so,
      ...fields
    } = validSociety(reference);
    const updated = await core.call('societies.update', {
      id: saved.id,
      baseVersion: 1,
      fields: {
        ...fields,
        name: 'Ṭhutmun Fish Farmers Cooperative Society Ltd.',
        phone: '9436100200',
      },
      nameChangeReason: 'Bye-law amendment of 2024',
    });
    expect(updated.version).toBe(2);
    expect(updated.phone).toBe('9436100200');
    expect(updated.nameHistory).toEqual([
      expect.objectContaining({
        name: 'Ṭhutmun Fishery Cooperative Society Ltd.',
        usedUntil: '2026-11-23',
        reason: 'Bye-law amendment of 2024',
      }),
    ]);
    const update = core.services.sqlite
      .prepare(
        "SELECT args, base, base_version AS baseVersion FROM outbox WHERE name = 'society.update'",
      )
      .get() as {
      args: string;
      base: string;
      baseVersion: number;
    };
    expect(JSON.parse(update.args)).toEqual({
      name: 'Ṭhutmun Fish Farmers Cooperative Society Ltd.',
      phone: '9436100200',
    });
    expect(JSON.parse(update.base)).toEqual({
      name: 'Ṭhutmun Fishery Cooperative Society Ltd.',
      phone: '9862012345',
    });
    expect(update.baseVersion).toBe(1);
  });

  it('refuses a save made on an old version, and changes nothing', async () => {
    const saved = await core.call('societies.create', { society: validSociety(reference) });
    const {
      status: _s,
      statusSince: _ss,
      statusOrderRef: _so,
      ...fields
    } = validSociety(reference);
    await core.call('societies.update', {
      id: saved.id,
      baseVersion: 1,
      fields: { ...fields, phone: '111111' },
    });
    const stale = await dispatchAsClerk('societies.update', {
      id: saved.id,
      baseVersion: 1,
      fields: { ...fields, phone: '222222' },
    });
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
    expect((await core.call('societies.get', { id: saved.id })).phone).toBe('111111');
  });

  it('tombstones an area village that is removed instead of deleting it', async () => {
    const society = validSociety(reference);
    const saved = await core.call('societies.create', { society });
    const { status: _s, statusSince: _ss, statusOrderRef: _so, ...fields } = society;
    const updated = await core.call('societies.update', {
      id: saved.id,
      baseVersion: 1,
      fields: { ...fields, areaVillageIds: [society.areaVillageIds?.[0] as string] },
    });
    expect(updated.areaOfOperation).toHaveLength(1);
    expect(count('society_area_villages')).toBe(2);
    expect(
      core.services.sqlite
        .prepare("SELECT count(*) AS n FROM outbox WHERE name = 'societyArea.remove'")
        .get(),
    ).toEqual({ n: 1 });
  });

  it('says not_found for a society that does not exist', async () => {
    const result = await dispatchAsClerk('societies.get', {
      id: '0190a8f0-0000-7000-8000-000000000000',
    });
    expect(result.ok ? null : result.error).toEqual({
      code: 'not_found',
      message: 'This society is not on the register.',
    });
  });
});

describe('searching the register', () => {
  beforeEach(async () => {
    await core.call('societies.create', { society: validSociety(reference) });
    await core.call('societies.create', {
      society: validSociety(reference, {
        name: 'Zoram Dairy Cooperative Society',
        regNo: 'RCS/AIZ/2024-25/0007',
      }),
    });
  });

  it.each(['Ṭhutmun', 'thutmun', 'THUT', '\\hutmun', 'fish thut'])(
    'finds the society by its name typed as "%s"',
    async (query) => {
      const hits = await core.call('societies.search', { query, limit: 20, filter: {} });
      expect(hits.map((h) => h.name)).toEqual(['Ṭhutmun Fishery Cooperative Society Ltd.']);
    },
  );

  it('lists equally good matches in Mizo alphabetical order (t before ṭ)', async () => {
    for (const [n, name] of [
      [1, 'Tlabung Society'],
      [2, 'Tawi Society'],
    ] as const) {
      await core.call('societies.create', {
        society: validSociety(reference, { name, regNo: `T/${n}`, areaVillageIds: [] }),
      });
    }
    const hits = await core.call('societies.search', { query: 't', limit: 20, filter: {} });
    expect(hits.map((h) => h.name)).toEqual([
      'Tawi Society',
      'Tlabung Society',
      'Ṭhutmun Fishery Cooperative Society Ltd.',
    ]);
  });

  it('finds a society by its registration number, exact number first', async () => {
    const hits = await core.call('societies.search', {
      query: 'RCS/AIZ/2024-25/0007',
      limit: 20,
      filter: {},
    });
    expect(hits[0]?.name).toBe('Zoram Dairy Cooperative Society');
  });

  it('finds a society by a village of its area of operation', async () => {
    const village = reference.villages.find(
      (v) => v.id === validSociety(reference).areaVillageIds?.[1],
    );
    const hits = await core.call('societies.search', {
      query: village?.name ?? '',
      limit: 20,
      filter: {},
    });
    expect(hits.length).toBeGreaterThanOrEqual(1);
  });

  it.each(['"', 'AND', '*', 'NEAR(', 'name:x', "') OR 1=1 --", '^^^'])(
    'does not break on FTS syntax typed as "%s"',
    async (query) => {
      const result = await dispatchAsClerk('societies.search', { query, limit: 20, filter: {} });
      expect(result.ok).toBe(true);
    },
  );
});

describe('the register list', () => {
  it('sorts by name in Mizo order and filters by status and district', async () => {
    for (const [name, regNo, status] of [
      ['Ṭhingdawl Society', '1/50', 'functional'],
      ['Tlabung Society', '2/50', 'functional'],
      ['Chanmari Society', '3/50', 'non_functional'],
      ['Bawngkawn Society', '4/50', 'functional'],
    ] as const) {
      await core.call('societies.create', {
        society: validSociety(reference, { name, regNo, status }),
      });
    }
    const all = await core.call('societies.list', { sort: { field: 'name', direction: 'asc' } });
    expect(all.rows.map((r) => r.name)).toEqual([
      'Bawngkawn Society',
      'Chanmari Society',
      'Tlabung Society',
      'Ṭhingdawl Society',
    ]);
    expect(all.total).toBe(4);
    const nonFunctional = await core.call('societies.list', {
      filter: { status: 'non_functional' },
    });
    expect(nonFunctional.rows.map((r) => r.name)).toEqual(['Chanmari Society']);
    const elsewhere = reference.districts.find((d) => d.id !== validSociety(reference).districtId);
    const none = await core.call('societies.list', { filter: { districtId: elsewhere?.id } });
    expect(none).toEqual({ rows: [], total: 0 });
  });
});

describe('bulk import', () => {
  const outsideInsert = () =>
    core.services.sqlite
      .prepare(
        `INSERT INTO societies (id, created_at, created_by, updated_at, updated_by, name, reg_no, reg_no_key, registered_on,
           basis, type_id, tier, liability, address, district_id, office_id, status, sort_key, search_rowid)
         SELECT 'x', created_at, 'u', updated_at, 'u', 'X', 'X', 'X', registered_on, basis, type_id, tier, liability,
           address, district_id, office_id, status, 'x', 999999 FROM societies LIMIT 1`,
      )
      .run();

  it('writes every row with one outbox row and one change entry per society, and puts the write guard back', async () => {
    const rows = [1, 2, 3].map((n) =>
      societyCreateSchema.parse(validSociety(reference, { regNo: `${n}/2001` })),
    );
    const clerk = core.services.auth.sessionState('test-session')!.user;
    const actor = { userId: clerk.id, role: clerk.role, officeId: clerk.officeId };
    expect(core.services.societies.entry.importMany(rows, actor, { batchSize: 2 })).toBe(3);
    expect(count('societies')).toBe(3);
    expect(
      core.services.sqlite
        .prepare("SELECT count(*) AS n FROM outbox WHERE name = 'society.create'")
        .get(),
    ).toEqual({ n: 3 });
    expect(
      core.services.sqlite
        .prepare("SELECT count(*) AS n FROM audit_trail WHERE action = 'society.create'")
        .get(),
    ).toEqual({ n: 3 });
    expect(outsideInsert).toThrow(/outside the mutation layer/);
  });

  it('sends each imported society to the state server with exactly its own rows, as a single save would', async () => {
    const clerk = core.services.auth.sessionState('test-session')!.user;
    const actor = { userId: clerk.id, role: clerk.role, officeId: clerk.officeId };
    const rows = [1, 2, 3].map((n) =>
      societyCreateSchema.parse(validSociety(reference, { regNo: `${n}/2001` })),
    );
    core.services.societies.entry.importMany(rows, actor, { batchSize: 2 });
    // One society saved after the import, on the ordinary path, for comparison.
    const single = await core.call('societies.create', {
      society: validSociety(reference, { regNo: '4/2001' }),
    });
    const carried = core.services.sqlite
      .prepare(
        `SELECT o.entity_id AS societyId, r.table_name AS tableName, r.row_id AS rowId
         FROM outbox o JOIN outbox_rows r ON r.seq = o.seq WHERE o.name = 'society.create'`,
      )
      .all() as { societyId: string; tableName: string; rowId: string }[];
    const rowsOf = (societyId: string) =>
      core.services.sqlite
        .prepare(
          `SELECT 'societies' AS tableName, id AS rowId FROM societies WHERE id = @societyId
           UNION ALL SELECT 'society_area_villages', id FROM society_area_villages WHERE society_id = @societyId
           UNION ALL SELECT 'society_status_history', id FROM society_status_history WHERE society_id = @societyId`,
        )
        .all({ societyId }) as { tableName: string; rowId: string }[];
    const societyIds = (
      core.services.sqlite.prepare('SELECT id FROM societies').pluck().all() as string[]
    ).sort();
    expect(societyIds).toHaveLength(4);
    expect(societyIds).toContain(single.id);
    for (const societyId of societyIds) {
      const own = rowsOf(societyId);
      expect(own).toHaveLength(4); // the society, its two area villages, its first status
      expect(
        carried
          .filter((row) => row.societyId === societyId)
          .map(({ tableName, rowId }) => ({ tableName, rowId })),
      ).toEqual(expect.arrayContaining(own));
      expect(carried.filter((row) => row.societyId === societyId)).toHaveLength(own.length);
    }
  });

  it("keeps the demo register's returns, written outside any change, out of the next change sent to the state server", async () => {
    const demo = createTestCore({ demoSocieties: 40 });
    try {
      await demo.signInAs('clerk');
      const returns = demo.services.sqlite.prepare('SELECT count(*) FROM annual_returns').pluck();
      expect(returns.get()).toBeGreaterThan(0);
      await demo.call('societies.create', {
        society: validSociety(demo.services.reference.get(), { regNo: '1/2001' }),
      });
      const carried = demo.services.sqlite
        .prepare('SELECT DISTINCT table_name FROM outbox_rows ORDER BY 1')
        .pluck()
        .all();
      // The clerk's account, then the society: nothing of the demo returns.
      expect(carried).toEqual([
        'societies',
        'society_area_villages',
        'society_status_history',
        'user_passwords',
        'users',
      ]);
    } finally {
      demo.dispose();
    }
  });

  it("puts back the register's indexes after a large import, and after one stopped by a bad row", async () => {
    const clerk = core.services.auth.sessionState('test-session')!.user;
    const actor = { userId: clerk.id, role: clerk.role, officeId: clerk.officeId };
    const indexes = () =>
      core.services.sqlite
        .prepare(
          "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'societies' ORDER BY name",
        )
        .pluck()
        .all();
    const before = indexes();
    const rows = (from: number, bad?: number) =>
      Array.from({ length: 5 }, (_, n) =>
        societyCreateSchema.parse(
          validSociety(reference, {
            regNo: `${from + n}/2001`,
            ...(from + n === bad ? { registeredOn: '2099-01-01' } : {}),
          }),
        ),
      );
    const during: number[] = [];
    core.services.societies.entry.importMany(rows(1), actor, {
      batchSize: 2,
      onProgress: () => during.push(indexes().length),
    });
    // The first batch goes in with every index; the later ones without the sorted ones.
    expect(during[0]).toBe(before.length);
    expect(Math.min(...during)).toBeLessThan(before.length - 4);
    expect(indexes()).toEqual(before);
    expect(() =>
      core.services.societies.entry.importMany(rows(10, 13), actor, { batchSize: 2 }),
    ).toThrow('Row 4: The date of registration cannot be in the future.');
    expect(indexes()).toEqual(before);
    expect(count('societies')).toBe(7);
    // The register is still listed in name order through its index.
    const plan = core.services.sqlite
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM societies WHERE district_id = ? ORDER BY sort_key LIMIT 50',
      )
      .all('x') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/societies_district_idx/);
  });

  it('keeps the batches before a bad row, names the row, and puts the write guard back', async () => {
    const clerk = core.services.auth.sessionState('test-session')!.user;
    const actor = { userId: clerk.id, role: clerk.role, officeId: clerk.officeId };
    const rows = [
      validSociety(reference, { regNo: '1/2001' }),
      validSociety(reference, { regNo: '2/2001' }),
      validSociety(reference, { regNo: '3/2001', registeredOn: '2099-01-01' }),
    ].map((row) => societyCreateSchema.parse(row));
    expect(() => core.services.societies.entry.importMany(rows, actor, { batchSize: 2 })).toThrow(
      'Row 3: The date of registration cannot be in the future.',
    );
    expect(count('societies')).toBe(2);
    expect(outsideInsert).toThrow(/outside the mutation layer/);
  });
});
