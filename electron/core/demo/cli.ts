import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, DATABASE_FILE } from '../index';

// `npm run demo:generate -- --count 250000 --data-dir .data/big`: a fresh data folder with a
// demo register of the given size, for trying the app or the benchmarks at state scale.
// Open it with `npm run start:web -- --data-dir .data/big`.

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: join(root, '.data', 'demo-250k') },
    count: { type: 'string', default: '250000' },
  },
});

const count = Number(values.count);
const dataDir = resolve(values['data-dir']);
if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
  console.error('Usage: demo:generate [--count N (1 to 2,000,000)] [--data-dir DIR]');
  process.exit(2);
}
if (existsSync(join(dataDir, DATABASE_FILE))) {
  // The demo only ever fills an empty register; refusing here keeps real data safe.
  console.error(`${dataDir} already holds a register. Choose a new --data-dir.`);
  process.exit(1);
}

const started = performance.now();
const core = createCore({
  dataDir,
  resourcesDir: join(root, 'resources'),
  migrationsDir: join(root, 'electron', 'core', 'db', 'migrations'),
  appVersion: 'demo-generator',
  demoSocieties: count,
});
const made = core.services.societies.records.count();
core.close();
console.log(
  `${made.toLocaleString('en-IN')} demo societies written to ${dataDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
