import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../shared/auth/roles';
import { requestNames, type RequestName } from '../../../shared/ipc/channels';
import { createTestCore, type TestCore } from '../../../tests/fixtures/test-core';

/**
 * Who may make each request, written out by hand (quality.md "Security": a generated
 * matrix covers every request × every role). The contract declares access next to each
 * request; this table is the independent statement of intent it is checked against. A new
 * request without a row here fails the suite.
 */
const EVERYONE = 'everyone';
const READERS: Role[] = ['clerk', 'registrar', 'auditor', 'inspector', 'administrator', 'viewer'];
const expected: Record<RequestName, typeof EVERYONE | Role[]> = {
  'app.info': EVERYONE,
  'reference.get': EVERYONE,
  'reference.ruleParameters': READERS,
  'societies.search': READERS,
  'societies.list': READERS,
  'societies.get': READERS,
  'societies.create': ['clerk', 'registrar'],
  'societies.update': ['clerk', 'registrar'],
  'societies.history': READERS,
  'auth.status': EVERYONE,
  'auth.setup': EVERYONE,
  'auth.login': EVERYONE,
  'auth.logout': EVERYONE,
  'auth.lock': EVERYONE,
  'auth.unlock': EVERYONE,
  'auth.touch': EVERYONE,
  'auth.changePassword': EVERYONE,
  'settings.update': ['administrator'],
  'users.list': ['administrator'],
  'users.create': ['administrator'],
  'users.update': ['administrator'],
  'users.setActive': ['administrator'],
  'users.resetPassword': ['administrator'],
  'statusOrders.propose': ['clerk', 'registrar'],
  'statusOrders.decide': ['registrar'],
  'statusOrders.list': READERS,
  'changes.list': ['administrator'],
  'changes.verify': ['administrator'],
  'applications.receive': ['clerk', 'registrar'],
  'applications.get': READERS,
  'applications.list': READERS,
  'applications.startScrutiny': ['clerk', 'registrar'],
  'applications.recordScrutiny': ['clerk', 'registrar'],
  'returns.register': READERS,
  'returns.counts': READERS,
  'returns.get': READERS,
  'returns.ofSociety': READERS,
  'returns.openCounter': ['clerk', 'registrar'],
  'returns.counterForm': ['counter_secretary'],
  'returns.file': ['counter_secretary'],
  'returns.closeCounter': EVERYONE,
  'returns.review': ['clerk', 'registrar'],
  'returns.defaulterNotices': ['clerk', 'registrar'],
  'returns.export': READERS,
  'returns.nonFunctionalCandidates': READERS,
  'audits.register': READERS,
  'audits.counts': READERS,
  'audits.mine': ['auditor'],
  'audits.auditors': ['registrar', 'clerk'],
  'audits.assign': ['registrar'],
  'audits.assignMatching': ['registrar'],
  'audits.reassign': ['registrar'],
  'audits.get': READERS,
  'audits.ofSociety': READERS,
  'audits.saveReport': ['auditor'],
  'audits.addObservation': ['auditor'],
  'audits.reviseObservation': ['auditor'],
  'audits.submit': ['auditor'],
  'audits.review': ['registrar'],
  'audits.followUp': ['clerk', 'registrar', 'inspector'],
  'audits.overdueDefects': READERS,
  'audits.setFee': ['registrar'],
  'audits.receiveFee': ['clerk', 'registrar'],
  'audits.grades': READERS,
  'audits.rubrics': READERS,
  'audits.saveRubric': ['administrator'],
  'applications.issueDeficiency': ['clerk', 'registrar'],
  'applications.recordReply': ['clerk', 'registrar'],
  'applications.decide': ['registrar'],
  'applications.recordDeemed': ['registrar'],
  'applications.withdraw': ['clerk', 'registrar'],
  'documents.add': ['clerk', 'registrar', 'auditor'],
  'documents.list': READERS,
  'documents.open': READERS,
  'names.reserve': ['clerk', 'registrar'],
  'names.list': READERS,
  'certificates.keys': READERS,
  'certificates.list': READERS,
  'certificates.verify': READERS,
  'certificates.print': ['clerk', 'registrar'],
  'certificates.issueDuplicate': ['registrar'],
  'sync.status': EVERYONE,
  'sync.now': READERS,
  'sync.enrol': ['administrator'],
  'sync.issues': ['clerk', 'registrar', 'administrator', 'auditor', 'inspector'],
  'sync.resolve': ['registrar'],
  'sync.exportPending': ['clerk', 'registrar', 'administrator'],
};

describe('the permission matrix: every request × every role', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = createTestCore();
    for (const role of roles) {
      await core.signInAs(role, {
        sessionId: role,
        username: role === 'administrator' ? 'test.administrator' : `test.${role}`,
      });
    }
  });
  afterAll(() => core.dispose());

  it('has a row for every request in the contract, and none for a request that is gone', () => {
    expect(Object.keys(expected).sort()).toEqual([...requestNames].sort());
  });

  const cases = requestNames.flatMap((name) => roles.map((role) => [name, role] as const));
  it.each(cases)('%s as %s', async (name, role) => {
    const rule = expected[name];
    const allowed = rule === EVERYONE || rule.includes(role);
    // An empty input: dispatch checks access before the input, so a refusal says
    // `forbidden` and an admitted caller gets anything but `forbidden` (usually invalid_input).
    // Sign-out and locking are left out of the walk: they would end the session it needs.
    if (name === 'auth.logout' || name === 'auth.lock') {
      expect(allowed).toBe(true);
      return;
    }
    const result = await core.dispatch(name, {}, { sessionId: role });
    if (allowed) {
      if (!result.ok) expect(result.error.code).not.toBe('forbidden');
    } else {
      expect(result).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Your role does not allow this.' },
      });
    }
  });

  it('refuses every role-restricted request to someone not signed in', async () => {
    for (const name of requestNames) {
      const rule = expected[name];
      if (rule === EVERYONE) continue;
      const result = await core.dispatch(name, {}, { sessionId: 'nobody' });
      expect(result, name).toEqual({
        ok: false,
        error: { code: 'unauthenticated', message: 'Sign in first.' },
      });
    }
  });
});
