import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../../../tests/fixtures/test-core';
import { BLOCK_SIZE, numberPattern } from './number-allocator';
import { startRegistrationCore } from '../../../tests/fixtures/applications';

let core: TestCore;

beforeEach(async () => {
  ({ core } = await startRegistrationCore());
});
afterEach(() => core.dispose());

describe('numbers', () => {
  it('follow the pattern of the rule parameters', () => {
    const pattern = numberPattern('RCS/{office}/{fy}/{serial:4}', { office: 'LUN', fy: '2026-27' });
    expect(pattern.series).toBe('RCS/LUN/2026-27/{serial}');
    expect(pattern.format(7)).toBe('RCS/LUN/2026-27/0007');
    // With the serial first, offices and years still get series of their own.
    const first = numberPattern('{serial:3}/{office}/{fy}', { office: 'AIZ', fy: '2026-27' });
    const other = numberPattern('{serial:3}/{office}/{fy}', { office: 'LUN', fy: '2027-28' });
    expect(first.series).not.toBe(other.series);
    expect(first.format(12)).toBe('012/AIZ/2026-27');
  });

  it('are given in order across blocks, and a voided number is never given again', async () => {
    const allocator = core.services.numbers;
    const actor = { userId: 'test', role: 'system', officeId: null };
    const given: string[] = [];
    const testSeries = numberPattern('T/{fy}/{serial}', { office: 'AIZ', fy: '2026-27' });
    core.services.writer.run(actor, (tx) => {
      for (let i = 0; i < BLOCK_SIZE + 2; i += 1) {
        given.push(allocator.allocate(tx, testSeries, 'test', `owner-${i}`).number);
      }
      allocator.void(
        tx,
        `T/2026-27/${BLOCK_SIZE + 2}`,
        'Application withdrawn before registration',
      );
      given.push(allocator.allocate(tx, testSeries, 'test', 'after-void').number);
    });
    expect(given.slice(0, 3)).toEqual(['T/2026-27/1', 'T/2026-27/2', 'T/2026-27/3']);
    expect(new Set(given).size).toBe(given.length);
    expect(given.at(-1)).toBe(`T/2026-27/${BLOCK_SIZE + 3}`);
    const voided = core.services.sqlite
      .prepare('SELECT void_reason AS reason FROM number_allocations WHERE number = ?')
      .get(`T/2026-27/${BLOCK_SIZE + 2}`);
    expect(voided).toEqual({ reason: 'Application withdrawn before registration' });
  });
});

describe('numbers once the computer is enrolled', () => {
  it('come only from leased blocks; with none left they are provisional, and a certificate serial is refused', async () => {
    const allocator = core.services.numbers;
    const writer = core.services.writer;
    const actor = { userId: 'test', role: 'system', officeId: null };
    const numbering = numberPattern('L/{fy}/{serial:3}', { office: 'AIZ', fy: '2026-27' });
    // A block this computer granted itself before enrolment is closed by the enrolment.
    writer.run(actor, (tx) => allocator.allocate(tx, numbering, 'test', 'before'));
    allocator.startLeasing();

    const provisional = writer.run(actor, (tx) =>
      allocator.allocate(tx, numbering, 'test', 'offline'),
    );
    expect(provisional).toMatchObject({ provisional: true, serial: 1 });
    expect(provisional.number).toMatch(/^L\/2026-27\/P-[0-9A-F]{6}-1$/);
    expect(allocator.isProvisional(provisional.number)).toBe(true);
    expect(() =>
      writer.run(actor, (tx) =>
        allocator.allocate(tx, numbering, 'certificate', 'c', { final: true }),
      ),
    ).toThrow(/Sync with the state server \(Sync screen, Alt\+Y\) to get the next block/);
    // The series waits for a block, and says it holds none.
    expect(allocator.wantedSeries(new Date('2026-11-23T10:00:00Z'), [])).toContainEqual({
      series: numbering.series,
      holding: [],
    });

    const lease = { id: 'lease-1', series: numbering.series, first: 101, last: 150 };
    allocator.storeLeases([lease], '2026-11-23T10:00:00Z');
    allocator.storeLeases([lease], '2026-11-23T10:00:01Z'); // the same answer twice
    const blocks = core.services.sqlite
      .prepare('SELECT count(*) AS n FROM number_blocks WHERE lease_id = ?')
      .get('lease-1');
    expect(blocks).toEqual({ n: 1 });
    const leased = writer.run(actor, (tx) => allocator.allocate(tx, numbering, 'test', 'online'));
    expect(leased).toEqual({ serial: 101, number: 'L/2026-27/101', provisional: false });
    expect(allocator.wantedSeries(new Date('2026-11-23T10:00:00Z'), [])).not.toContainEqual(
      expect.objectContaining({ series: numbering.series }),
    );
  });
});
