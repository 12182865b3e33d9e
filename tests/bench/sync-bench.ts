/**
 * Sync figures for `npm run bench` (sync.md §9 "Performance"), on loopback HTTP with the
 * embedded server (PGlite in a data folder) and real desktops on SQLite files:
 * - the server's mutations per second, while an office pushes a register of ~50,000 rows;
 * - a new laptop of the office pulling those ~50,000 rows from nothing, and the rate at
 *   which it writes them;
 * - a desktop back after a week offline: its own week of work up, the office's week down.
 */
import { join } from 'node:path';
import { societyCreateSchema } from '#shared/societies/society';
import { editableFields, validSociety } from '../fixtures/societies';
import { enrolledDesktop, startTestServer, type Desktop } from '../fixtures/sync-harness';
import { FIXED_NOW, TEST_PASSWORD } from '../fixtures/test-core';

export interface SyncFigures {
  serverMutationsPerS: number;
  pushedMutations: number;
  initialRows: number;
  initialS: number;
  applyRowsPerS: number;
  catchupS: number;
  catchupPushed: number;
  catchupPulled: number;
}

/** Societies the office enters: each is one mutation carrying four rows (society, two villages of its area, its first status). */
const SOCIETIES = 12_500;
/** A week of an office's work: new societies and corrections, five days of it. */
const WEEK_NEW = 60;
const WEEK_EDITS = 300;

export async function benchSync(dir: string): Promise<SyncFigures> {
  const server = await startTestServer({ dataDir: join(dir, 'server') });
  // The desktops' clocks run on: a week passes between the office's work and the laptop's return.
  let now = FIXED_NOW.getTime();
  const clock = { now: () => new Date(now) };
  try {
    const office = await enrolledDesktop(server, {
      prefix: 'office',
      officeCode: 'AIZ',
      core: { clock },
    });
    const base = societyCreateSchema.parse(validSociety(office.core.services.reference.get()));
    office.core.services.societies.entry.importMany(
      Array.from({ length: SOCIETIES }, (_, index) => ({
        ...base,
        name: `Ṭlangnuam Society ${index}`,
        regNo: `BENCH/${index}`,
      })),
      actorOf(office),
    );
    await office.sync();
    const pushed = office.core.services.sync.lastRunFigures();

    const laptop = await enrolledDesktop(server, {
      prefix: 'laptop',
      officeCode: 'AIZ',
      core: { clock },
    });
    const started = performance.now();
    await laptop.sync();
    const initialS = (performance.now() - started) / 1000;
    const initial = laptop.core.services.sync.lastRunFigures();

    // A week: the laptop works offline while the office goes on.
    const ids = laptop.core.services.sqlite
      .prepare('SELECT id FROM societies ORDER BY reg_no LIMIT 400')
      .pluck()
      .all() as string[];
    for (let day = 0; day < 5; day++) {
      now += 24 * 3_600_000;
      // A new day: both clerks sign in again (their screens locked overnight).
      for (const desktop of [office, laptop]) {
        await desktop.core.call('auth.unlock', { password: TEST_PASSWORD }, desktop.sessions.clerk);
      }
      for (let index = 0; index < WEEK_EDITS / 5; index++) {
        await editPhone(
          laptop,
          ids[(day * 60 + index) % ids.length]!,
          `94361${String(day * 1000 + index).padStart(5, '0')}`,
        );
      }
      office.core.services.societies.entry.importMany(
        Array.from({ length: WEEK_NEW / 5 }, (_, index) => ({
          ...base,
          name: `Ṭlangnuam Week Society ${day}-${index}`,
          regNo: `WEEK/${day}/${index}`,
        })),
        actorOf(office),
      );
      for (let index = 0; index < WEEK_EDITS / 5; index++) {
        await editPhone(
          office,
          ids[200 + ((day * 60 + index) % 200)]!,
          `98620${String(day * 1000 + index).padStart(5, '0')}`,
        );
      }
      await office.sync();
    }
    const back = performance.now();
    await laptop.sync();
    const catchupS = (performance.now() - back) / 1000;
    const catchup = laptop.core.services.sync.lastRunFigures();
    office.core.dispose();
    laptop.core.dispose();
    return {
      serverMutationsPerS: pushed.pushed / (pushed.pushMs / 1000),
      pushedMutations: pushed.pushed,
      initialRows: initial.pulledRows,
      initialS,
      applyRowsPerS: initial.pulledRows / (initial.applyMs / 1000),
      catchupS,
      catchupPushed: catchup.pushed,
      catchupPulled: catchup.pulledRows,
    };
  } finally {
    await server.close();
  }
}

function actorOf(desktop: Desktop) {
  const clerk = desktop.users.clerk;
  return { userId: clerk.id, role: clerk.role, officeId: clerk.officeId };
}

async function editPhone(desktop: Desktop, id: string, phone: string): Promise<void> {
  const current = await desktop.core.call('societies.get', { id }, desktop.sessions.clerk);
  await desktop.core.call(
    'societies.update',
    { id, baseVersion: current.version, fields: { ...editableFields(current), phone } },
    desktop.sessions.clerk,
  );
}
