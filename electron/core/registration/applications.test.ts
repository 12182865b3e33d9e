import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferenceData } from '#shared/reference/contract';
import type { SessionUser } from '#shared/auth/contract';
import {
  TEST_PASSWORD,
  type TestCore,
  failure,
  type MovableClock,
} from '../../../tests/fixtures/test-core';
import {
  startRegistrationCore,
  type RegistrationSetting,
  passScrutiny,
} from '../../../tests/fixtures/applications';
import { validSociety } from '../../../tests/fixtures/societies';

let core: TestCore;
let clock: MovableClock;
let reference: ReferenceData;
let registrar: SessionUser;

let application: RegistrationSetting['application'];
let approve: RegistrationSetting['approve'];

beforeEach(async () => {
  ({ core, clock, reference, registrar, application, approve } = await startRegistrationCore());
});
afterEach(() => core.dispose());

describe('an application for registration', () => {
  it('gets an acknowledgement number at once and shows the days left', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    expect(received).toMatchObject({
      ackNo: 'ACK/AIZ/2026-27/0001',
      state: 'received',
      minPromoters: 10,
      clock: { daysElapsed: 21, daysLeft: 69, dueOn: '2027-01-31', paused: false },
    });
    const second = await core.call('applications.receive', { application: application() }, 'clerk');
    expect(second.ackNo).toBe('ACK/AIZ/2026-27/0002');
  });

  it('is refused with the reason when promoters are fewer than the type needs, saving nothing', async () => {
    const few = application();
    few.promoters = few.promoters.slice(0, 6);
    const error = await failure(core.call('applications.receive', { application: few }, 'clerk'));
    expect(error.fields?.['promoters']).toBe(
      'A fishery cooperative society needs at least 10 promoters; 6 are listed.',
    );
    expect(await core.call('applications.list', {}, 'clerk')).toEqual([]);
    few.promoters = few.promoters.slice(0, 1).map((promoter) => ({ ...promoter, isChief: true }));
    const one = await failure(core.call('applications.receive', { application: few }, 'clerk'));
    expect(one.fields?.['promoters']).toBe(
      'A fishery cooperative society needs at least 10 promoters; 1 is listed.',
    );
  });

  it('warns about registered societies with a close name', async () => {
    await core.call('applications.receive', { application: application() }, 'clerk');
    const [row] = await core.call('applications.list', {}, 'clerk');
    const first = await core.call('applications.get', { id: row!.id }, 'clerk');
    expect(first.closeNames).toEqual([]);
    // Once one is registered, a new application with a near name is flagged.
    await approve(first.id);
    const near = await core.call(
      'applications.receive',
      { application: application({ proposedName: 'Thutmun Fish Farmers Society' }) },
      'clerk',
    );
    expect(near.closeNames).toEqual([
      'Ṭhutmun Fish Farmers Cooperative Society Ltd. (RCS/AIZ/2026-27/0001)',
    ]);
  });

  it('stops the statutory clock while a deficiency letter waits for its reply', async () => {
    let detail = await core.call('applications.receive', { application: application() }, 'clerk');
    detail = await core.call(
      'applications.startScrutiny',
      { id: detail.id, baseVersion: detail.version },
      'clerk',
    );
    detail = await core.call(
      'applications.issueDeficiency',
      {
        id: detail.id,
        baseVersion: detail.version,
        items: [{ code: 'share_capital', note: 'The bank certificate is not attested.' }],
      },
      'clerk',
    );
    expect(detail).toMatchObject({ state: 'deficient', clock: { daysElapsed: 21, paused: true } });
    clock.advanceDays(15);
    // Fifteen days later both officers sign in again (their screens locked meanwhile).
    for (const session of ['clerk', 'registrar']) {
      await core.call('auth.unlock', { password: TEST_PASSWORD }, session);
    }
    const waiting = await core.call('applications.get', { id: detail.id }, 'clerk');
    expect(waiting.clock).toMatchObject({
      daysElapsed: 21,
      daysPaused: 15,
      daysLeft: 69,
      paused: true,
    });
    const approveEarly = await failure(
      core.call(
        'applications.decide',
        {
          id: detail.id,
          baseVersion: waiting.version,
          decision: 'approve',
          reasons: null,
          password: TEST_PASSWORD,
        },
        'registrar',
      ),
    );
    expect(approveEarly).toMatchObject({
      code: 'conflict',
      message:
        'The application is waiting for the applicants’ reply to a deficiency letter, so you cannot approve it.',
    });
    const replied = await core.call(
      'applications.recordReply',
      {
        id: detail.id,
        baseVersion: waiting.version,
        replyOn: '2026-12-05',
        note: 'Attested certificate brought',
      },
      'clerk',
    );
    expect(replied).toMatchObject({
      state: 'under_scrutiny',
      clock: { daysElapsed: 24, daysPaused: 12, daysLeft: 66, paused: false, dueOn: '2027-02-12' },
    });
  });

  it('is approved by a registrar: registered with the next number, a certificate issued and verifiable', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    expect(approved).toMatchObject({ state: 'approved', decidedByName: registrar.fullName });
    const society = await core.call('societies.get', { id: approved.societyId! }, 'clerk');
    expect(society).toMatchObject({
      name: 'Ṭhutmun Fish Farmers Cooperative Society Ltd.',
      regNo: 'RCS/AIZ/2026-27/0001',
      registeredOn: '2026-11-23',
      basis: 'normal',
      status: 'registered',
    });
    expect(society.areaOfOperation).toHaveLength(3);
    // Its number and date came from the approval: a clerk cannot edit them afterwards.
    const { id: _id, version, areaOfOperation, ...rest } = society;
    const edit = await failure(
      core.call(
        'societies.update',
        {
          id: society.id,
          baseVersion: version,
          fields: {
            ...(rest as unknown as Parameters<typeof application>[0] & Record<string, unknown>),
            areaVillageIds: areaOfOperation.map((village) => village.id),
            regNo: 'RCS/AIZ/2026-27/0099',
          } as never,
        },
        'clerk',
      ),
    );
    expect(edit.fields).toEqual({
      regNo: 'The registration number was given at registration and cannot be edited.',
    });
    const [certificate] = await core.call('certificates.list', { societyId: society.id }, 'clerk');
    expect(certificate).toMatchObject({
      serial: 'RC/AIZ/2026-27/000001',
      kind: 'registration',
      regNo: 'RCS/AIZ/2026-27/0001',
      registrarName: registrar.fullName,
      revokedAt: null,
      printable: true,
      duplicable: true,
    });
    const printed = core.services.certificates.printable(certificate!.serial);
    expect(printed.qrText).toMatch(
      /^https:\/\/registry\.rcs\.mizoram\.gov\.in\/verify\?c=[\w-]+\.[\w-]+$/,
    );
    expect(await core.call('certificates.verify', { text: printed.qrText }, 'clerk')).toEqual({
      status: 'valid',
      claims: {
        serial: 'RC/AIZ/2026-27/000001',
        kind: 'registration',
        officeCode: 'AIZ',
        regNo: 'RCS/AIZ/2026-27/0001',
        societyName: 'Ṭhutmun Fish Farmers Cooperative Society Ltd.',
        registeredOn: '2026-11-23',
        issuedOn: '2026-11-23',
        keyId: expect.stringMatching(/^AIZ-[\w-]{8}$/),
        auditFy: null,
        grade: null,
      },
      revokedReason: null,
      voidReason: null,
    });
    // A reprint is the same document with the same code.
    expect(core.services.certificates.printable(certificate!.serial)).toEqual(printed);
  });

  it('is never decided by the person who received it, in the service and in the database', async () => {
    const own = await core.call(
      'applications.receive',
      { application: application() },
      'registrar',
    );
    const error = await failure(
      core.call(
        'applications.decide',
        {
          id: own.id,
          baseVersion: own.version,
          decision: 'approve',
          reasons: null,
          password: TEST_PASSWORD,
        },
        'registrar',
      ),
    );
    expect(error).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/another officer/),
    });
    const sqlite = core.services.sqlite;
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare('INSERT INTO temp.mutation_guard (open) VALUES (1)').run();
        sqlite
          .prepare('UPDATE registration_applications SET decided_by = received_by WHERE id = ?')
          .run(own.id);
      })(),
    ).toThrow(/registration_applications_maker_checker_ck/);
  });

  it('once withdrawn has its acknowledgement number voided with the reason, never given again', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const withdrawn = await core.call(
      'applications.withdraw',
      {
        id: received.id,
        baseVersion: received.version,
        reason: 'The promoters joined another society.',
      },
      'clerk',
    );
    expect(withdrawn).toMatchObject({ state: 'withdrawn', open: false, clock: null });
    const allocation = core.services.sqlite
      .prepare(
        'SELECT void_reason AS reason, voided_at AS at FROM number_allocations WHERE number = ?',
      )
      .get(received.ackNo) as { reason: string; at: string };
    expect(allocation.reason).toBe('Application withdrawn: The promoters joined another society.');
    const next = await core.call('applications.receive', { application: application() }, 'clerk');
    expect(next.ackNo).toBe('ACK/AIZ/2026-27/0002');
  });

  it('is refused only with reasons, and then can no longer be approved', async () => {
    const received = await passScrutiny(
      core,
      (await core.call('applications.receive', { application: application() }, 'clerk')).id,
      'clerk',
    );
    const noReasons = await failure(
      core.call(
        'applications.decide',
        {
          id: received.id,
          baseVersion: received.version,
          decision: 'refuse',
          reasons: null,
          password: TEST_PASSWORD,
        },
        'registrar',
      ),
    );
    expect(noReasons.fields).toEqual({
      reasons: 'Give the reasons for the refusal; they are printed on the order.',
    });
    const refused = await core.call(
      'applications.decide',
      {
        id: received.id,
        baseVersion: received.version,
        decision: 'refuse',
        reasons: 'The area of operation overlaps an existing fishery society.',
        password: TEST_PASSWORD,
      },
      'registrar',
    );
    expect(refused).toMatchObject({ state: 'refused', clock: null, societyId: null });
    const again = await failure(
      core.call(
        'applications.decide',
        {
          id: received.id,
          baseVersion: refused.version,
          decision: 'approve',
          reasons: null,
          password: TEST_PASSWORD,
        },
        'registrar',
      ),
    );
    expect(again.message).toBe('The application is refused, so you cannot approve it.');
  });
});

describe('offices', () => {
  it('keep to their own applications and certificates', async () => {
    await core.signInAs('clerk', {
      sessionId: 'lunglei',
      username: 'test.lunglei',
      officeCode: 'LUN',
    });
    const foreign = await failure(
      core.call('applications.receive', { application: application() }, 'lunglei'),
    );
    expect(foreign).toMatchObject({
      code: 'forbidden',
      message: 'Only ARCS Aizawl can receive applications for that office.',
    });
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const withdraw = await failure(
      core.call(
        'applications.withdraw',
        { id: received.id, baseVersion: received.version, reason: 'x' },
        'lunglei',
      ),
    );
    expect(withdraw.message).toBe('Only ARCS Aizawl can act on this application.');
  });

  it('never give a number already carried by a society entered from paper', async () => {
    await core.call(
      'societies.create',
      {
        society: validSociety(reference, {
          regNo: 'RCS/AIZ/2026-27/0001',
          name: 'Zemabawk Dairy Society',
          registeredOn: '2026-05-01',
          statusSince: '2026-05-01',
        }),
      },
      'clerk',
    );
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const society = await core.call('societies.get', { id: approved.societyId! }, 'clerk');
    expect(society.regNo).toBe('RCS/AIZ/2026-27/0002');
    const passed = core.services.sqlite
      .prepare('SELECT void_reason AS reason FROM number_allocations WHERE number = ?')
      .get('RCS/AIZ/2026-27/0001');
    expect(passed).toEqual({ reason: 'Already used by a society entered from old records' });
  });
});
