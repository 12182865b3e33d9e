import { describe, expect, it } from 'vitest';
import type { applicationStates } from '#shared/registration/registration';
import { administrator, clerk, ids, registrar, viewer } from '../../test/fixtures';
import { availableActions } from './actions';

const clock = (daysLeft: number) => ({
  dueOn: '2026-10-30',
  daysElapsed: 90 - daysLeft,
  daysPaused: 0,
  daysLeft,
  paused: false,
});

const checkedItem = (code: string, result: 'in_order' | 'wanting' | null) => ({
  code,
  label: `${code}: what is checked`,
  result,
  note: result === 'wanting' ? 'Missing' : null,
  checkedByName: null,
  checkedOn: null,
});

/** An application in `state`; under scrutiny or later its checklist is all in order. */
const application = (
  state: (typeof applicationStates)[number],
  receivedBy = ids.clerk,
  daysLeft = 30,
  checklist = ['promoters', 'viability'].map((code) =>
    checkedItem(code, state === 'received' ? null : 'in_order'),
  ),
) => ({
  state,
  receivedBy,
  officeId: ids.officeAizawl,
  clock: ['approved', 'refused', 'deemed', 'withdrawn'].includes(state) ? null : clock(daysLeft),
  checklist,
});

describe('the scrutiny gate on the decision buttons', () => {
  it('offers no decision on an application only received, and says why once scrutiny started', () => {
    expect(availableActions(application('received'), registrar, false).actions).toEqual([
      'startScrutiny',
      'issueDeficiency',
      'withdraw',
    ]);
    const unchecked = application('under_scrutiny', ids.clerk, 30, [
      checkedItem('promoters', 'in_order'),
      checkedItem('viability', null),
    ]);
    const shown = availableActions(unchecked, registrar, false);
    expect(shown.actions).toEqual(['issueDeficiency', 'withdraw']);
    expect(shown.approvalWaits).toMatchObject({
      reason: 'unchecked',
      items: [{ code: 'viability' }],
    });
  });

  it('lets the registrar refuse, not approve, when an item is wanting', () => {
    const wanting = application('under_scrutiny', ids.clerk, 30, [
      checkedItem('promoters', 'wanting'),
      checkedItem('viability', null),
    ]);
    const shown = availableActions(wanting, registrar, false);
    expect(shown.actions).toEqual(['issueDeficiency', 'refuse', 'withdraw']);
    expect(shown.approvalWaits?.reason).toBe('wanting');
  });
});

describe('the steps shown per state and role', () => {
  it('gives the clerk the steps of the state, never a decision', () => {
    expect(availableActions(application('received'), clerk, false)).toEqual({
      actions: ['startScrutiny', 'issueDeficiency', 'withdraw'],
      decideBlock: null,
      approvalWaits: null,
    });
    expect(availableActions(application('under_scrutiny'), clerk, false).actions).toEqual([
      'issueDeficiency',
      'withdraw',
    ]);
    expect(availableActions(application('deficient'), clerk, false).actions).toEqual([
      'recordReply',
      'withdraw',
    ]);
  });

  it('lets a registrar of the office decide what someone else received', () => {
    expect(availableActions(application('under_scrutiny'), registrar, false)).toEqual({
      actions: ['issueDeficiency', 'approve', 'refuse', 'withdraw'],
      decideBlock: null,
      approvalWaits: null,
    });
    // A deficient application can be refused but not approved until the reply.
    expect(availableActions(application('deficient'), registrar, false).actions).toEqual([
      'recordReply',
      'refuse',
      'withdraw',
    ]);
  });

  it('never lets the registrar decide what they received, or another office’s', () => {
    expect(
      availableActions(application('under_scrutiny', ids.registrar), registrar, false),
    ).toEqual({
      actions: ['issueDeficiency', 'withdraw'],
      decideBlock: 'ownApplication',
      approvalWaits: null,
    });
    const elsewhere = { ...application('under_scrutiny'), officeId: ids.officeChamphai };
    expect(availableActions(elsewhere, registrar, false).decideBlock).toBe('otherOffice');
    expect(availableActions(elsewhere, registrar, true).actions).toContain('approve');
  });

  it('offers deemed registration to a registrar of the office only once the clock has run out', () => {
    expect(availableActions(application('under_scrutiny'), registrar, false).actions).not.toContain(
      'recordDeemed',
    );
    expect(
      availableActions(application('under_scrutiny', ids.clerk, 0), registrar, false).actions,
    ).toContain('recordDeemed');
    expect(
      availableActions(application('received', ids.clerk, -3), registrar, false).actions,
    ).toContain('recordDeemed');
    // Not while the applicants owe a reply (the clock is stopped), not to a clerk, not elsewhere.
    expect(
      availableActions(application('deficient', ids.clerk, 0), registrar, false).actions,
    ).not.toContain('recordDeemed');
    expect(
      availableActions(application('received', ids.clerk, 0), clerk, false).actions,
    ).not.toContain('recordDeemed');
    const elsewhere = { ...application('received', ids.clerk, 0), officeId: ids.officeChamphai };
    expect(availableActions(elsewhere, registrar, false).actions).not.toContain('recordDeemed');
  });

  it('shows nothing on a decided application, and nothing to readers', () => {
    for (const state of ['approved', 'refused', 'deemed', 'withdrawn'] as const) {
      expect(availableActions(application(state), registrar, false)).toEqual({
        actions: [],
        decideBlock: null,
        approvalWaits: null,
      });
    }
    expect(availableActions(application('received'), viewer, false).actions).toEqual([]);
    expect(availableActions(application('received'), administrator, false).actions).toEqual([]);
  });
});
