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
  ['Unit and integration tests', 'npx', ['vitest', 'run']],
  ['Build', 'npx', ['electron-vite', 'build']],
  ['End-to-end tests (Chromium)', 'npx', ['playwright', 'test']],
];

mkdirSync('reports', { recursive: true });
rmSync('reports/vitest.json', { force: true });
rmSync('reports/playwright.json', { force: true });

const failedSteps = [];
for (const [label, command, args] of steps) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, CI_REPORT: '1' },
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
if (existsSync('reports/vitest.json')) {
  const report = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
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
