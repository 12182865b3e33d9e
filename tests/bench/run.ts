// `npm run bench`: the register's speed on a generated state-sized register (quality.md
// "Performance"). Prints each figure beside its target and writes reports/bench.json as one
// flat object of figure name → number; later features add their figures to the same file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { createCore, type Core } from '../../electron/core';
import { verifyAuditChain } from '../../electron/core/changes/audit-chain';
import {
  renderCertificatePdf,
  renderCertificatesPdf,
  type CertificateDocument,
} from '../../electron/core/certificates/pdf/certificate-pdf';
import { systemClock } from '../../electron/core/ports';
import { MutationWriter, type Actor } from '../../electron/core/sync/mutation-writer';
import { demoSocieties, readDemoVocabulary } from '../../electron/core/demo/demo-register';
import { seedDemoReturns } from '../../electron/core/demo/demo-returns';
import { seedDemoAudits } from '../../electron/core/demo/demo-audits';
import { recentFinancialYears as returnYears } from '#shared/returns/returns';
import { openDatabase, withoutInsertTriggers } from '../../electron/core/db/open-database';
import { indiaDate } from '#shared/domain/dates';
import { mizoSortKey } from '#shared/domain/mizo-text';
import { regNoKey, type SocietyCreate } from '#shared/societies/society';
import { memoryLogger, migrationsDir, repoRoot, resourcesDir } from '../fixtures/test-core';
import { benchSync } from './sync-bench';

const { values } = parseArgs({ options: { societies: { type: 'string', default: '250000' } } });
const total = Number(values.societies);
const figures: Record<string, number> = {};
const lines: string[] = [];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
function report(
  name: string,
  value: number,
  target: number,
  better: 'lower' | 'higher',
  unit: string,
) {
  figures[name] = Number(value.toFixed(3));
  const ratio = better === 'lower' ? value / target : target / value;
  const verdict = ratio <= 1 ? 'meets target' : 'MISSES target';
  lines.push(
    `${name.padEnd(28)} ${value.toFixed(value < 10 ? 2 : 0).padStart(10)} ${unit.padEnd(7)} target ${better === 'lower' ? '≤' : '≥'} ${String(target).padEnd(7)} ratio ${ratio.toFixed(2)}  ${verdict}`,
  );
  console.log(lines.at(-1));
}

/** The benchmark's own writes, as the demo register's are the application's. */
const BENCH_ACTOR: Actor = { userId: 'bench', role: 'system', officeId: null };

/**
 * Makes the administrator and a clerk through the real requests, then signs the clerk in
 * five times; returns each sign-in's duration (the argon2id check dominates it).
 */
async function signInClerk(core: Core, sessionId: string): Promise<number[]> {
  const call = async (name: string, input: unknown, session: string) => {
    const result = await core.dispatch(name, input, { sessionId: session });
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value;
  };
  const offices = core.services.reference.get().offices;
  const officeId = (offices.find((o) => o.code === 'AIZ') ?? offices[0])?.id;
  await call(
    'auth.setup',
    {
      username: 'bench.admin',
      fullName: 'Bench Admin',
      officeId,
      password: 'bench admin password',
    },
    'bench-admin',
  );
  await call(
    'users.create',
    {
      username: 'bench.clerk',
      fullName: 'Bench Clerk',
      role: 'clerk',
      officeId,
      temporaryPassword: 'temporary password',
    },
    'bench-admin',
  );
  await call('auth.login', { username: 'bench.clerk', password: 'temporary password' }, sessionId);
  await call(
    'auth.changePassword',
    { currentPassword: 'temporary password', newPassword: 'bench clerk password' },
    sessionId,
  );
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    await call(
      'auth.login',
      { username: 'bench.clerk', password: 'bench clerk password' },
      sessionId,
    );
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Fills a fresh database's record of changes with `count` entries through the mutation
 * writer (10,000 per transaction), then times the verifier over all of them; seconds.
 */
function benchAuditChain(dataDir: string, count: number): number {
  const { sqlite, db } = openDatabase({ file: join(dataDir, 'chain.db'), migrationsDir });
  const writer = new MutationWriter(db, sqlite, systemClock, uuidv7());
  for (let done = 0; done < count; done += 10_000) {
    writer.run(BENCH_ACTOR, (tx) => {
      for (let i = 0; i < Math.min(10_000, count - done); i += 1) {
        tx.note({
          name: 'society.update',
          entity: 'society',
          entityId: uuidv7(),
          args: { phone: `98${String(done + i).padStart(8, '0')}` },
          baseVersion: 1,
          base: { phone: null },
        });
      }
    });
  }
  const verdict = verifyAuditChain(sqlite);
  sqlite.close();
  if (!verdict.intact || verdict.checked !== count) {
    throw new Error(`The verifier found a problem in a clean chain: ${JSON.stringify(verdict)}`);
  }
  return verdict.ms / 1000;
}

/** One certificate (median of 20, fonts already loaded) and 1,000 in one file. */
async function benchCertificates(): Promise<{
  oneMs: number;
  thousandS: number;
  thousandMb: number;
}> {
  const fontsDir = join(resourcesDir, 'fonts');
  const doc = (n: number): CertificateDocument => ({
    kind: 'registration',
    duplicate: null,
    stateName: 'Mizoram',
    officeName: 'Office of the Assistant Registrar of Cooperative Societies, Aizawl',
    officeAddress: 'Aizawl, Mizoram - 796001',
    societyName: `Ṭhutmun Fishery Cooperative Society Ltd. ${n}`,
    societyNameMizo: 'Ṭhutmun Sangha Vulh Cooperative Society',
    regNo: `RCS/AIZ/2026-27/${String(n).padStart(4, '0')}`,
    registeredOn: '2026-11-23',
    typeName: 'Fishery cooperative society',
    address: 'Ṭhutmun veng, Aizawl',
    areaOfOperation: ['Ṭhutmun', 'Durtlang', 'Sairang', 'Sihphir', 'Zemabawk'],
    registrarName: 'Lalṭhangliana Ralte',
    registrarDesignation: 'Assistant Registrar of Cooperative Societies, Aizawl',
    serial: `RC/AIZ/2026-27/${String(n).padStart(6, '0')}`,
    issuedOn: '2026-11-23',
    qrText: `https://registry.rcs.mizoram.gov.in/verify?c=${'e'.repeat(180)}.${'s'.repeat(86)}`,
  });
  await renderCertificatePdf(doc(0), fontsDir); // the first render reads the fonts
  const singles: number[] = [];
  for (let n = 1; n <= 20; n += 1) {
    const started = performance.now();
    await renderCertificatePdf(doc(n), fontsDir);
    singles.push(performance.now() - started);
  }
  const started = performance.now();
  const batch = await renderCertificatesPdf(
    Array.from({ length: 1_000 }, (_, n) => doc(n + 100)),
    fontsDir,
  );
  return {
    oneMs: percentile(singles, 50),
    thousandS: (performance.now() - started) / 1000,
    thousandMb: batch.length / 1_048_576,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'registry-bench-'));
const today = indiaDate(new Date());
try {
  console.log(
    `Generating and importing ${total.toLocaleString('en-IN')} societies (validation, search index, outbox, FULL sync)…`,
  );
  const core = createCore({
    dataDir: join(dir, 'app'),
    resourcesDir,
    migrationsDir,
    appVersion: 'bench',
    demoSocieties: 0,
    logger: memoryLogger(),
  });
  const reference = core.services.reference.get();
  const vocabulary = readDemoVocabulary(resourcesDir);
  const rows: SocietyCreate[] = [...demoSocieties(reference, vocabulary, { count: total, today })];

  const importStarted = performance.now();
  core.services.societies.entry.importMany(rows, BENCH_ACTOR, { batchSize: 5_000 });
  const importSeconds = (performance.now() - importStarted) / 1000;
  const importRate = total / importSeconds;

  // The same rows through one plain prepared INSERT into the same table and indexes: no
  // validation, search index, outbox or record of changes, and none of the app's per-row
  // triggers (a plain insert has none; with them it ran at half the speed).
  const raw = openDatabase({ file: join(dir, 'raw', 'raw.db'), migrationsDir });
  const insert = raw.sqlite.prepare(
    `INSERT INTO societies (id, version, created_at, created_by, updated_at, updated_by, name, name_mizo, reg_no, reg_no_key,
       registered_on, basis, type_id, tier, liability, address, district_id, village_id, office_id, share_value_paise,
       admission_fee_paise, authorised_capital_paise, financing_bank, federation, status, status_since, contact_person,
       phone, email, ncd_id, remarks, sort_key, search_rowid)
     VALUES (?, 1, ?, 'bench', ?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  raw.sqlite.pragma('foreign_keys = OFF'); // the raw database has no reference rows
  const now = new Date().toISOString();
  const rawStarted = performance.now();
  raw.sqlite.transaction(() =>
    withoutInsertTriggers(raw.sqlite, ['societies'], () =>
      rows.forEach((r, i) =>
        insert.run(
          uuidv7(),
          now,
          now,
          r.name,
          r.nameMizo,
          r.regNo,
          regNoKey(r.regNo),
          r.registeredOn,
          r.basis,
          r.typeId,
          r.tier,
          r.liability,
          r.address,
          r.districtId,
          r.villageId,
          r.officeId,
          r.shareValuePaise,
          r.admissionFeePaise,
          r.authorisedCapitalPaise,
          r.financingBank,
          r.federation,
          r.status,
          r.statusSince,
          r.contactPerson,
          r.phone,
          r.email,
          r.ncdId,
          r.remarks,
          mizoSortKey(r.name),
          i + 1,
        ),
      ),
    ),
  )();
  const rawRate = total / ((performance.now() - rawStarted) / 1000);
  raw.sqlite.close();

  // Realistic queries: the start of a name, two words, a place, a registration number.
  const sample = (n: number) =>
    Array.from({ length: n }, () => rows[Math.floor(Math.random() * rows.length)] as SocietyCreate);
  const villageNames = new Map(reference.villages.map((v) => [v.id, v.name]));
  const queries = sample(600).map((r, i) => {
    const words = r.name.split(' ');
    switch (i % 4) {
      case 0:
        return (words[0] ?? '').slice(0, 4);
      case 1:
        return `${words[0] ?? ''} ${(words[1] ?? '').slice(0, 3)}`;
      case 2:
        return villageNames.get(r.villageId ?? '') ?? 'Aizawl';
      default:
        return r.regNo;
    }
  });
  // A clerk signs in as in the office: argon2id at the production cost, timed per sign-in.
  const clerkSession = { sessionId: 'bench-clerk' };
  const loginMs = await signInClerk(core, clerkSession.sessionId);

  const searchMs: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const result = await core.dispatch('societies.search', { query, limit: 20 }, clerkSession);
    searchMs.push(performance.now() - started);
    if (!result.ok) throw new Error(`search failed: ${result.error.message}`);
  }

  const ids = (
    core.services.sqlite.prepare('SELECT id FROM societies ORDER BY random() LIMIT 1000').all() as {
      id: string;
    }[]
  ).map((r) => r.id);
  const openMs: number[] = [];
  for (const id of ids) {
    const started = performance.now();
    const result = await core.dispatch('societies.get', { id }, clerkSession);
    openMs.push(performance.now() - started);
    if (!result.ok) throw new Error(`open failed: ${result.error.message}`);
  }

  const saveMs: number[] = [];
  for (const id of ids.slice(0, 300)) {
    const detail = await core.dispatch('societies.get', { id }, clerkSession);
    if (!detail.ok) throw new Error('open failed');
    const d = detail.value as Record<string, unknown> & {
      areaOfOperation: { id: string }[];
      version: number;
    };
    const fields = {
      name: d['name'],
      nameMizo: d['nameMizo'],
      regNo: d['regNo'],
      registeredOn: d['registeredOn'],
      basis: d['basis'],
      typeId: d['typeId'],
      tier: d['tier'],
      liability: d['liability'],
      address: d['address'],
      districtId: d['districtId'],
      villageId: d['villageId'],
      officeId: d['officeId'],
      areaVillageIds: d.areaOfOperation.map((a) => a.id),
      shareValuePaise: d['shareValuePaise'],
      admissionFeePaise: d['admissionFeePaise'],
      authorisedCapitalPaise: d['authorisedCapitalPaise'],
      financingBank: d['financingBank'],
      federation: d['federation'],
      contactPerson: d['contactPerson'],
      phone: `9${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
      email: d['email'],
      ncdId: d['ncdId'],
      remarks: d['remarks'],
    };
    const started = performance.now();
    const result = await core.dispatch(
      'societies.update',
      { id, baseVersion: d.version, fields },
      clerkSession,
    );
    saveMs.push(performance.now() - started);
    if (!result.ok) throw new Error(`save failed: ${result.error.message}`);
  }
  console.log('\nGenerating ten years of annual returns, then timing the returns register…');
  const returnsStarted = performance.now();
  const returnCount = seedDemoReturns(core.services.sqlite, { today, years: 10 });
  console.log(
    `(${returnCount.toLocaleString('en-IN')} returns written in ${((performance.now() - returnsStarted) / 1000).toFixed(1)} s)`,
  );
  core.services.sqlite.pragma('optimize');
  const fy = returnYears(today)[0]!;
  const offices = reference.offices.filter((office) => office.level === 'district');
  const registerMs: number[] = [];
  const countsMs: number[] = [];
  // The first page after the import reads the societies from disk; timed apart, then the
  // steady state a clerk sees once the register has been opened.
  const firstStarted = performance.now();
  const first = await core.dispatch('returns.register', { fy, offset: 0, limit: 50 }, clerkSession);
  const firstPageMs = performance.now() - firstStarted;
  if (!first.ok) throw new Error(first.error.message);
  // A clerk's office, a district, or the whole state; every other one filtered to overdue.
  for (let i = 0; i < 60; i += 1) {
    const office = offices[i % offices.length]!;
    const scope =
      i % 3 === 0
        ? { officeId: office.id }
        : i % 3 === 1
          ? { districtId: office.districtIds[0]! }
          : {};
    const filter = {
      fy: returnYears(today)[i % 3]!,
      ...scope,
      ...(i % 2 === 0 ? { status: 'overdue' as const } : {}),
    };
    let started = performance.now();
    const page = await core.dispatch(
      'returns.register',
      { ...filter, offset: (i % 4) * 50, limit: 50 },
      clerkSession,
    );
    registerMs.push(performance.now() - started);
    if (!page.ok) throw new Error(page.error.message);
    started = performance.now();
    const counts = await core.dispatch('returns.counts', { fy: filter.fy, ...scope }, clerkSession);
    countsMs.push(performance.now() - started);
    if (!counts.ok) throw new Error(counts.error.message);
  }
  const stateStarted = performance.now();
  const stateCounts = await core.dispatch('returns.counts', { fy }, clerkSession);
  const stateCountsMs = performance.now() - stateStarted;
  if (!stateCounts.ok) throw new Error(stateCounts.error.message);
  report('returns_register_ms', percentile(registerMs, 95), 500, 'lower', 'ms');
  report(
    'compliance_counts_ms',
    Math.max(percentile(countsMs, 95), stateCountsMs),
    500,
    'lower',
    'ms',
  );
  console.log(
    `(p95 of 60 pages of 50 and 60 counts, by office, district and the whole state; the state's counts alone took ${stateCountsMs.toFixed(0)} ms; the very first page after the import ${firstPageMs.toFixed(0)} ms)`,
  );

  console.log('\nGenerating ten years of audits, then timing the audit register…');
  const auditorIds: string[] = [];
  for (const [index, office] of offices.entries()) {
    const created = await core.dispatch(
      'users.create',
      {
        username: `bench.auditor${index + 1}`,
        fullName: `Bench Auditor ${index + 1}`,
        role: 'auditor',
        officeId: office.id,
        temporaryPassword: 'temporary password',
      },
      { sessionId: 'bench-admin' },
    );
    if (!created.ok) throw new Error(created.error.message);
    auditorIds.push((created.value as { id: string }).id);
  }
  const auditsStarted = performance.now();
  const auditCount = seedDemoAudits(core.services.sqlite, { today, years: 10, auditorIds });
  console.log(
    `(${auditCount.toLocaleString('en-IN')} audits written in ${((performance.now() - auditsStarted) / 1000).toFixed(1)} s)`,
  );
  core.services.sqlite.pragma('optimize');
  const auditPageMs: number[] = [];
  const auditCountsMs: number[] = [];
  const auditStatuses = ['overdue', 'accepted', 'not_programmed', 'submitted'] as const;
  for (let i = 0; i < 60; i += 1) {
    const office = offices[i % offices.length]!;
    const scope =
      i % 3 === 0
        ? { officeId: office.id }
        : i % 3 === 1
          ? { districtId: office.districtIds[0]! }
          : {};
    const filter = {
      fy: returnYears(today)[i % 3]!,
      ...scope,
      ...(i % 2 === 0 ? { status: auditStatuses[(i / 2) % auditStatuses.length]! } : {}),
    };
    let started = performance.now();
    const page = await core.dispatch(
      'audits.register',
      { ...filter, offset: (i % 4) * 50, limit: 50 },
      clerkSession,
    );
    auditPageMs.push(performance.now() - started);
    if (!page.ok) throw new Error(page.error.message);
    started = performance.now();
    const counts = await core.dispatch('audits.counts', { fy: filter.fy, ...scope }, clerkSession);
    auditCountsMs.push(performance.now() - started);
    if (!counts.ok) throw new Error(counts.error.message);
  }
  report('audit_register_ms', percentile(auditPageMs, 95), 500, 'lower', 'ms');
  console.log(
    `(p95 of 60 filtered pages of 50, by office, district and the whole state; their stage counts p95 ${percentile(auditCountsMs, 95).toFixed(0)} ms)`,
  );

  core.close();

  console.log(
    `\nRegister of ${total.toLocaleString('en-IN')} societies; ${queries.length} searches, ${openMs.length} opens, ${saveMs.length} saves.\n`,
  );
  report('search_p95_ms', percentile(searchMs, 95), 50, 'lower', 'ms');
  report('open_p95_ms', percentile(openMs, 95), 5, 'lower', 'ms');
  report('save_p95_ms', percentile(saveMs, 95), 20, 'lower', 'ms');
  report('import_rows_per_s', importRate, Math.round(total / 60), 'higher', 'rows/s');
  report('import_vs_raw', importRate / rawRate, 0.3, 'higher', '×raw');
  console.log(
    `(import ${importSeconds.toFixed(1)} s for ${total.toLocaleString('en-IN')} rows, target ≤ 60 s; raw insert ${Math.round(rawRate).toLocaleString('en-IN')} rows/s)`,
  );
  report('login_ms', percentile(loginMs, 50), 250, 'lower', 'ms');
  console.log(`(median of ${loginMs.length} sign-ins; argon2id m=64 MiB, t=3, p=1)`);

  console.log('\nRendering certificates (embedded font, QR code, signed payload)…');
  const certificates = await benchCertificates();
  report('certificate_pdf_ms', certificates.oneMs, 100, 'lower', 'ms');
  report('certificates_1000_s', certificates.thousandS, 30, 'lower', 's');
  console.log(
    `(median of 20 single certificates after the first; 1,000 pages in one ${certificates.thousandMb.toFixed(1)} MB file)`,
  );

  console.log('\nWriting 1,000,000 entries to a record of changes, then verifying the chain…');
  const verifySeconds = benchAuditChain(join(dir, 'chain'), 1_000_000);
  report('audit_chain_verify_1m_s', verifySeconds, 30, 'lower', 's');

  console.log(
    '\nSync on loopback with the embedded server: an office pushes ~50,000 rows, a new laptop pulls them, then a week offline…',
  );
  const sync = await benchSync(join(dir, 'sync'));
  report('sync_server_mutations_per_s', sync.serverMutationsPerS, 300, 'higher', 'mut/s');
  report('sync_apply_rows_per_s', sync.applyRowsPerS, 5_000, 'higher', 'rows/s');
  report('sync_initial_50k_s', sync.initialS, 60, 'lower', 's');
  report('sync_catchup_week_s', sync.catchupS, 120, 'lower', 's');
  console.log(
    `(${sync.pushedMutations.toLocaleString('en-IN')} mutations pushed; ${sync.initialRows.toLocaleString('en-IN')} rows pulled by the new laptop; after the week it sent ${sync.catchupPushed} changes and received ${sync.catchupPulled.toLocaleString('en-IN')} rows)`,
  );

  const file = join(repoRoot, 'reports', 'bench.json');
  mkdirSync(join(repoRoot, 'reports'), { recursive: true });
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>)
    : {};
  writeFileSync(file, `${JSON.stringify({ ...previous, ...figures }, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
