import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditDetail } from '#shared/audits/contract';
import type { ReferenceData } from '#shared/reference/contract';
import {
  createTestCore,
  TEST_PASSWORD,
  type TestCore,
  failure,
} from '../../../tests/fixtures/test-core';
import { validSociety } from '../../../tests/fixtures/societies';
import {
  classAScores,
  creditStatements,
  defect,
  reportOf,
  type Report,
} from '../../../tests/fixtures/audits';
import { gradeOf } from '#shared/audits/audits';
import { seedDemoAudits } from '../demo/demo-audits';

// FIXED_NOW is 23-11-2026: the audits of 2025-26 were due by 30-09-2026.
let core: TestCore;
let reference: ReferenceData;
let auditorId: string;

async function society(name: string, regNo: string, extra: Record<string, unknown> = {}) {
  return core.call(
    'societies.create',
    {
      society: {
        ...validSociety(reference),
        // A primary agricultural credit society: the credit rubric and loan heads.
        typeId: reference.societyTypes.find((type) => type.code === 'PACS')!.id,
        name,
        regNo,
        ...extra,
      },
    },
    'clerk',
  );
}

let serial = 100;

async function programmed(name = 'Ṭhutmun Multipurpose Credit Cooperative Society Ltd.') {
  serial += 1;
  const { id: societyId } = await society(name, `${serial}/49`);
  await core.call(
    'audits.assign',
    { fy: '2025-26', societyIds: [societyId], auditorId, auditorKind: 'departmental' },
    'registrar',
  );
  const mine = await core.call('audits.mine', {}, 'auditor');
  return { societyId, auditId: mine.find((row) => row.societyName === name)!.auditId };
}

async function save(detail: AuditDetail, report: Partial<Report> = {}) {
  return core.call(
    'audits.saveReport',
    { id: detail.id, baseVersion: detail.version, report: { ...reportOf(), ...report } },
    'auditor',
  );
}

async function submittedAudit() {
  const { auditId, societyId } = await programmed();
  await save(await core.call('audits.get', { id: auditId }, 'auditor'));
  let detail = await core.call(
    'audits.addObservation',
    { auditId, observation: defect },
    'auditor',
  );
  detail = await core.call(
    'audits.submit',
    { id: auditId, baseVersion: detail.version },
    'auditor',
  );
  return { auditId, societyId, detail };
}

async function acceptedAudit() {
  const { auditId, societyId, detail } = await submittedAudit();
  const accepted = await core.call(
    'audits.review',
    {
      id: auditId,
      baseVersion: detail.version,
      decision: 'accept',
      remarks: null,
      password: TEST_PASSWORD,
    },
    'registrar',
  );
  return { auditId, societyId, detail: accepted };
}

beforeEach(async () => {
  core = createTestCore();
  await core.signInAs('clerk', { sessionId: 'clerk' });
  await core.signInAs('registrar', { sessionId: 'registrar' });
  auditorId = (await core.signInAs('auditor', { sessionId: 'auditor' })).id;
  await core.signInAs('inspector', { sessionId: 'inspector' });
  reference = await core.call('reference.get', {}, 'clerk');
});
afterEach(() => core.dispose());

describe('the audit programme', () => {
  it('assigns societies to an auditor, who sees them under My audits', async () => {
    const { auditId } = await programmed();
    const mine = await core.call('audits.mine', {}, 'auditor');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      auditId,
      fy: '2025-26',
      state: 'planned',
      dueOn: '2026-09-30',
    });
    const auditors = await core.call('audits.auditors', {}, 'registrar');
    expect(auditors.map((a) => a.id)).toEqual([auditorId]);
  });

  it('assigns every society of an office in bulk, skipping those already programmed', async () => {
    const first = await society('Ṭlangnuam Thrift Cooperative Society Ltd.', '1/50');
    await society('Zemabawk Credit Cooperative Society Ltd.', '2/50');
    await society('Dawrpui Credit Cooperative Society Ltd.', '3/50', {
      status: 'under_liquidation',
    });
    await core.call(
      'audits.assign',
      { fy: '2025-26', societyIds: [first.id], auditorId, auditorKind: 'panel' },
      'registrar',
    );
    const officeId = validSociety(reference).officeId;
    const bulk = await core.call(
      'audits.assignMatching',
      { fy: '2025-26', officeId, auditorId, auditorKind: 'departmental' },
      'registrar',
    );
    expect(bulk).toEqual({ assigned: 1, skipped: 0 });
    expect(await core.call('audits.mine', {}, 'auditor')).toHaveLength(2);
    const again = await failure(
      core.call(
        'audits.assignMatching',
        { fy: '2025-26', officeId, auditorId, auditorKind: 'departmental' },
        'registrar',
      ),
    );
    expect(again.message).toContain('already in the programme of 2025-26');
  });

  it('refuses a year not yet closed, and someone who is not an auditor', async () => {
    const { id } = await society('Ṭhingsul Credit Cooperative Society Ltd.', '4/50');
    const open = await failure(
      core.call(
        'audits.assign',
        { fy: '2026-27', societyIds: [id], auditorId, auditorKind: 'departmental' },
        'registrar',
      ),
    );
    expect(open.message).toContain('close on 31-03-2027');
    const clerk = (await core.call('auth.status', {}, 'clerk')).session!.user.id;
    const notAuditor = await failure(
      core.call(
        'audits.assign',
        { fy: '2025-26', societyIds: [id], auditorId: clerk, auditorKind: 'departmental' },
        'registrar',
      ),
    );
    expect(notAuditor.fields).toEqual({ auditorId: 'Choose an active auditor.' });
    expect(await core.call('audits.mine', {}, 'auditor')).toEqual([]);
  });
});

describe('the auditor’s report', () => {
  it('grades the scores by the type’s rubric as they are saved, and starts the field work', async () => {
    const { auditId } = await programmed();
    const blank = await core.call('audits.get', { id: auditId }, 'auditor');
    expect(blank.state).toBe('planned');
    expect(blank.rubric.criteria.map((c) => c.code)).toContain('recovery');
    expect(blank.statementHeads.assets.map((h) => h.code)).toContain('loans_members');

    const partial = await save(blank, { scores: { recovery: 14 } });
    expect(partial.state).toBe('in_field');
    expect(partial.grade).toBeNull();
    expect(partial.totalMarks).toBe(14);

    const full = await save(partial);
    expect(full).toMatchObject({ grade: 'A', totalMarks: 61, maxMarks: 100 });
    const exactlySixty = await save(full, { scores: { ...classAScores, recovery: 13 } });
    expect(exactlySixty.grade).toBe('B');
  });

  it('refuses marks above the maximum, field work in the future or before the year closed', async () => {
    const { auditId } = await programmed();
    const detail = await core.call('audits.get', { id: auditId }, 'auditor');
    const refused = await failure(
      save(detail, {
        scores: { ...classAScores, recovery: 21 },
        fieldworkFrom: '2026-03-20',
        fieldworkTo: '2026-12-01',
      }),
    );
    expect(refused.code).toBe('invalid_input');
    expect(refused.fields).toMatchObject({
      'scores.recovery': 'At most 20 marks.',
      fieldworkFrom: expect.stringContaining('after the year closes'),
      fieldworkTo: 'Field work cannot be dated in the future.',
    });
    const after = await core.call('audits.get', { id: auditId }, 'auditor');
    expect(after.version).toBe(detail.version);
    expect(after.scores).toEqual({});
  });

  it('is written by the assigned auditor only', async () => {
    const { auditId } = await programmed();
    await core.signInAs('auditor', { sessionId: 'other', username: 'test.auditor2' });
    const detail = await core.call('audits.get', { id: auditId }, 'other');
    const refused = await failure(
      core.call(
        'audits.saveReport',
        { id: auditId, baseVersion: detail.version, report: reportOf() },
        'other',
      ),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toBe('This audit is assigned to another auditor.');
  });

  it('numbers observations, corrects one by a new entry and withdraws another', async () => {
    const { auditId } = await programmed();
    await core.call('audits.addObservation', { auditId, observation: defect }, 'auditor');
    const two = await core.call(
      'audits.addObservation',
      {
        auditId,
        observation: {
          kind: 'observation',
          category: 'governance',
          amountPaise: null,
          description: 'The board met only four times in the year.',
          recommendation: '',
          rectificationDueOn: null,
        },
      },
      'auditor',
    );
    expect(two.observations.map((o) => o.para)).toEqual([1, 2]);
    const corrected = await core.call(
      'audits.reviseObservation',
      {
        observationId: two.observations[0]!.id,
        observation: { ...defect, amountPaise: 1_30_000_00 },
      },
      'auditor',
    );
    expect(corrected.observations.map((o) => [o.para, o.amountPaise])).toEqual([
      [1, 1_30_000_00],
      [2, null],
    ]);
    const withdrawn = await core.call(
      'audits.reviseObservation',
      { observationId: corrected.observations[1]!.id, observation: null },
      'auditor',
    );
    expect(withdrawn.observations.map((o) => o.para)).toEqual([1]);
    // The old entries are kept (append-only): four rows, one live.
    const rows = core.services.sqlite
      .prepare('SELECT count(*) AS n FROM audit_observations WHERE audit_id = ?')
      .get(auditId) as { n: number };
    expect(rows.n).toBe(4);
    const stale = await failure(
      core.call(
        'audits.reviseObservation',
        { observationId: two.observations[0]!.id, observation: null },
        'auditor',
      ),
    );
    expect(stale.message).toContain('already corrected or withdrawn');
  });

  it('is not submitted while a criterion is unscored or the balance sheet does not balance', async () => {
    const { auditId } = await programmed();
    let detail = await core.call('audits.get', { id: auditId }, 'auditor');
    detail = await save(detail, {
      scores: { recovery: 10 },
      statements: { ...creditStatements, cash_bank: 2_00_000_00 },
    });
    const refused = await failure(
      core.call('audits.submit', { id: auditId, baseVersion: detail.version }, 'auditor'),
    );
    expect(refused.fields?.['statements']).toContain('does not balance');
    expect(refused.fields?.['scores']).toContain('Deposits mobilised from members');
    expect((await core.call('audits.get', { id: auditId }, 'auditor')).state).toBe('in_field');
  });
});

describe('review fixes: what must not slip', () => {
  it('starts the field work as a named transition of its own, apart from the report', async () => {
    const { auditId } = await programmed();
    await save(await core.call('audits.get', { id: auditId }, 'auditor'));
    const names = (
      core.services.sqlite
        .prepare(
          'SELECT name, base_version AS baseVersion FROM outbox WHERE entity_id = ? ORDER BY seq',
        )
        .all(auditId) as { name: string; baseVersion: number | null }[]
    ).map((row) => [row.name, row.baseVersion]);
    expect(names).toEqual([
      ['audit.assign', null],
      ['audit.startFieldwork', 1],
      ['audit.saveReport', 2],
    ]);
  });

  it('freezes a rubric as soon as an audit in the field is scored by it', async () => {
    const { auditId } = await programmed();
    await save(await core.call('audits.get', { id: auditId }, 'auditor'));
    await core.signInAs('administrator', { sessionId: 'admin' });
    const pacs = (await core.call('audits.rubrics', {}, 'admin')).find((r) => r.scope === 'PACS')!;
    expect(pacs.gradedAudits).toBe(1);
    const refused = await failure(
      core.call(
        'audits.saveRubric',
        {
          id: pacs.id,
          baseVersion: pacs.version,
          scope: 'PACS',
          fromFy: pacs.fromFy,
          rubric: { criteria: pacs.criteria, thresholds: { aAbove: 70, bFrom: 50, cFrom: 30 } },
        },
        'admin',
      ),
    );
    expect(refused.message).toContain('1 audit is scored by this rubric');
  });

  it('takes no fee before acceptance unless the registrar set it by hand', async () => {
    const { auditId, detail } = await submittedAudit();
    const refused = await failure(
      core.call(
        'audits.receiveFee',
        { id: auditId, amountPaise: 500_00, mode: 'cash', reference: null },
        'clerk',
      ),
    );
    expect(refused.message).toContain('fixed when the audit report is accepted');
    await core.call(
      'audits.setFee',
      { id: auditId, baseVersion: detail.version, feePaise: 800_00, reason: 'Order 4/2026.' },
      'registrar',
    );
    const paid = await core.call(
      'audits.receiveFee',
      { id: auditId, amountPaise: 800_00, mode: 'cash', reference: null },
      'clerk',
    );
    expect(paid.audit.fee.paidPaise).toBe(800_00);
  });

  it('gives all of an office only within the district chosen', async () => {
    const { id: inDistrict } = await society('Ṭhingsul Credit Cooperative Society Ltd.', '700/50');
    const office = reference.offices.find((o) => o.id === validSociety(reference).officeId)!;
    const elsewhere = office.districtIds.find((d) => d !== validSociety(reference).districtId);
    const result = await core.call(
      'audits.assignMatching',
      {
        fy: '2025-26',
        officeId: office.id,
        districtId: validSociety(reference).districtId,
        auditorId,
        auditorKind: 'departmental',
      },
      'registrar',
    );
    expect(result.assigned).toBe(1);
    expect((await core.call('audits.mine', {}, 'auditor')).map((m) => m.societyName)).toEqual([
      'Ṭhingsul Credit Cooperative Society Ltd.',
    ]);
    expect(inDistrict).toBeTruthy();
    if (elsewhere) {
      const none = await failure(
        core.call(
          'audits.assignMatching',
          {
            fy: '2025-26',
            officeId: office.id,
            districtId: elsewhere,
            auditorId,
            auditorKind: 'panel',
          },
          'registrar',
        ),
      );
      expect(none.message).toContain('in this district');
    }
  });

  it('lets the auditor attach papers only while the report is open', async () => {
    const { auditId } = await submittedAudit();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const refused = await failure(
      core.call(
        'documents.add',
        {
          ownerEntity: 'audit',
          ownerId: auditId,
          purpose: 'audit_photo',
          fileName: 'cash-book.png',
          contentBase64: png.toString('base64'),
        },
        'auditor',
      ),
    );
    expect(refused.code).toBe('forbidden');
    expect(await core.call('documents.list', { ownerId: auditId }, 'auditor')).toEqual([]);
  });
});

describe('the audit officer’s decision', () => {
  it('returns a report with remarks; the auditor corrects and submits it again', async () => {
    const { auditId, detail } = await submittedAudit();
    const locked = await failure(save(detail));
    expect(locked.message).toBe('This audit is submitted and waiting for the audit officer.');
    const noRemarks = await failure(
      core.call(
        'audits.review',
        {
          id: auditId,
          baseVersion: detail.version,
          decision: 'return',
          remarks: '',
          password: TEST_PASSWORD,
        },
        'registrar',
      ),
    );
    expect(noRemarks.fields?.['remarks']).toContain('what the auditor must correct');
    const returned = await core.call(
      'audits.review',
      {
        id: auditId,
        baseVersion: detail.version,
        decision: 'return',
        remarks: 'Attach the bank reconciliation.',
        password: TEST_PASSWORD,
      },
      'registrar',
    );
    expect(returned.state).toBe('returned');
    const [mine] = await core.call('audits.mine', {}, 'auditor');
    expect(mine?.reviewRemarks).toBe('Attach the bank reconciliation.');
    const again = await save(returned, { summary: 'Bank reconciliation attached.' });
    const resubmitted = await core.call(
      'audits.submit',
      { id: auditId, baseVersion: again.version },
      'auditor',
    );
    expect(resubmitted.state).toBe('submitted');
  });

  it('accepts a report: the audit closes, the fee is fixed and a verifiable certificate with the memo prints', async () => {
    const { auditId, societyId, detail } = await acceptedAudit();
    expect(detail.state).toBe('accepted');
    expect(await core.call('audits.ofSociety', { societyId }, 'clerk')).toEqual([
      {
        auditId,
        fy: '2025-26',
        state: 'accepted',
        overdue: false,
        auditorName: 'Test auditor auditor',
        grade: 'A',
        certificateSerial: 'AC/AIZ/2026-27/000001',
      },
    ]);
    expect(detail.certificateSerial).toBe('AC/AIZ/2026-27/000001');
    // ₹15 lakh balance sheet at ₹100 per lakh: ₹1,500.
    expect(detail.fee.computedPaise).toBe(1_500_00);
    const closed = await failure(
      core.call('audits.addObservation', { auditId, observation: defect }, 'auditor'),
    );
    expect(closed.message).toBe('This audit was accepted; it is closed.');

    const { qrText } = core.services.certificates.printable(detail.certificateSerial!);
    const verdict = await core.call('certificates.verify', { text: qrText }, 'clerk');
    expect(verdict.status).toBe('valid');
    expect(verdict.claims).toMatchObject({ kind: 'audit', auditFy: '2025-26', grade: 'A' });

    const printed = await core.call(
      'certificates.print',
      { serial: detail.certificateSerial! },
      'registrar',
    );
    const file = join(core.dataDir, 'printouts', printed.fileName);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('AUDIT CERTIFICATE');
    expect(text).toContain('Class A');
    expect(text).toContain('61 of 100 marks');
    expect(text).toContain('Audit memo');
    expect(text).toContain('Para 1');
    expect(text).toContain('Ṭhutmun');
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+2/u);
  });

  it('is refused on a stale version and to the auditor who did the audit', async () => {
    const { auditId, detail } = await submittedAudit();
    const stale = await failure(
      core.call(
        'audits.review',
        {
          id: auditId,
          baseVersion: detail.version - 1,
          decision: 'accept',
          remarks: null,
          password: TEST_PASSWORD,
        },
        'registrar',
      ),
    );
    expect(stale.code).toBe('conflict');
    expect((await core.call('audits.get', { id: auditId }, 'registrar')).state).toBe('submitted');
  });
});

describe('defects followed to the end', () => {
  it('records the society’s reply, then the verification, and lists the overdue until rectified', async () => {
    const { auditId, detail } = await acceptedAudit();
    const observationId = detail.observations[0]!.id;
    expect(detail.observations[0]).toMatchObject({ status: 'open', overdue: true });
    let overdue = await core.call('audits.overdueDefects', {}, 'clerk');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ auditId, para: 1, daysOverdue: 8, status: 'open' });

    const early = await failure(
      core.call(
        'audits.followUp',
        { observationId, kind: 'rectified', actedOn: '2026-11-20', note: 'Seen the receipts.' },
        'registrar',
      ),
    );
    expect(early.message).toContain('Record the society’s reply first');
    await core.call(
      'audits.followUp',
      {
        observationId,
        kind: 'reply',
        actedOn: '2026-11-18',
        note: 'Two loans recovered; recovery case filed for the third.',
      },
      'clerk',
    );
    const clerkVerifies = await failure(
      core.call(
        'audits.followUp',
        { observationId, kind: 'rectified', actedOn: '2026-11-20', note: 'Seen it.' },
        'clerk',
      ),
    );
    expect(clerkVerifies.code).toBe('forbidden');
    const notAccepted = await core.call(
      'audits.followUp',
      {
        observationId,
        kind: 'not_accepted',
        actedOn: '2026-11-20',
        note: 'The recovery case number is missing.',
      },
      'inspector',
    );
    expect(notAccepted.observations[0]?.status).toBe('not_accepted');
    await core.call(
      'audits.followUp',
      { observationId, kind: 'reply', actedOn: '2026-11-21', note: 'Case no. 14/2026 filed.' },
      'clerk',
    );
    const verified = await core.call(
      'audits.followUp',
      { observationId, kind: 'rectified', actedOn: '2026-11-22', note: 'Case papers seen.' },
      'registrar',
    );
    expect(verified.observations[0]).toMatchObject({ status: 'rectified', overdue: false });
    expect(verified.observations[0]?.actions.map((a) => [a.kind, a.byName])).toEqual([
      ['reply', 'Test clerk clerk'],
      ['not_accepted', 'Test inspector inspector'],
      ['reply', 'Test clerk clerk'],
      ['rectified', 'Test registrar registrar'],
    ]);
    overdue = await core.call('audits.overdueDefects', {}, 'clerk');
    expect(overdue).toEqual([]);
    const closed = await failure(
      core.call(
        'audits.followUp',
        { observationId, kind: 'reply', actedOn: '2026-11-22', note: 'More papers.' },
        'clerk',
      ),
    );
    expect(closed.message).toContain('closed');
  });

  it('follows defects only after the report is accepted', async () => {
    const { detail } = await submittedAudit();
    const refused = await failure(
      core.call(
        'audits.followUp',
        {
          observationId: detail.observations[0]!.id,
          kind: 'reply',
          actedOn: '2026-11-20',
          note: 'Reply.',
        },
        'clerk',
      ),
    );
    expect(refused.message).toContain('once the audit report is accepted');
  });
});

describe('the audit fee', () => {
  it('is overridden with a reason and paid against numbered receipts, never more than is due', async () => {
    const { auditId, detail } = await acceptedAudit();
    const noReason = await failure(
      core.call(
        'audits.setFee',
        { id: auditId, baseVersion: detail.version, feePaise: 1_000_00, reason: '' },
        'registrar',
      ),
    );
    expect(noReason.fields?.['reason']).toBe('Give the reason for the fee set by hand.');
    const set = await core.call(
      'audits.setFee',
      {
        id: auditId,
        baseVersion: detail.version,
        feePaise: 1_000_00,
        reason: 'Society in the flood-affected list; fee reduced by order 12/2026.',
      },
      'registrar',
    );
    expect(set.fee).toMatchObject({ computedPaise: 1_500_00, duePaise: 1_000_00, paidPaise: 0 });
    const first = await core.call(
      'audits.receiveFee',
      { id: auditId, amountPaise: 600_00, mode: 'cash', reference: null },
      'clerk',
    );
    expect(first.receiptNo).toBe('AFR/AIZ/2026-27/0001');
    const tooMuch = await failure(
      core.call(
        'audits.receiveFee',
        { id: auditId, amountPaise: 500_00, mode: 'cash', reference: null },
        'clerk',
      ),
    );
    expect(tooMuch.message).toBe('Only ₹400.00 is outstanding.');
    const noReference = await failure(
      core.call(
        'audits.receiveFee',
        { id: auditId, amountPaise: 400_00, mode: 'challan', reference: null },
        'clerk',
      ),
    );
    expect(noReference.fields).toEqual({ reference: 'Give the challan or transfer reference.' });
    const second = await core.call(
      'audits.receiveFee',
      { id: auditId, amountPaise: 400_00, mode: 'challan', reference: 'CH-2026-118' },
      'clerk',
    );
    expect(second.receiptNo).toBe('AFR/AIZ/2026-27/0002');
    expect(second.audit.fee.paidPaise).toBe(1_000_00);
    expect(second.audit.fee.receipts.map((r) => r.receivedByName)).toEqual([
      'Test clerk clerk',
      'Test clerk clerk',
    ]);
  });
});

describe('registers', () => {
  it('counts audits by stage and overdue, filters a page, and tallies grades by district and type', async () => {
    await acceptedAudit();
    await programmed('Zemabawk Piggery Cooperative Society Ltd.');
    await society('Chaltlang Credit Cooperative Society Ltd.', '9/51');
    const counts = await core.call('audits.counts', { fy: '2025-26' }, 'clerk');
    expect(counts).toMatchObject({
      dueOn: '2026-09-30',
      not_programmed: 1,
      planned: 1,
      accepted: 1,
      overdue: 2,
    });
    const overdue = await core.call(
      'audits.register',
      { fy: '2025-26', status: 'overdue' },
      'clerk',
    );
    expect(overdue.total).toBe(2);
    expect(overdue.rows.map((r) => r.state)).toEqual([null, 'planned']);
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    const accepted = await core.call(
      'audits.register',
      { fy: '2025-26', status: 'accepted' },
      'clerk',
    );
    expect(accepted.rows[0]).toMatchObject({ grade: 'A', auditorName: 'Test auditor auditor' });
    const grades = await core.call('audits.grades', { fy: '2025-26' }, 'clerk');
    expect(grades.byType).toEqual([{ name: expect.any(String), A: 1, B: 0, C: 0, D: 0 }]);
    expect(grades.byDistrict).toHaveLength(1);
  });
});

describe('rubrics as data', () => {
  it('keeps a rubric that graded audits, and a rubric from a later year governs that year’s audits', async () => {
    await submittedAudit();
    await core.signInAs('administrator', { sessionId: 'admin' });
    const rubrics = await core.call('audits.rubrics', {}, 'admin');
    const pacs = rubrics.find((r) => r.scope === 'PACS')!;
    expect(pacs.gradedAudits).toBe(1);
    const refused = await failure(
      core.call(
        'audits.saveRubric',
        {
          id: pacs.id,
          baseVersion: pacs.version,
          scope: 'PACS',
          fromFy: pacs.fromFy,
          rubric: { criteria: pacs.criteria, thresholds: { aAbove: 70, bFrom: 50, cFrom: 30 } },
        },
        'admin',
      ),
    );
    expect(refused.message).toContain('Add a rubric from a later year');
    await core.call(
      'audits.saveRubric',
      {
        scope: 'PACS',
        fromFy: '2025-26',
        rubric: {
          criteria: [
            { code: 'recovery', label: 'Recovery of loans', maxMarks: 50 },
            { code: 'books', label: 'Books of account', maxMarks: 50 },
          ],
          thresholds: { aAbove: 70, bFrom: 50, cFrom: 30 },
        },
      },
      'admin',
    );
    const { auditId } = await programmed('Kawnpui Credit Cooperative Society Ltd.');
    const detail = await core.call('audits.get', { id: auditId }, 'auditor');
    expect(detail.rubric.fromFy).toBe('2025-26');
    const graded = await save(detail, { scores: { recovery: 35, books: 35 } });
    expect(graded.grade).toBe('B');
  });
});

describe('generated audits (the benchmark’s ten years)', () => {
  it('grade every scored audit by its own marks, and fill the register', async () => {
    for (let i = 0; i < 30; i += 1) {
      await society(`Ṭhingsul Generated Credit Cooperative Society ${i + 1} Ltd.`, `${500 + i}/60`);
    }
    const written = seedDemoAudits(core.services.sqlite, {
      today: '2026-11-23',
      years: 3,
      auditorIds: [auditorId],
      seed: 7,
    });
    expect(written).toBeGreaterThan(50);
    const rubrics = await core.call('audits.rubrics', {}, 'clerk');
    const scored = core.services.sqlite
      .prepare(
        'SELECT rubric_id AS rubricId, scores, grade FROM audits WHERE rubric_id IS NOT NULL',
      )
      .all() as { rubricId: string; scores: string; grade: string | null }[];
    expect(scored.length).toBeGreaterThan(0);
    for (const audit of scored) {
      const rubric = rubrics.find((r) => r.id === audit.rubricId)!;
      expect(gradeOf(rubric, JSON.parse(audit.scores) as Record<string, number>).grade).toBe(
        audit.grade,
      );
    }
    const accepted = await core.call(
      'audits.register',
      { fy: '2024-25', status: 'accepted' },
      'clerk',
    );
    expect(accepted.total).toBeGreaterThan(0);
    expect(accepted.rows.every((row) => row.grade !== null)).toBe(true);
  });
});
