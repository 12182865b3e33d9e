import { describe, expect, it } from 'vitest';
import { namePattern } from './channels';
import { contract, domainRequests, eventNames, requestNames } from './contract';

describe('the contract, composed of the domains', () => {
  it('gives each request to exactly one domain: none is hidden by another of the same name', () => {
    const perDomain = Object.values(domainRequests).flatMap((requests) => Object.keys(requests));
    expect(new Set(perDomain).size).toBe(perDomain.length);
    expect([...perDomain].sort()).toEqual([...requestNames].sort());
  });

  it('names every request and event so the preload forwards it', () => {
    for (const name of [...requestNames, ...eventNames]) expect(name).toMatch(namePattern);
  });

  it('has an input and an output schema for every request', () => {
    for (const name of requestNames) {
      const spec = contract.requests[name];
      expect(spec.input.safeParse, name).toBeTypeOf('function');
      expect(spec.output.safeParse, name).toBeTypeOf('function');
    }
  });
});
