import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFileLogger,
  expiredLogFiles,
  formatLogLine,
  LOG_RETENTION_DAYS,
  logFileName,
} from './file-logger';

describe('expiredLogFiles', () => {
  it('keeps today and the 180 days before it, and deletes only older logs of ours', () => {
    // 2026-05-10 minus 180 days is 2025-11-11.
    const names = [
      'registry-2026-05-10.log',
      'registry-2025-11-11.log',
      'registry-2025-11-10.log',
      'registry-2024-01-01.log',
      'registry-2024-01-01.log.bak',
      'registry-latest.log',
      'notes.txt',
      'crash-2020-01-01.dmp',
    ];
    expect(expiredLogFiles(names, '2026-05-10', LOG_RETENTION_DAYS)).toEqual([
      'registry-2025-11-10.log',
      'registry-2024-01-01.log',
    ]);
  });

  it('keeps at least 180 days', () => {
    expect(LOG_RETENTION_DAYS).toBeGreaterThanOrEqual(180);
  });
});

describe('formatLogLine', () => {
  const time = new Date('2026-01-02T03:04:05.678Z');

  it('writes one JSON object: time, level, event, then the fields', () => {
    const line = formatLogLine(time, 'info', 'societies.created', { id: 'abc', ms: 3 });
    expect(line).toBe(
      '{"t":"2026-01-02T03:04:05.678Z","level":"info","event":"societies.created","id":"abc","ms":3}',
    );
  });

  it('keeps an error message and stack, and survives bigint and circular fields', () => {
    const parsed = JSON.parse(
      formatLogLine(time, 'error', 'x.failed', { error: new Error('disk full'), n: 10n }),
    ) as {
      error: { message: string; stack: string };
      n: string;
    };
    expect(parsed.error.message).toBe('disk full');
    expect(parsed.error.stack).toContain('disk full');
    expect(parsed.n).toBe('10');
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(JSON.parse(formatLogLine(time, 'warn', 'x.odd', { circular }))).toMatchObject({
      event: 'x.odd',
      unserializable: true,
    });
  });

  it('never breaks a line', () => {
    expect(formatLogLine(time, 'info', 'x.y', { text: 'a\nb' })).not.toContain('\n');
  });
});

describe('createFileLogger', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-logs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const clockAt = (iso: string) => {
    const clock = { now: () => new Date(iso) };
    return { clock, set: (next: string) => (clock.now = () => new Date(next)) };
  };

  it("appends JSON lines to the India date's file", () => {
    // 20:00 UTC is already the next day in India (UTC+05:30).
    const { clock } = clockAt('2026-03-31T20:00:00.000Z');
    const logger = createFileLogger({ dir, clock });
    logger.info('app.started', { version: '0.1.0' });
    logger.warn('ipc.untrusted_sender', { origin: 'https://example.com' });
    logger.close();
    const lines = readFileSync(join(dir, logFileName('2026-04-01')), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { t: '2026-03-31T20:00:00.000Z', level: 'info', event: 'app.started', version: '0.1.0' },
      {
        t: '2026-03-31T20:00:00.000Z',
        level: 'warn',
        event: 'ipc.untrusted_sender',
        origin: 'https://example.com',
      },
    ]);
  });

  it('starts a new file at midnight in India', () => {
    const { clock, set } = clockAt('2026-04-01T18:29:59.000Z');
    const logger = createFileLogger({ dir, clock });
    logger.info('a.before');
    set('2026-04-01T18:30:00.000Z');
    logger.info('a.after');
    logger.close();
    expect(readdirSync(dir).sort()).toEqual(['registry-2026-04-01.log', 'registry-2026-04-02.log']);
  });

  it('deletes expired logs at start and nothing else', () => {
    for (const name of ['registry-2025-01-01.log', 'registry-2026-04-01.log', 'keep-me.txt']) {
      writeFileSync(join(dir, name), 'x\n');
    }
    createFileLogger({ dir, clock: clockAt('2026-05-10T06:00:00.000Z').clock }).close();
    expect(readdirSync(dir).sort()).toEqual(['keep-me.txt', 'registry-2026-04-01.log']);
  });

  it('creates the folder and mirrors lines when asked', () => {
    const nested = join(dir, 'userData', 'logs');
    const mirror = vi.fn();
    const logger = createFileLogger({
      dir: nested,
      clock: clockAt('2026-05-10T06:00:00.000Z').clock,
      mirror,
    });
    logger.error('x.failed');
    logger.close();
    expect(existsSync(join(nested, 'registry-2026-05-10.log'))).toBe(true);
    expect(mirror).toHaveBeenCalledWith(expect.stringContaining('"event":"x.failed"'));
  });

  it('never throws when the folder cannot be used', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const logger = createFileLogger({ dir: blocked });
    expect(() => logger.info('x.y')).not.toThrow();
    expect(() => logger.close()).not.toThrow();
  });
});
