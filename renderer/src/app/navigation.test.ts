import { describe, expect, it } from 'vitest';
import { roles } from '#shared/auth/roles';
import { canUse } from '../lib/session';
import { navEntriesFor } from './navigation';

const labels = (role: Parameters<typeof navEntriesFor>[0]) =>
  navEntriesFor(role).map((entry) => entry.label);

describe('navigation by role', () => {
  it('shows each role only the screens its requests allow', () => {
    const registration = [
      'nav.applications',
      'nav.certificates',
      'nav.verify',
      'nav.returns',
      'nav.audits',
      // Every computer that holds the register syncs it; auditors' laptops most of all.
      'nav.sync',
    ];
    expect(labels('clerk')).toEqual(['nav.register', 'nav.reference', ...registration]);
    expect(labels('registrar')).toEqual([
      'nav.register',
      'nav.reference',
      'nav.approvals',
      ...registration,
    ]);
    expect(labels('administrator')).toEqual([
      'nav.register',
      'nav.reference',
      'nav.users',
      'nav.changes',
      ...registration,
    ]);
    expect(labels('viewer')).toEqual(['nav.register', 'nav.reference', ...registration]);
    expect(labels('auditor')).toEqual([
      'nav.register',
      'nav.reference',
      'nav.applications',
      'nav.certificates',
      'nav.verify',
      'nav.returns',
      'nav.audits',
      'nav.sync',
    ]);
    expect(labels('counter_secretary')).toEqual([]);
  });

  it('reads the rule from the contract, the same table the backend enforces', () => {
    expect(canUse('clerk', 'societies.create')).toBe(true);
    expect(canUse('viewer', 'societies.create')).toBe(false);
    expect(canUse('clerk', 'statusOrders.decide')).toBe(false);
    expect(canUse('registrar', 'statusOrders.decide')).toBe(true);
    for (const role of roles) {
      expect(canUse(role, 'auth.logout')).toBe(true);
      expect(canUse(role, 'changes.verify')).toBe(role === 'administrator');
    }
  });
});
