import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { BACKGROUND_SYNC_MS, createCore } from '../core';
import { createFileLogger } from '../core/logging/file-logger';
import { createBrowserFiles } from './files';
import { startWebBridge } from './server';

// `npm run start:web`: the registry in a browser, for machines without an Electron binary
// and for the end-to-end tests. Never packaged into the desktop app.

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: join(root, '.data', 'web') },
    port: { type: 'string', default: '4870' },
    'demo-count': { type: 'string', default: '1500' },
    'no-demo': { type: 'boolean', default: false },
    /** Seconds between background syncs once this computer is enrolled. */
    'sync-interval': { type: 'string', default: String(BACKGROUND_SYNC_MS / 1000) },
  },
});

const port = Number(values.port);
const demoSocieties = values['no-demo'] ? 0 : Number(values['demo-count']);
const syncSeconds = Number(values['sync-interval']);
if (
  !(syncSeconds > 0) ||
  !Number.isInteger(port) ||
  port < 0 ||
  port > 65535 ||
  !Number.isInteger(demoSocieties) ||
  demoSocieties < 0
) {
  console.error(
    'Usage: start:web [--data-dir DIR] [--port N] [--demo-count N | --no-demo] [--sync-interval SECONDS]',
  );
  process.exit(2);
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
};
const dataDir = resolve(values['data-dir']);
// Logs go to the data folder as the desktop app's do (kept 180 days), and to the terminal.
const logger = createFileLogger({
  dir: join(dataDir, 'logs'),
  mirror: (line) => process.stderr.write(line),
});
const files = createBrowserFiles();
const core = createCore({
  logger,
  host: files.host,
  dataDir,
  resourcesDir: join(root, 'resources'),
  migrationsDir: join(root, 'electron', 'core', 'db', 'migrations'),
  appVersion: version,
  demoSocieties,
  sync: { intervalMs: syncSeconds * 1000 },
});
const bridge = await startWebBridge({
  core,
  rendererDir: join(root, 'out', 'renderer'),
  port,
  files,
});
console.log(`Cooperative Societies Registry (browser mode) is running at ${bridge.url}`);
console.log(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void bridge.close().then(() => {
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
