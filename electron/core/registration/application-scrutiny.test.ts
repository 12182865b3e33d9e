import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferenceData } from '#shared/reference/contract';
import { type TestCore, TEST_PASSWORD, failure } from '../../../tests/fixtures/test-core';
import {
  startRegistrationCore,
  type RegistrationSetting,
} from '../../../tests/fixtures/applications';

let core: TestCore;
let reference: ReferenceData;

let application: RegistrationSetting['application'];
let approve: RegistrationSetting['approve'];

beforeEach(async () => {
  ({ core, reference, application, approve } = await startRegistrationCore());
});
afterEach(() => core.dispose());

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
    const checked = await core.call('applications.get', { id: replied.id }, 'clerk');
    const inOrder = await core.call(
      'applications.recordScrutiny',
      {
        id: replied.id,
        baseVersion: checked.version,
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

describe('the scrutiny gate of a decision', () => {
  const decide = (id: string, version: number, decision: 'approve' | 'refuse') =>
    core.call(
      'applications.decide',
      {
        id,
        baseVersion: version,
        decision,
        reasons: decision === 'refuse' ? 'Not viable as proposed.' : null,
        password: TEST_PASSWORD,
      },
      'registrar',
    );
  const receive = () => core.call('applications.receive', { application: application() }, 'clerk');
  /** Received and with the scrutiny started: the checklist open, nothing checked. */
  const startedScrutiny = async () => {
    const received = await receive();
    return core.call(
      'applications.startScrutiny',
      { id: received.id, baseVersion: received.version },
      'clerk',
    );
  };
  const record = (
    detail: { id: string; version: number },
    items: { code: string; result: 'in_order' | 'wanting'; note: string | null }[],
  ) =>
    core.call(
      'applications.recordScrutiny',
      { id: detail.id, baseVersion: detail.version, items },
      'clerk',
    );

  it('does not let an application only received be approved or refused', async () => {
    const received = await receive();
    for (const decision of ['approve', 'refuse'] as const) {
      const error = await failure(decide(received.id, received.version, decision));
      expect(error.code).toBe('conflict');
    }
    const after = await core.call('applications.get', { id: received.id }, 'clerk');
    expect(after).toMatchObject({ state: 'received', societyId: null });
  });

  it('approves only once every item is in order, naming the items not yet checked', async () => {
    const started = await startedScrutiny();
    const partly = await record(
      started,
      started.checklist
        .filter((item) => item.code !== 'viability')
        .map((item) => ({ code: item.code, result: 'in_order' as const, note: null })),
    );
    const approval = await failure(decide(partly.id, partly.version, 'approve'));
    expect(approval.message).toBe(
      'The scrutiny is not finished: Viability note is not yet checked. Approve once every item is recorded as in order.',
    );
    // A refusal on the merits also waits for the whole checklist.
    const refusal = await failure(decide(partly.id, partly.version, 'refuse'));
    expect(refusal.message).toMatch(/Viability note is not yet checked/u);
    expect((await core.call('applications.get', { id: partly.id }, 'clerk')).societyId).toBeNull();

    const done = await record(partly, [{ code: 'viability', result: 'in_order', note: null }]);
    const approved = await decide(done.id, done.version, 'approve');
    expect(approved.state).toBe('approved');
    expect(approved.societyId).not.toBeNull();
  });

  it('lets a refusal cite an item found wanting before the rest are checked', async () => {
    const started = await startedScrutiny();
    const wanting = await record(started, [
      { code: 'viability', result: 'wanting', note: 'No market for the fish.' },
    ]);
    expect((await decide(wanting.id, wanting.version, 'refuse')).state).toBe('refused');
  });
});
