import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '#shared/auth/contract';
import type { SocietyDetail } from '#shared/societies/contract';
import { validSociety } from '../../../tests/fixtures/societies';
import {
  createTestCore,
  TEST_PASSWORD,
  type TestCore,
  failure,
} from '../../../tests/fixtures/test-core';

let core: TestCore;
let society: SocietyDetail;
let clerk: SessionUser;
let registrar: SessionUser;

const proposal = (overrides: Record<string, unknown> = {}) => ({
  societyId: society.id,
  toStatus: 'non_functional' as const,
  effectiveOn: '2026-11-01',
  orderRef: 'ARCS/AZL/ORD/2026/41',
  reason: 'No general meeting or audit for three years',
  ...overrides,
});

beforeEach(async () => {
  core = createTestCore();
  clerk = await core.signInAs('clerk', { sessionId: 'clerk' });
  registrar = await core.signInAs('registrar', { sessionId: 'registrar' });
  const reference = await core.call('reference.get', {}, 'clerk');
  society = await core.call('societies.create', { society: validSociety(reference) }, 'clerk');
});
afterEach(() => core.dispose());

describe('a status order', () => {
  it('is proposed by a clerk and, once a registrar approves it, changes the status with both names in the history', async () => {
    const order = await core.call('statusOrders.propose', proposal(), 'clerk');
    expect(order).toMatchObject({
      state: 'proposed',
      fromStatus: 'functional',
      toStatus: 'non_functional',
      proposedByName: clerk.fullName,
    });
    expect((await core.call('societies.get', { id: society.id }, 'clerk')).status).toBe(
      'functional',
    );
    expect(await core.call('statusOrders.list', { state: 'proposed' }, 'registrar')).toHaveLength(
      1,
    );

    const decided = await core.call(
      'statusOrders.decide',
      { id: order.id, decision: 'approve', note: null, password: TEST_PASSWORD },
      'registrar',
    );
    expect(decided).toMatchObject({ state: 'approved', decidedByName: registrar.fullName });
    const after = await core.call('societies.get', { id: society.id }, 'clerk');
    expect(after).toMatchObject({ status: 'non_functional', statusSince: '2026-11-01' });
    expect(after.statusHistory[0]).toMatchObject({
      status: 'non_functional',
      orderRef: 'ARCS/AZL/ORD/2026/41',
      proposedByName: clerk.fullName,
      approvedByName: registrar.fullName,
    });
    expect(await core.call('statusOrders.list', { state: 'proposed' }, 'registrar')).toEqual([]);
  });

  it('is never decided by the person who proposed it, in the service and in the database', async () => {
    const own = await core.call('statusOrders.propose', proposal(), 'registrar');
    const error = await failure(
      core.call(
        'statusOrders.decide',
        { id: own.id, decision: 'approve', note: null, password: TEST_PASSWORD },
        'registrar',
      ),
    );
    expect(error).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/another officer/),
    });
    // Even a write that skipped the service is refused by the table's CHECK constraint.
    const sqlite = core.services.sqlite;
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare('INSERT INTO temp.mutation_guard (open) VALUES (1)').run();
        sqlite
          .prepare(
            "UPDATE status_orders SET state = 'approved', decided_by = proposed_by, decided_at = '2026-11-23' WHERE id = ?",
          )
          .run(own.id);
      })(),
    ).toThrow(/CHECK constraint failed: status_orders_maker_checker_ck/);
    expect((await core.call('societies.get', { id: society.id }, 'clerk')).status).toBe(
      'functional',
    );
  });

  it('is decided only by a registrar of the society’s office', async () => {
    const order = await core.call('statusOrders.propose', proposal(), 'clerk');
    await core.signInAs('registrar', {
      sessionId: 'lunglei',
      username: 'test.lunglei',
      officeCode: 'LUN',
    });
    const error = await failure(
      core.call(
        'statusOrders.decide',
        { id: order.id, decision: 'approve', note: null, password: TEST_PASSWORD },
        'lunglei',
      ),
    );
    expect(error).toMatchObject({
      code: 'forbidden',
      message: 'Only ARCS Aizawl can decide a status order for this society.',
    });
    expect(await core.call('statusOrders.list', { state: 'proposed' }, 'lunglei')).toEqual([]);
  });

  it('asks for the password again, and a wrong one changes nothing', async () => {
    const order = await core.call('statusOrders.propose', proposal(), 'clerk');
    const error = await failure(
      core.call(
        'statusOrders.decide',
        { id: order.id, decision: 'approve', note: null, password: 'not my password' },
        'registrar',
      ),
    );
    expect(error.fields).toEqual({ password: 'Your password is wrong.' });
    expect((await core.call('statusOrders.list', { state: 'proposed' }, 'registrar'))[0]?.id).toBe(
      order.id,
    );
  });

  it('is rejected only with a reason, and the society keeps its status', async () => {
    const order = await core.call('statusOrders.propose', proposal(), 'clerk');
    const noReason = await failure(
      core.call(
        'statusOrders.decide',
        { id: order.id, decision: 'reject', note: null, password: TEST_PASSWORD },
        'registrar',
      ),
    );
    expect(noReason.fields).toEqual({ note: 'Say why the order is rejected.' });
    const rejected = await core.call(
      'statusOrders.decide',
      {
        id: order.id,
        decision: 'reject',
        note: 'Audit for 2024-25 was filed',
        password: TEST_PASSWORD,
      },
      'registrar',
    );
    expect(rejected).toMatchObject({
      state: 'rejected',
      decisionNote: 'Audit for 2024-25 was filed',
    });
    expect((await core.call('societies.get', { id: society.id }, 'clerk')).status).toBe(
      'functional',
    );
    const again = await failure(
      core.call(
        'statusOrders.decide',
        { id: order.id, decision: 'approve', note: null, password: TEST_PASSWORD },
        'registrar',
      ),
    );
    expect(again.code).toBe('conflict');
  });

  it('refuses a change the law does not allow, a future date and a second pending order', async () => {
    const same = await failure(
      core.call('statusOrders.propose', proposal({ toStatus: 'functional' }), 'clerk'),
    );
    expect(same.fields?.['toStatus']).toBe('The society is already functional.');
    const skip = await failure(
      core.call('statusOrders.propose', proposal({ toStatus: 'deregistered' }), 'clerk'),
    );
    expect(skip.fields?.['toStatus']).toBe(
      'A functional society cannot be made deregistered by a status order.',
    );
    const future = await failure(
      core.call('statusOrders.propose', proposal({ effectiveOn: '2027-01-01' }), 'clerk'),
    );
    expect(future.fields?.['effectiveOn']).toBe(
      'The date the order takes effect cannot be in the future.',
    );
    await core.call('statusOrders.propose', proposal(), 'clerk');
    const second = await failure(
      core.call('statusOrders.propose', proposal({ toStatus: 'under_liquidation' }), 'clerk'),
    );
    expect(second.code).toBe('conflict');
  });

  it('shows in the society’s History tab with who did what', async () => {
    const order = await core.call('statusOrders.propose', proposal(), 'clerk');
    await core.call(
      'statusOrders.decide',
      { id: order.id, decision: 'approve', note: null, password: TEST_PASSWORD },
      'registrar',
    );
    const { entries } = await core.call('societies.history', { societyId: society.id }, 'clerk');
    expect(entries.map((entry) => [entry.action, entry.userName])).toEqual([
      ['societyStatus.record', registrar.fullName],
      ['society.changeStatus', registrar.fullName],
      ['statusOrder.approve', registrar.fullName],
      ['statusOrder.propose', clerk.fullName],
      ['society.create', clerk.fullName],
    ]);
    expect(entries[1]).toMatchObject({
      role: 'registrar',
      officeName: 'ARCS Aizawl',
      changes: {
        status: ['functional', 'non_functional'],
        statusSince: ['1949-06-15', '2026-11-01'],
      },
    });
  });
});
