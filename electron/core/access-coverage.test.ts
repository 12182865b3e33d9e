import { describe, expect, it } from 'vitest';
import { domainRequests } from '#shared/ipc/contract';
import { domainsWithAccessTests } from '../../tests/fixtures/access-matrix';

describe('the permission matrix', () => {
  it('has an access table for every domain of the contract, and none for a domain that is gone', () => {
    expect([...domainsWithAccessTests()].sort()).toEqual(Object.keys(domainRequests).sort());
  });
});
