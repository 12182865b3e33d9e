/**
 * `npm run server`: the state server. With no configuration it keeps an embedded
 * PostgreSQL (PGlite) in `.data/server`; with DATABASE_URL it uses that PostgreSQL server.
 *
 *   --port 8787  --host 127.0.0.1  --data-dir .data/server  --reference resources/reference/mizoram.json
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { openServerDatabase } from './db/open';
import { StateDirectory } from './state-directory';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PORT'] ?? '8787' },
    host: { type: 'string', default: process.env['HOST'] ?? '127.0.0.1' },
    'data-dir': { type: 'string', default: process.env['SERVER_DATA_DIR'] ?? '.data/server' },
    reference: { type: 'string', default: 'resources/reference/mizoram.json' },
  },
});

const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true });
const databaseUrl = process.env['DATABASE_URL'];
const opened = await openServerDatabase({
  databaseUrl,
  dataDir: databaseUrl ? null : join(dataDir, 'pglite'),
});

// The administrator's key: from the environment, or made once and kept beside the data.
const keyFile = join(dataDir, 'admin-key');
const adminKey =
  process.env['SYNC_ADMIN_KEY'] ??
  (existsSync(keyFile)
    ? readFileSync(keyFile, 'utf8').trim()
    : randomBytes(24).toString('base64url'));
if (!process.env['SYNC_ADMIN_KEY'] && !existsSync(keyFile))
  writeFileSync(keyFile, adminKey, { mode: 0o600 });

// The countersigning secret: made once and kept beside the data, never sent anywhere.
const checkpointFile = join(dataDir, 'checkpoint-key');
if (!existsSync(checkpointFile)) {
  writeFileSync(checkpointFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
}

const app = await buildServer({
  db: opened.db,
  databaseKind: opened.kind,
  directory: StateDirectory.fromReferenceFile(resolve(values.reference)),
  adminKey,
  checkpointKey: readFileSync(checkpointFile, 'utf8').trim(),
});
const address = await app.listen({ port: Number(values.port), host: values.host });
console.log(
  `State server on ${address} (${opened.kind === 'pglite' ? `embedded PostgreSQL in ${dataDir}` : 'PostgreSQL from DATABASE_URL'}).`,
);
if (!process.env['SYNC_ADMIN_KEY']) console.log(`Administrator key: ${keyFile}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => opened.close())
      .then(() => process.exit(0));
  });
}
