/**
 * Numbers under sync (sync.md §6): the state server leases each computer blocks of its
 * office's series, never overlapping; a lost answer is answered again rather than costing a
 * block; a withdrawn computer's leases are revoked; a number given outside the computer's
 * own blocks is refused when it belongs to another computer.
 */
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '#shared/sync/protocol';
import { PROVISIONAL_SERIES_LIKE, provisionalSeries } from '#shared/sync/numbers';
import { approvedApplication } from '../fixtures/applications';
import { ADMIN_KEY, type Desktop } from '../fixtures/sync-harness';
import { serverPerTest } from '../fixtures/sync-suite';

const suite = serverPerTest();
const desktop = (prefix: string) => suite.desktop(prefix);
const serverRows = <T>(query: string) => suite.server.rows<T>(query);

/** The registration series of the Aizawl office this year, as the rule parameter shapes it. */
const REGISTRATION = 'RCS/AIZ/2026-27/{serial}';

function blocksOf(on: Desktop, series: string) {
  return on.core.services.sqlite
    .prepare(
      'SELECT lease_id AS leaseId, first, last, next FROM number_blocks WHERE series = ? ORDER BY first',
    )
    .all(series) as { leaseId: string | null; first: number; last: number; next: number }[];
}

/** Asks the server for numbers as `on` would, with the leases it says it holds. */
async function askForNumbers(on: Desktop, wants: { series: string; holding: string[] }[]) {
  const meta = (key: string) =>
    (
      on.core.services.sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as {
        value: string;
      }
    ).value;
  return suite.server.app.inject({
    method: 'POST',
    url: '/sync/v1/numbers',
    headers: { authorization: `Bearer ${meta('sync_token')}` },
    payload: {
      client: {
        protocol: SYNC_PROTOCOL_VERSION,
        schemaVersion: 1,
        appVersion: 'test',
        deviceId: meta('device_id'),
        installEpoch: meta('install_epoch'),
      },
      wants,
    },
  });
}

async function register(on: Desktop, proposedName: string) {
  const { societyId } = await approvedApplication(on, { proposedName });
  return on.core.call('societies.get', { id: societyId }, on.sessions.clerk);
}

describe('numbers leased by the state server', () => {
  it('each computer enrols with its own blocks of the office’s series, which never overlap', async () => {
    const a = await desktop('a');
    const b = await desktop('b');
    const [blockA] = blocksOf(a, REGISTRATION);
    const [blockB] = blocksOf(b, REGISTRATION);
    expect(blockA).toMatchObject({ first: 1, last: 50, next: 1 });
    expect(blockB).toMatchObject({ first: 51, last: 100, next: 51 });
    expect(blocksOf(a, 'ACK/AIZ/2026-27/{serial}')).toHaveLength(1);
    expect(blocksOf(a, 'RC/AIZ/2026-27/{serial}')).toHaveLength(1);

    // Each registers from its own block: numbers the clerk can read as final.
    expect((await register(a, 'Ṭhutmun Fish Farmers Cooperative Society Ltd.')).regNo).toBe(
      'RCS/AIZ/2026-27/0001',
    );
    expect((await register(b, 'Sihphir Fish Farmers Cooperative Society Ltd.')).regNo).toBe(
      'RCS/AIZ/2026-27/0051',
    );
    await a.sync();
    await b.sync();
    const sync = await a.core.call('sync.status', {}, a.sessions.clerk);
    expect(sync).toMatchObject({ pending: 0, issues: 0 });
  });

  it('an answer lost on the way is given again instead of another block', async () => {
    const a = await desktop('a');
    const [held] = blocksOf(a, REGISTRATION);
    // As if the enrolment's answer had been lost: the computer holds nothing of the series.
    const again = await askForNumbers(a, [{ series: REGISTRATION, holding: [] }]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({
      leases: [{ id: held!.leaseId, series: REGISTRATION, first: 1, last: 50 }],
    });
    // Holding it and running low, it gets the next block.
    const next = await askForNumbers(a, [{ series: REGISTRATION, holding: [held!.leaseId!] }]);
    expect(next.json()).toMatchObject({ leases: [{ series: REGISTRATION, first: 51, last: 100 }] });
  });

  it('refuses a series of another office, and provisional series', async () => {
    const a = await desktop('a');
    const other = await askForNumbers(a, [{ series: 'RCS/LUN/2026-27/{serial}', holding: [] }]);
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({
      error: expect.stringContaining('may not lease numbers of the series RCS/LUN/2026-27'),
    });
    const provisional = await askForNumbers(a, [
      { series: provisionalSeries(REGISTRATION, 'another-computer'), holding: [] },
    ]);
    expect(provisional.statusCode).toBe(400);
    const leases = await serverRows<{ n: string }>(
      `SELECT count(*) AS n FROM number_leases WHERE series LIKE '%LUN%' OR series LIKE '${PROVISIONAL_SERIES_LIKE}'`,
    );
    expect(Number(leases[0]!.n)).toBe(0);
  });

  it('a withdrawn computer’s blocks are revoked; nobody else is ever given their numbers', async () => {
    const a = await desktop('a');
    const [device] = await serverRows<{ id: string }>(
      `SELECT id FROM devices WHERE label LIKE '%a-admin%'`,
    );
    const revoked = await suite.server.app.inject({
      method: 'POST',
      url: `/admin/v1/devices/${device!.id}/revoke`,
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(revoked.statusCode).toBe(200);
    const open = await serverRows<{ n: string }>(
      `SELECT count(*) AS n FROM number_leases WHERE device_id = '${device!.id}' AND revoked_at IS NULL`,
    );
    expect(Number(open[0]!.n)).toBe(0);
    const b = await desktop('b');
    expect(blocksOf(b, REGISTRATION)[0]).toMatchObject({ first: 51 });
    expect(blocksOf(a, REGISTRATION)[0]).toMatchObject({ first: 1 });
  });

  it('a number from another computer’s block is refused with the reason, kept for the registrar', async () => {
    const a = await desktop('a');
    await desktop('b');
    // A damaged database on a: its block says 51–100, which the server leased to b.
    a.core.services.sqlite
      .prepare('UPDATE number_blocks SET first = 51, next = 51, last = 100 WHERE series = ?')
      .run(REGISTRATION);
    const society = await register(a, 'Ṭhutmun Fish Farmers Cooperative Society Ltd.');
    expect(society.regNo).toBe('RCS/AIZ/2026-27/0051');
    await a.sync();
    const issues = await a.core.call('sync.issues', {}, a.sessions.registrar);
    expect(issues).toContainEqual(
      expect.objectContaining({
        kind: 'rejected',
        reason: expect.stringContaining(
          'The number RCS/AIZ/2026-27/0051 belongs to a block the state server gave another computer',
        ),
      }),
    );
  });
});
