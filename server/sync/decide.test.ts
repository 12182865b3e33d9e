import { describe, expect, it } from 'vitest';
import { ENTITY_TABLES } from '#shared/sync/entities';
import { DECIDERS } from './decide';
import { auditDeciders } from './deciders/audits';
import { certificateDeciders } from './deciders/certificates';
import { documentDeciders } from './deciders/documents';
import { referenceDeciders } from './deciders/reference';
import { registrationDeciders } from './deciders/registration';
import { returnDeciders } from './deciders/returns';
import { societyDeciders } from './deciders/societies';
import { statusOrderDeciders } from './deciders/status-orders';
import { userDeciders } from './deciders/users';

const domains = {
  societies: societyDeciders,
  statusOrders: statusOrderDeciders,
  users: userDeciders,
  registration: registrationDeciders,
  certificates: certificateDeciders,
  returns: returnDeciders,
  documents: documentDeciders,
  audits: auditDeciders,
  reference: referenceDeciders,
};

describe('the deciders of the state server', () => {
  it('give every kind of record exactly one decider, in one domain', () => {
    // The table is spread from the domains' modules: a kind named in two would silently
    // take the later one's rules.
    const named = Object.values(domains).flatMap((deciders) => Object.keys(deciders));
    expect(named.filter((kind, index) => named.indexOf(kind) !== index)).toEqual([]);
    expect(named.sort()).toEqual(Object.keys(ENTITY_TABLES).sort());
    expect(Object.keys(DECIDERS).sort()).toEqual(Object.keys(ENTITY_TABLES).sort());
  });
});
