import { closeSync, mkdirSync, openSync, readdirSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, indiaDate } from '#shared/domain/dates';
import { systemClock, type Clock, type Logger } from '../ports';

// The app's log (desktop and browser mode): one JSON object per line, one file per day (India date), kept for
// at least 180 days as CERT-In's direction asks (quality.md "Logs help without leaking").
// Writes are synchronous so the last lines before a crash are on disk; a log that cannot be
// written never takes the app down.

/** Days of logs kept besides today's: CERT-In asks for 180. */
export const LOG_RETENTION_DAYS = 180;

const LOG_FILE = /^registry-(\d{4}-\d{2}-\d{2})\.log$/u;

/** The file one day's log goes to. */
export function logFileName(isoDate: string): string {
  return `registry-${isoDate}.log`;
}

/**
 * Which of `fileNames` are logs older than `retentionDays` before `today` (both
 * `YYYY-MM-DD`). Only names this logger writes are ever picked, so nothing else in the
 * folder is touched. `today` and the `retentionDays` days before it are kept.
 */
export function expiredLogFiles(
  fileNames: readonly string[],
  today: string,
  retentionDays: number,
): string[] {
  const cutoff = addDays(today, -retentionDays);
  return fileNames.filter((name) => {
    const date = LOG_FILE.exec(name)?.[1];
    return date !== undefined && date < cutoff;
  });
}

/** One log line: time, level, event, then the fields; errors keep their message and stack. */
export function formatLogLine(
  time: Date,
  level: 'info' | 'warn' | 'error',
  event: string,
  fields?: Record<string, unknown>,
): string {
  const record = { t: time.toISOString(), level, event, ...fields };
  try {
    return JSON.stringify(record, jsonSafe);
  } catch {
    // A circular structure: keep the event rather than lose the line.
    return JSON.stringify({ t: record.t, level, event, unserializable: true });
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export interface FileLoggerOptions {
  /** The logs folder (userData/logs); created if missing. */
  dir: string;
  retentionDays?: number;
  clock?: Clock;
  /** Also receives every line, e.g. stderr during development. */
  mirror?: (line: string) => void;
}

export interface FileLogger extends Logger {
  readonly dir: string;
  /** Closes today's file; later lines reopen it. */
  close(): void;
}

/**
 * A Logger writing JSON lines to `registry-YYYY-MM-DD.log` in `dir`, switching file when the
 * India date changes. At creation it deletes logs older than the retention period (and
 * nothing else). Never throws: a failing disk loses log lines, not the app.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const clock = options.clock ?? systemClock;
  const retentionDays = options.retentionDays ?? LOG_RETENTION_DAYS;
  let fd: number | null = null;
  let fdDate = '';

  try {
    mkdirSync(options.dir, { recursive: true });
    for (const name of expiredLogFiles(
      readdirSync(options.dir),
      indiaDate(clock.now()),
      retentionDays,
    )) {
      unlinkSync(join(options.dir, name));
    }
  } catch {
    // The folder is unusable: lines will fail to write too, and the app carries on.
  }

  const closeFile = (): void => {
    if (fd === null) return;
    try {
      closeSync(fd);
    } catch {
      // already closed or the disk went away: nothing more to do
    }
    fd = null;
  };

  const write = (
    level: 'info' | 'warn' | 'error',
    event: string,
    fields?: Record<string, unknown>,
  ) => {
    const now = clock.now();
    const line = `${formatLogLine(now, level, event, fields)}\n`;
    options.mirror?.(line);
    try {
      const date = indiaDate(now);
      if (fd === null || date !== fdDate) {
        closeFile();
        fd = openSync(join(options.dir, logFileName(date)), 'a');
        fdDate = date;
      }
      writeSync(fd, line);
    } catch {
      closeFile();
    }
  };

  return {
    dir: options.dir,
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    close: closeFile,
  };
}
