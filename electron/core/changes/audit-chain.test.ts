import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validSociety } from '../../../tests/fixtures/societies';
import { createTestCore, repoRoot, type TestCore } from '../../../tests/fixtures/test-core';
import { DATABASE_FILE } from '../index';
import { hashEntry, verifyAuditChain, type ChainEntry } from './audit-chain';

/**
 * A registry with a short record of changes (users made, societies added and corrected),
 * closed so its file can be copied and tampered with the way someone with the file could:
 * triggers dropped, rows edited by hand.
 */
let core: TestCore;
let original: string;
let scratch: string;
let entryCount: number;

beforeAll(async () => {
  core = createTestCore();
  await core.signInAs('clerk');
  const reference = await core.call('reference.get', {});
  for (let i = 1; i <= 3; i += 1) {
    const saved = await core.call('societies.create', {
      society: validSociety(reference, { regNo: `${i}/49`, name: `Ṭhutmun Society ${i}` }),
    });
    const { id: _id, version, areaOfOperation, ...rest } = saved;
    void rest;
    await core.call('societies.update', {
      id: saved.id,
      baseVersion: version,
      fields: {
        ...validSociety(reference, { regNo: `${i}/49`, name: `Ṭhutmun Society ${i}` }),
        phone: `98620000${i}0`,
        areaVillageIds: areaOfOperation.map((village) => village.id),
      },
    });
  }
  entryCount = (
    core.services.sqlite.prepare('SELECT count(*) AS n FROM audit_trail').get() as { n: number }
  ).n;
  core.close();
  original = join(core.dataDir, DATABASE_FILE);
  scratch = mkdtempSync(join(tmpdir(), 'registry-tamper-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(core.dataDir, { recursive: true, force: true });
});

let copies = 0;
/** A copy of the registry with the append-only triggers removed, as a tamperer would. */
function tamperedCopy(tamper: (db: Database.Database) => void): Database.Database {
  const file = join(scratch, `copy-${(copies += 1)}.db`);
  copyFileSync(original, file);
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_trail_no_update; DROP TRIGGER audit_trail_no_delete;');
  tamper(db);
  return db;
}

const entry = (db: Database.Database, seq: number) =>
  db
    .prepare(
      `SELECT seq, id, at, user_id AS userId, role, office_id AS officeId, device_id AS deviceId, action, entity,
              entity_id AS entityId, subject_id AS subjectId, changes, prev_hash AS prevHash, hash
       FROM audit_trail WHERE seq = ?`,
    )
    .get(seq) as ChainEntry & { seq: number; hash: string };

/** Moves entries from `from` up by one seq, leaving a gap at `from` (highest first: seq is the key). */
function openGap(db: Database.Database, from: number) {
  const last = (db.prepare('SELECT max(seq) AS n FROM audit_trail').get() as { n: number }).n;
  for (let seq = last; seq >= from; seq -= 1) {
    db.prepare('UPDATE audit_trail SET seq = seq + 1 WHERE seq = ?').run(seq);
  }
}

describe('the record of changes', () => {
  it('holds one linked entry per change, and the database refuses to edit or remove one', () => {
    expect(entryCount).toBeGreaterThanOrEqual(10);
    const db = new Database(original);
    try {
      expect(verifyAuditChain(db)).toMatchObject({
        intact: true,
        checked: entryCount,
        intactUpTo: entryCount,
        firstBad: null,
      });
      expect(() => db.prepare("UPDATE audit_trail SET changes = '{}' WHERE seq = 3").run()).toThrow(
        /append-only: entries cannot be changed/,
      );
      expect(() => db.prepare('DELETE FROM audit_trail WHERE seq = 3').run()).toThrow(
        /append-only: entries cannot be removed/,
      );
    } finally {
      db.close();
    }
  });

  it('names an altered entry', () => {
    const db = tamperedCopy((d) =>
      d
        .prepare(`UPDATE audit_trail SET changes = replace(changes, '9862', '9999') WHERE seq = 7`)
        .run(),
    );
    expect(entry(db, 7).changes).toContain('9999');
    expect(verifyAuditChain(db)).toMatchObject({
      intact: false,
      intactUpTo: 6,
      firstBad: {
        seq: 7,
        problem: 'altered',
        message: 'Entry 7 was altered after it was written.',
      },
    });
  });

  it('names a removed entry', () => {
    const db = tamperedCopy((d) => d.prepare('DELETE FROM audit_trail WHERE seq = 5').run());
    expect(verifyAuditChain(db)).toMatchObject({
      intactUpTo: 4,
      firstBad: { seq: 5, problem: 'removed', message: 'Entry 5 was removed.' },
    });
  });

  it('names where the chain breaks when entries were removed and the numbers closed up', () => {
    const db = tamperedCopy((d) => {
      d.prepare('DELETE FROM audit_trail WHERE seq = 5').run();
      const last = (d.prepare('SELECT max(seq) AS n FROM audit_trail').get() as { n: number }).n;
      for (let seq = 6; seq <= last; seq += 1)
        d.prepare('UPDATE audit_trail SET seq = ? WHERE seq = ?').run(seq - 1, seq);
    });
    expect(verifyAuditChain(db)).toMatchObject({
      intactUpTo: 3,
      firstBad: {
        seq: 4,
        problem: 'altered',
        message:
          'Entry 4 was altered, or entries after it were removed: entry 5 was written after an entry that is no longer in the record.',
      },
    });
  });

  it('names an entry altered and sealed again with a new hash (the hash needs no key)', () => {
    const db = tamperedCopy((d) => {
      const victim = entry(d, 6);
      const forged: ChainEntry = {
        ...victim,
        changes: JSON.stringify({ phone: [null, '9999999999'] }),
      };
      d.prepare('UPDATE audit_trail SET changes = ?, hash = ? WHERE seq = 6').run(
        forged.changes,
        hashEntry(forged),
      );
    });
    expect(verifyAuditChain(db)).toMatchObject({
      intactUpTo: 5,
      firstBad: { seq: 6, problem: 'altered' },
    });
  });

  it('names an inserted entry, whether it links to the one before it or not', () => {
    for (const linked of [true, false]) {
      const db = tamperedCopy((d) => {
        const before = entry(d, 4);
        openGap(d, 5);
        const forged: ChainEntry = {
          ...before,
          id: '01890000-0000-7000-8000-00000000f0f0',
          changes: JSON.stringify({ phone: [null, '9000000000'] }),
          prevHash: linked ? before.hash : 'f'.repeat(64),
        };
        d.prepare(
          `INSERT INTO audit_trail (seq, id, at, user_id, role, office_id, device_id, action, entity, entity_id, subject_id, changes, prev_hash, hash)
           VALUES (5, @id, @at, @userId, @role, @officeId, @deviceId, @action, @entity, @entityId, @subjectId, @changes, @prevHash, @hash)`,
        ).run({ ...forged, hash: hashEntry(forged) });
      });
      expect(verifyAuditChain(db), linked ? 'linked' : 'not linked').toMatchObject({
        intactUpTo: 4,
        firstBad: {
          seq: 5,
          problem: 'inserted',
          message: 'Entry 5 was inserted: the entries around it were written without it.',
        },
      });
    }
  });

  it('names entries put in another order', () => {
    const db = tamperedCopy((d) => {
      d.prepare('UPDATE audit_trail SET seq = -1 WHERE seq = 5').run();
      d.prepare('UPDATE audit_trail SET seq = 5 WHERE seq = 6').run();
      d.prepare('UPDATE audit_trail SET seq = 6 WHERE seq = -1').run();
    });
    expect(verifyAuditChain(db)).toMatchObject({
      intactUpTo: 4,
      firstBad: {
        seq: 5,
        problem: 'reordered',
        message: 'Entry 5 is out of order: it was written after entry 6.',
      },
    });
  });

  it('notices entries cut from the end, against the head the application kept', () => {
    const db = tamperedCopy((d) =>
      d.prepare('DELETE FROM audit_trail WHERE seq > ?').run(entryCount - 2),
    );
    expect(verifyAuditChain(db)).toMatchObject({
      intactUpTo: entryCount - 2,
      firstBad: {
        seq: entryCount - 1,
        problem: 'truncated',
        message: `Entries ${entryCount - 1} to ${entryCount} were removed from the end.`,
      },
    });
  });

  it('notices an entry added at the end outside the application', () => {
    const db = tamperedCopy((d) => {
      const last = entry(d, entryCount);
      const forged: ChainEntry = {
        ...last,
        id: '01890000-0000-7000-8000-00000000abcd',
        prevHash: last.hash,
      };
      d.prepare(
        `INSERT INTO audit_trail (id, at, user_id, role, office_id, device_id, action, entity, entity_id, subject_id, changes, prev_hash, hash)
         VALUES (@id, @at, @userId, @role, @officeId, @deviceId, @action, @entity, @entityId, @subjectId, @changes, @prevHash, @hash)`,
      ).run({ ...forged, hash: hashEntry(forged) });
    });
    expect(verifyAuditChain(db).firstBad).toMatchObject({
      seq: entryCount + 1,
      problem: 'inserted',
    });
  });

  it('is checked from the command line, read-only, with an exit code', () => {
    const bad = join(scratch, 'cli-bad.db');
    const db = tamperedCopy((d) =>
      d.prepare(`UPDATE audit_trail SET role = 'viewer' WHERE seq = 3`).run(),
    );
    db.close();
    copyFileSync(db.name, bad);
    const run = (file: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'electron/core/changes/cli.ts'), '--file', file],
        {
          cwd: repoRoot,
          encoding: 'utf8',
        },
      );
    const good = run(original);
    expect(good.stdout).toMatch(
      new RegExp(`intact up to entry ${entryCount} \\(${entryCount} entries checked`),
    );
    expect(good.status).toBe(0);
    const broken = run(bad);
    expect(broken.stdout).toContain('Entry 3 was altered after it was written.');
    expect(broken.status).toBe(1);
  });
});
