import { describe, expect, it } from 'vitest';
import {
  applicationStates,
  applicationTransitions,
  canTake,
  finalApplicationStates,
  reservationStatus,
  statutoryClock,
  stepRefusal,
  type ApplicationStep,
} from './registration';

describe('the application state machine', () => {
  it('lets each step start only from its states, and nothing leave a final state', () => {
    const steps = Object.keys(applicationTransitions) as ApplicationStep[];
    for (const state of finalApplicationStates) {
      expect(steps.filter((step) => canTake(step, state))).toEqual([]);
    }
    expect(steps.filter((step) => canTake(step, 'deficient')).sort()).toEqual(
      ['recordReply', 'refuse', 'withdraw'].sort(),
    );
    expect(steps.filter((step) => canTake(step, 'received')).sort()).toEqual(
      ['issueDeficiency', 'recordDeemed', 'startScrutiny', 'withdraw'].sort(),
    );
    // A decision follows the scrutiny: never straight from the counter.
    expect(steps.filter((step) => canTake(step, 'under_scrutiny')).sort()).toEqual(
      ['approve', 'issueDeficiency', 'recordDeemed', 'refuse', 'withdraw'].sort(),
    );
  });

  it('reaches every state from "received"', () => {
    const reached = new Set<string>(['received']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const { from, to } of Object.values(applicationTransitions)) {
        if (from.some((state) => reached.has(state)) && !reached.has(to)) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...applicationStates].sort());
  });

  it('says why a step cannot be taken', () => {
    expect(stepRefusal('approve', 'deficient')).toBe(
      'The application is waiting for the applicants’ reply to a deficiency letter, so you cannot approve it.',
    );
    expect(stepRefusal('approve', 'under_scrutiny')).toBeNull();
  });
});

describe('the statutory clock', () => {
  it('counts days from receipt against the deemed period', () => {
    expect(statutoryClock('2026-09-01', [], '2026-09-01', 90)).toMatchObject({
      daysElapsed: 0,
      daysLeft: 90,
      dueOn: '2026-11-30',
      paused: false,
    });
    expect(statutoryClock('2026-09-01', [], '2026-12-05', 90)).toMatchObject({
      daysElapsed: 95,
      daysLeft: -5,
    });
  });

  it('stops while a deficiency letter waits for its reply, and moves the due date', () => {
    const waiting = statutoryClock(
      '2026-09-01',
      [{ from: '2026-09-11', to: null }],
      '2026-10-01',
      90,
    );
    expect(waiting).toMatchObject({ daysElapsed: 10, daysPaused: 20, daysLeft: 80, paused: true });
    const replied = statutoryClock(
      '2026-09-01',
      [{ from: '2026-09-11', to: '2026-10-11' }],
      '2026-10-21',
      90,
    );
    expect(replied).toMatchObject({
      daysElapsed: 20,
      daysPaused: 30,
      daysLeft: 70,
      paused: false,
      dueOn: '2026-12-30',
    });
  });
});

describe('a name reservation', () => {
  it('is held until the end of its expiry date, then lapses; once used it stays used', () => {
    const held = { applicationId: null, expiresOn: '2027-02-21' };
    expect(reservationStatus(held, '2027-02-21')).toBe('held');
    expect(reservationStatus(held, '2027-02-22')).toBe('expired');
    expect(reservationStatus({ ...held, applicationId: 'a' }, '2027-03-01')).toBe('used');
  });
});
