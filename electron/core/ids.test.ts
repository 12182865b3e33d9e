import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('row ids', () => {
  it('are UUIDv7 with the current time, and never repeat across pool refills', () => {
    const before = Date.now();
    const ids = Array.from({ length: 2_000 }, newId); // 2,000 × 16 bytes: several pool refills
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const msecs = parseInt((ids[0] as string).replace('-', '').slice(0, 12), 16);
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(Date.now());
  });
});
