import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationCreate } from '#shared/registration/registration';
import type { ReferenceData } from '#shared/reference/contract';
import type { SessionUser } from '#shared/auth/contract';
import {
  createTestCore,
  FIXED_NOW,
  TEST_PASSWORD,
  type TestCore,
} from '../../../tests/fixtures/test-core';
import { fisheryApplication } from '../../../tests/fixtures/applications';
import { validSociety } from '../../../tests/fixtures/societies';
import { BLOCK_SIZE, numberPattern } from './number-allocator';

/** A clock the test moves by whole days. */
function movableClock() {
  let now = FIXED_NOW.getTime();
  return { now: () => new Date(now), advanceDays: (days: number) => (now += days * 86_400_000) };
}

let core: TestCore;
let clock: ReturnType<typeof movableClock>;
let reference: ReferenceData;
let registrar: SessionUser;

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: { code: string; message: string; fields?: Record<string, string> }) => error,
  );

function application(overrides: Partial<ApplicationCreate> = {}): ApplicationCreate {
  return fisheryApplication(reference, overrides);
}

beforeEach(async () => {
  clock = movableClock();
  core = createTestCore({ clock });
  await core.signInAs('clerk', { sessionId: 'clerk' });
  registrar = await core.signInAs('registrar', { sessionId: 'registrar' });
  reference = await core.call('reference.get', {}, 'clerk');
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
    const received = await core.call(
      'applications.receive',
      { application: application() },
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

describe('the scrutiny checklist', () => {
  it('is the common items and the type’s own, and records what was found, by whom and when', async () => {
    const housing = reference.societyTypes.find((t) => t.code === 'HOUSING')!;
    const fishery = reference.societyTypes.find((t) => t.code === 'FISHERY')!;
    expect(housing.scrutinyItems.map((item) => item.code)).toEqual([
      'promoters',
      'bye_laws',
      'share_capital',
      'fee',
      'name',
      'area',
      'viability',
      'land_papers',
      'no_other_house',
    ]);
    expect(fishery.scrutinyItems.at(-1)?.code).toBe('water_rights');

    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    expect(received.checklist.map((item) => item.code)).toEqual(
      fishery.scrutinyItems.map((item) => item.code),
    );
    expect(received.checklist.every((item) => item.result === null)).toBe(true);
    const early = await failure(
      core.call(
        'applications.recordScrutiny',
        {
          id: received.id,
          baseVersion: received.version,
          items: [{ code: 'fee', result: 'in_order', note: null }],
        },
        'clerk',
      ),
    );
    expect(early.message).toBe('Start the scrutiny before recording the checklist.');

    const started = await core.call(
      'applications.startScrutiny',
      { id: received.id, baseVersion: received.version },
      'clerk',
    );
    const checked = await core.call(
      'applications.recordScrutiny',
      {
        id: started.id,
        baseVersion: started.version,
        items: [
          { code: 'fee', result: 'in_order', note: null },
          { code: 'water_rights', result: 'wanting', note: 'No lease for the Tlawng pond.' },
        ],
      },
      'clerk',
    );
    expect(checked.version).toBe(started.version + 1);
    expect(checked.checklist.find((item) => item.code === 'fee')).toMatchObject({
      result: 'in_order',
      checkedByName: expect.stringMatching(/\S/u),
      checkedOn: '2026-11-23',
    });
    expect(checked.checklist.find((item) => item.code === 'water_rights')).toMatchObject({
      result: 'wanting',
      note: 'No lease for the Tlawng pond.',
    });
    // A result of null clears an item back to not checked.
    const cleared = await core.call(
      'applications.recordScrutiny',
      {
        id: checked.id,
        baseVersion: checked.version,
        items: [{ code: 'fee', result: null, note: null }],
      },
      'clerk',
    );
    expect(cleared.checklist.find((item) => item.code === 'fee')?.result).toBeNull();
    // The record of changes has the checklist with what it was before.
    await core.signInAs('administrator', { sessionId: 'admin' });
    const { entries } = await core.call(
      'changes.list',
      { entity: 'registration_application' },
      'admin',
    );
    const saves = entries.filter((entry) => entry.action === 'application.recordScrutiny');
    expect(saves).toHaveLength(2);
    expect(saves.map((entry) => Object.keys(entry.changes))).toEqual([['scrutiny'], ['scrutiny']]);
  });

  it('refuses an item not on the type’s checklist, a wanting item without a note, and a stale version, changing nothing', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const started = await core.call(
      'applications.startScrutiny',
      { id: received.id, baseVersion: received.version },
      'clerk',
    );
    const unknown = await failure(
      core.call(
        'applications.recordScrutiny',
        {
          id: started.id,
          baseVersion: started.version,
          items: [{ code: 'land_papers', result: 'in_order', note: null }],
        },
        'clerk',
      ),
    );
    expect(unknown.message).toBe(
      '“land_papers” is not an item of the scrutiny checklist for this type of society.',
    );
    const noNote = await failure(
      core.call(
        'applications.recordScrutiny',
        {
          id: started.id,
          baseVersion: started.version,
          items: [{ code: 'fee', result: 'wanting', note: '  ' }],
        },
        'clerk',
      ),
    );
    expect(noNote.code).toBe('invalid_input');
    expect(Object.values(noNote.fields ?? {})).toContain(
      'Say what is wanting; it goes into the deficiency letter.',
    );
    const stale = await failure(
      core.call(
        'applications.recordScrutiny',
        {
          id: started.id,
          baseVersion: received.version,
          items: [{ code: 'fee', result: 'in_order', note: null }],
        },
        'clerk',
      ),
    );
    expect(stale.code).toBe('conflict');
    const after = await core.call('applications.get', { id: started.id }, 'clerk');
    expect(after.version).toBe(started.version);
    expect(after.checklist.every((item) => item.result === null)).toBe(true);
  });

  it('feeds the deficiency letter, and approval waits until nothing is wanting', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const started = await core.call(
      'applications.startScrutiny',
      { id: received.id, baseVersion: received.version },
      'clerk',
    );
    const deficient = await core.call(
      'applications.issueDeficiency',
      {
        id: started.id,
        baseVersion: started.version,
        items: [{ code: 'water_rights', note: 'Send the lease of the pond.' }],
      },
      'clerk',
    );
    expect(deficient.deficiencyLetters).toEqual([
      expect.objectContaining({
        letterNo: `${received.ackNo}/DL-1`,
        issuedByName: expect.stringMatching(/\S/u),
        items: [
          {
            code: 'water_rights',
            label: 'Right to use the ponds or water body (lease or owner’s consent)',
            note: 'Send the lease of the pond.',
          },
        ],
      }),
    ]);
    expect(deficient.checklist.find((item) => item.code === 'water_rights')).toMatchObject({
      result: 'wanting',
      note: 'Send the lease of the pond.',
    });
    const replied = await core.call(
      'applications.recordReply',
      {
        id: deficient.id,
        baseVersion: deficient.version,
        replyOn: '2026-11-23',
        note: 'Lease deed brought',
      },
      'clerk',
    );
    const refused = await failure(approve(replied.id));
    expect(refused).toMatchObject({
      code: 'conflict',
      message:
        'The scrutiny found an item wanting: Right to use the ponds or water body (lease or owner’s consent). Approve once the checklist is in order, or refuse.',
    });
    expect((await core.call('applications.get', { id: replied.id }, 'clerk')).state).toBe(
      'under_scrutiny',
    );
    const inOrder = await core.call(
      'applications.recordScrutiny',
      {
        id: replied.id,
        baseVersion: replied.version,
        items: [{ code: 'water_rights', result: 'in_order', note: 'Lease deed seen' }],
      },
      'clerk',
    );
    expect((await approve(inOrder.id)).state).toBe('approved');
  });

  it('refuses a deficiency item that is not on the type’s checklist', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const error = await failure(
      core.call(
        'applications.issueDeficiency',
        {
          id: received.id,
          baseVersion: received.version,
          items: [{ code: 'rbi_licence', note: 'No licence' }],
        },
        'clerk',
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect((await core.call('applications.get', { id: received.id }, 'clerk')).state).toBe(
      'received',
    );
  });
});

describe('deemed registration', () => {
  it('is recorded only once the statutory period has run out, and registers the society', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const early = await failure(
      core.call(
        'applications.recordDeemed',
        { id: received.id, baseVersion: received.version },
        'registrar',
      ),
    );
    expect(early.message).toBe(
      'The statutory period ends on 31-01-2027; deemed registration can be recorded only after it.',
    );
    clock.advanceDays(70);
    await core.call('auth.unlock', { password: TEST_PASSWORD }, 'registrar');
    const deemed = await core.call(
      'applications.recordDeemed',
      { id: received.id, baseVersion: received.version },
      'registrar',
    );
    expect(deemed).toMatchObject({ state: 'deemed', clock: null });
    expect(deemed.decisionReasons).toBe(
      'Not decided within the statutory period, which ended on 31-01-2027.',
    );
    const society = await core.call('societies.get', { id: deemed.societyId! }, 'registrar');
    expect(society).toMatchObject({
      basis: 'deemed',
      status: 'registered',
      regNo: 'RCS/AIZ/2026-27/0001',
    });
    const keys = await core.call('certificates.keys', {}, 'registrar');
    expect(keys).toEqual([
      expect.objectContaining({
        officeCode: 'AIZ',
        keyId: expect.stringMatching(/^AIZ-/),
        retiredAt: null,
      }),
    ]);
  });
});

describe('name reservations', () => {
  it('hold a name until it expires, warn other applicants, and are used by the application', async () => {
    const typeId = reference.societyTypes.find((t) => t.code === 'FISHERY')!.id;
    const held = await core.call(
      'names.reserve',
      { name: 'Ṭhutmun Fish Farmers Cooperative Society', typeId, applicantName: 'Lalṭhanpuia' },
      'clerk',
    );
    expect(held).toMatchObject({
      reservedOn: '2026-11-23',
      expiresOn: '2027-02-21',
      applicationId: null,
    });
    const again = await failure(
      core.call(
        'names.reserve',
        {
          name: 'THUTMUN fish farmers co-operative society ltd.',
          typeId,
          applicantName: 'Someone else',
        },
        'clerk',
      ),
    );
    expect(again.fields?.['name']).toBe(
      'Ṭhutmun Fish Farmers Cooperative Society is reserved until 21-02-2027.',
    );
    // Another group's application under the name is warned; the promoters who reserved it
    // apply with their reservation, which is used up and warns nobody after.
    const other = await core.call('applications.receive', { application: application() }, 'clerk');
    expect(other.closeNames).toEqual([
      'Ṭhutmun Fish Farmers Cooperative Society (reserved until 21-02-2027)',
    ]);
    const applied = await core.call(
      'applications.receive',
      { application: application({ reservationId: held.id }) },
      'clerk',
    );
    expect(applied.closeNames).toEqual([]);
    const [used] = await core.call('names.list', {}, 'clerk');
    expect(used?.applicationId).toBe(applied.id);
    const twice = await failure(
      core.call(
        'applications.receive',
        { application: application({ reservationId: held.id }) },
        'clerk',
      ),
    );
    expect(twice.fields?.['reservationId']).toBe(
      'That name reservation was already used by another application.',
    );
  });

  it('are refused for a name already registered', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    await approve(received.id);
    const typeId = reference.societyTypes.find((t) => t.code === 'FISHERY')!.id;
    const error = await failure(
      core.call(
        'names.reserve',
        { name: 'Thutmun Fish Farmers Society', typeId, applicantName: 'X' },
        'clerk',
      ),
    );
    expect(error.fields?.['name']).toBe(
      'Ṭhutmun Fish Farmers Cooperative Society Ltd. is already registered (RCS/AIZ/2026-27/0001).',
    );
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

describe('certificates', () => {
  it('tell an altered code, an unknown key and a revoked certificate apart', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const [certificate] = await core.call(
      'certificates.list',
      { societyId: approved.societyId! },
      'clerk',
    );
    const { qrText } = core.services.certificates.printable(certificate!.serial);
    const verify = (text: string) => core.call('certificates.verify', { text }, 'clerk');

    // One bit of the payload changed (the society name): the signature no longer matches.
    const [url, token] = qrText.split('?c=') as [string, string];
    const [payload, signature] = token.split('.') as [string, string];
    const bytes = Buffer.from(payload, 'base64url');
    const at = bytes.indexOf(Buffer.from('Fish'));
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    expect((await verify(`${url}?c=${bytes.toString('base64url')}.${signature}`)).status).toBe(
      'altered',
    );
    const sig = Buffer.from(signature, 'base64url');
    sig.writeUInt8(sig.readUInt8(0) ^ 0x01, 0);
    expect((await verify(`${payload}.${sig.toString('base64url')}`)).status).toBe('altered');
    // The last letter of the signature has spare bits; changing them is still a change.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const spare = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 0x01]!;
    expect(Buffer.from(spare, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect((await verify(`${payload}.${spare}`)).status).toBe('altered');
    expect((await verify('not a certificate')).status).toBe('unreadable');
    const otherKey = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    otherKey['k'] = 'AIZ-forged00';
    expect(
      (await verify(`${Buffer.from(JSON.stringify(otherKey)).toString('base64url')}.${signature}`))
        .status,
    ).toBe('unknown_key');

    // Deregistration (two status orders: liquidation, then deregistration) revokes it.
    for (const toStatus of ['under_liquidation', 'deregistered'] as const) {
      const order = await core.call(
        'statusOrders.propose',
        {
          societyId: approved.societyId!,
          toStatus,
          effectiveOn: '2026-11-23',
          orderRef: `ARCS/AZL/${toStatus}`,
          reason: 'Promoters asked for winding up',
        },
        'clerk',
      );
      await core.call(
        'statusOrders.decide',
        { id: order.id, decision: 'approve', note: null, password: TEST_PASSWORD },
        'registrar',
      );
    }
    expect(await verify(qrText)).toMatchObject({
      status: 'revoked',
      revokedReason: 'Society deregistered by order ARCS/AZL/deregistered',
    });
    // The register offers it neither for printing nor for a duplicate.
    expect(
      await core.call('certificates.list', { societyId: approved.societyId! }, 'clerk'),
    ).toMatchObject([{ serial: certificate!.serial, printable: false, duplicable: false }]);
  });

  it('refuse a code signed with one office’s key for another office, or a second code for one serial', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const [certificate] = await core.call(
      'certificates.list',
      { societyId: approved.societyId! },
      'clerk',
    );
    const { qrText } = core.services.certificates.printable(certificate!.serial);
    const payload = qrText.split('?c=')[1]!.split('.')[0]!;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      string
    >;
    // Someone holding the AIZ key signs other claims themselves.
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { createPrivateKey, sign } = await import('node:crypto');
    const keyFile = join(core.dataDir, 'keys', readdirSync(join(core.dataDir, 'keys'))[0]!);
    const key = createPrivateKey({ key: readFileSync(keyFile), format: 'der', type: 'pkcs8' });
    const forge = (changes: Record<string, string>) => {
      const forged = Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url');
      return `${forged}.${sign(null, Buffer.from(forged, 'ascii'), key).toString('base64url')}`;
    };
    const verify = (text: string) => core.call('certificates.verify', { text }, 'clerk');
    expect((await verify(forge({ o: 'LUN', s: 'RC/LUN/2026-27/000009' }))).status).toBe(
      'unknown_key',
    );
    expect((await verify(forge({ m: 'Another Society Ltd.' }))).status).toBe('altered');
  });

  it('issue a duplicate with a new serial, marked as such', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const [original] = await core.call(
      'certificates.list',
      { societyId: approved.societyId! },
      'clerk',
    );
    const duplicate = await core.call(
      'certificates.issueDuplicate',
      { serial: original!.serial, password: TEST_PASSWORD },
      'registrar',
    );
    expect(duplicate).toMatchObject({
      serial: 'RC/AIZ/2026-27/000002',
      kind: 'duplicate',
      duplicateOf: original!.serial,
    });
    const printed = core.services.certificates.printable(duplicate.serial);
    expect(printed.kind === 'registration' && printed.duplicate).toEqual({
      originalSerial: original!.serial,
      issuedOn: '2026-11-23',
    });
    expect(
      (await core.call('certificates.verify', { text: printed.qrText }, 'clerk')).claims?.kind,
    ).toBe('duplicate');
  });

  it('print as the same PDF at every reprint, with the society’s name in Mizo letters', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const [certificate] = await core.call(
      'certificates.list',
      { societyId: approved.societyId! },
      'clerk',
    );
    const printed = await core.call('certificates.print', { serial: certificate!.serial }, 'clerk');
    expect(printed).toEqual({ fileName: 'RC-AIZ-2026-27-000001.pdf', url: null });
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { execFileSync } = await import('node:child_process');
    const file = join(core.dataDir, 'printouts', printed.fileName);
    const first = readFileSync(file);
    await core.call('certificates.print', { serial: certificate!.serial }, 'registrar');
    expect(readFileSync(file).equals(first)).toBe(true);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ṭhutmun Fish Farmers Cooperative Society Ltd.');
    expect(text).toContain('RCS/AIZ/2026-27/0001');
  });

  it('keep the office key out of the database, in a file only its owner can read', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    await approve(received.id);
    const { statSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const [file] = readdirSync(join(core.dataDir, 'keys'));
    expect(file).toMatch(/^AIZ-[\w-]{8}\.key$/);
    expect(statSync(join(core.dataDir, 'keys', file!)).mode & 0o777).toBe(0o600);
    const tables = JSON.stringify(core.services.sqlite.prepare('SELECT * FROM office_keys').all());
    expect(tables).not.toContain('PRIVATE');
  });
});

describe('numbers', () => {
  it('follow the pattern of the rule parameters', () => {
    const pattern = numberPattern('RCS/{office}/{fy}/{serial:4}', { office: 'LUN', fy: '2026-27' });
    expect(pattern.series).toBe('RCS/LUN/2026-27/{serial}');
    expect(pattern.format(7)).toBe('RCS/LUN/2026-27/0007');
    // With the serial first, offices and years still get series of their own.
    const first = numberPattern('{serial:3}/{office}/{fy}', { office: 'AIZ', fy: '2026-27' });
    const other = numberPattern('{serial:3}/{office}/{fy}', { office: 'LUN', fy: '2027-28' });
    expect(first.series).not.toBe(other.series);
    expect(first.format(12)).toBe('012/AIZ/2026-27');
  });

  it('are given in order across blocks, and a voided number is never given again', async () => {
    const allocator = core.services.registration['numbers'];
    const actor = { userId: 'test', role: 'system', officeId: null };
    const given: string[] = [];
    const testSeries = numberPattern('T/{fy}/{serial}', { office: 'AIZ', fy: '2026-27' });
    await core.services.registration['writer'].run(actor, (tx) => {
      for (let i = 0; i < BLOCK_SIZE + 2; i += 1) {
        given.push(allocator.allocate(tx, testSeries, 'test', `owner-${i}`).number);
      }
      allocator.void(
        tx,
        `T/2026-27/${BLOCK_SIZE + 2}`,
        'Application withdrawn before registration',
      );
      given.push(allocator.allocate(tx, testSeries, 'test', 'after-void').number);
    });
    expect(given.slice(0, 3)).toEqual(['T/2026-27/1', 'T/2026-27/2', 'T/2026-27/3']);
    expect(new Set(given).size).toBe(given.length);
    expect(given.at(-1)).toBe(`T/2026-27/${BLOCK_SIZE + 3}`);
    const voided = core.services.sqlite
      .prepare('SELECT void_reason AS reason FROM number_allocations WHERE number = ?')
      .get(`T/2026-27/${BLOCK_SIZE + 2}`);
    expect(voided).toEqual({ reason: 'Application withdrawn before registration' });
  });
});

describe('numbers once the computer is enrolled', () => {
  it('come only from leased blocks; with none left they are provisional, and a certificate serial is refused', async () => {
    const allocator = core.services.registration['numbers'];
    const writer = core.services.registration['writer'];
    const actor = { userId: 'test', role: 'system', officeId: null };
    const numbering = numberPattern('L/{fy}/{serial:3}', { office: 'AIZ', fy: '2026-27' });
    // A block this computer granted itself before enrolment is closed by the enrolment.
    writer.run(actor, (tx) => allocator.allocate(tx, numbering, 'test', 'before'));
    allocator.startLeasing();

    const provisional = writer.run(actor, (tx) =>
      allocator.allocate(tx, numbering, 'test', 'offline'),
    );
    expect(provisional).toMatchObject({ provisional: true, serial: 1 });
    expect(provisional.number).toMatch(/^L\/2026-27\/P-[0-9A-F]{6}-1$/);
    expect(allocator.isProvisional(provisional.number)).toBe(true);
    expect(() =>
      writer.run(actor, (tx) =>
        allocator.allocate(tx, numbering, 'certificate', 'c', { final: true }),
      ),
    ).toThrow(/Sync with the state server \(Sync screen, Alt\+Y\) to get the next block/);
    // The series waits for a block, and says it holds none.
    expect(allocator.wantedSeries(new Date('2026-11-23T10:00:00Z'), [])).toContainEqual({
      series: numbering.series,
      holding: [],
    });

    const lease = { id: 'lease-1', series: numbering.series, first: 101, last: 150 };
    allocator.storeLeases([lease], '2026-11-23T10:00:00Z');
    allocator.storeLeases([lease], '2026-11-23T10:00:01Z'); // the same answer twice
    const blocks = core.services.sqlite
      .prepare('SELECT count(*) AS n FROM number_blocks WHERE lease_id = ?')
      .get('lease-1');
    expect(blocks).toEqual({ n: 1 });
    const leased = writer.run(actor, (tx) => allocator.allocate(tx, numbering, 'test', 'online'));
    expect(leased).toEqual({ serial: 101, number: 'L/2026-27/101', provisional: false });
    expect(allocator.wantedSeries(new Date('2026-11-23T10:00:00Z'), [])).not.toContainEqual(
      expect.objectContaining({ series: numbering.series }),
    );
  });
});

async function approve(id: string) {
  const detail = await core.call('applications.get', { id }, 'registrar');
  return core.call(
    'applications.decide',
    {
      id,
      baseVersion: detail.version,
      decision: 'approve',
      reasons: null,
      password: TEST_PASSWORD,
    },
    'registrar',
  );
}
