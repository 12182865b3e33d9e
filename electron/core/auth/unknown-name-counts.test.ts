import { describe, expect, it } from 'vitest';
import { UnknownNameCounts } from './unknown-name-counts';

const DAY_MS = 24 * 60 * 60_000;

describe('the counts of unknown sign-in names', () => {
  it('stays bounded however many names are tried, forgetting the one tried longest ago', () => {
    const counts = new UnknownNameCounts(3);
    counts.set('a', { failures: 1, lockedUntilMs: 0 }, 0);
    counts.set('b', { failures: 1, lockedUntilMs: 0 }, 1);
    counts.set('c', { failures: 1, lockedUntilMs: 0 }, 2);
    // Tried again, 'a' is now the latest.
    counts.set('a', { failures: 2, lockedUntilMs: 0 }, 3);
    counts.set('d', { failures: 1, lockedUntilMs: 0 }, 4);
    expect(counts.size).toBe(3);
    expect(counts.get('b', 5)).toBeUndefined();
    expect(counts.get('a', 5)).toEqual({ failures: 2, lockedUntilMs: 0 });
    for (let i = 0; i < 1000; i += 1) counts.set(`name${i}`, { failures: 1, lockedUntilMs: 0 }, 6);
    expect(counts.size).toBe(3);
  });

  it('holds any number of names to the default bound', () => {
    const counts = new UnknownNameCounts();
    for (let i = 0; i < 30_000; i += 1) counts.set(`n${i}`, { failures: 1, lockedUntilMs: 0 }, i);
    expect(counts.size).toBe(10_000);
  });

  it('forgets a name a day after its last try', () => {
    const counts = new UnknownNameCounts();
    counts.set('nobody', { failures: 6, lockedUntilMs: 60_000 }, 0);
    expect(counts.get('nobody', DAY_MS)).toEqual({ failures: 6, lockedUntilMs: 60_000 });
    expect(counts.get('nobody', DAY_MS + 1)).toBeUndefined();
    // And drops it from memory at the next try of any name.
    counts.set('other', { failures: 1, lockedUntilMs: 0 }, DAY_MS + 1);
    expect(counts.size).toBe(1);
  });
});
