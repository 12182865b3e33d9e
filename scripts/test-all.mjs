// `npm test`: every check CI runs, in order, then one closing line
// "N passed, N failed, N skipped" counted from the runners' JSON reports.
// Exits non-zero when any step failed or no test passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['Type check', 'npx', ['tsc', '-b']],
  ['Lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['Formatting', 'npx', ['prettier', '--check', '.']],
  ['Migrations match the schema', 'npx', ['drizzle-kit', 'check']],
  [
    'Server migrations match its schema',
    'npx',
    ['drizzle-kit', 'check', '--config', 'drizzle.server.config.ts'],
  ],
  ['Unit and integration tests', 'npx', ['vitest', 'run']],
  // The state server's tests again, on a real PostgreSQL server when one is given (.ci/run
  // starts one with scripts/start-test-postgres.sh); the run above used the embedded PGlite.
  ...(process.env.SYNC_TEST_DATABASE_URL
    ? [
        [
          'Sync server on PostgreSQL',
          'npx',
          ['vitest', 'run', '--project', 'node', 'tests/integration/sync', 'server/'],
          { VITEST_REPORT: 'reports/vitest-postgres.json' },
        ],
      ]
    : []),
  ['Build', 'npx', ['electron-vite', 'build']],
  ['End-to-end tests (Chromium)', 'npx', ['playwright', 'test']],
];

mkdirSync('reports', { recursive: true });
rmSync('reports/vitest.json', { force: true });
rmSync('reports/vitest-postgres.json', { force: true });
if (!process.env.SYNC_TEST_DATABASE_URL) {
  console.log('Note: SYNC_TEST_DATABASE_URL is not set, so the sync server runs on PGlite only.');
}
rmSync('reports/playwright.json', { force: true });

const failedSteps = [];
for (const [label, command, args, env = {}] of steps) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, CI_REPORT: '1', ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failedSteps.push(label);
    console.log(`=== ${label}: FAILED (${seconds} s)`);
  } else {
    console.log(`=== ${label}: ok (${seconds} s)`);
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['reports/vitest.json', 'reports/vitest-postgres.json']) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (existsSync('reports/playwright.json')) {
  const { stats } = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
  skipped += stats?.skipped ?? 0;
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
// A step that failed without a test report (type check, lint, build) still counts as a failure.
const reportedFailures = failed + (failedSteps.length > 0 && failed === 0 ? failedSteps.length : 0);
console.log(`\n${passed} passed, ${reportedFailures} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
