import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../index';
import { verifyAuditChain } from './audit-chain';

// `npm run audit:verify -- --data-dir DIR` (or `--file registry.db`): checks the record of
// changes of a registry, live or a copy, without changing it. Exit code 0 when intact, 1
// when an entry was altered, removed, inserted or reordered, 2 when the file cannot be read.

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, file: { type: 'string' } },
});
const file = values.file
  ? resolve(values.file)
  : values['data-dir']
    ? join(resolve(values['data-dir']), DATABASE_FILE)
    : null;
if (!file || !existsSync(file)) {
  console.error(
    file
      ? `No registry database at ${file}.`
      : 'Usage: audit:verify --data-dir DIR | --file registry.db',
  );
  process.exit(2);
}

const sqlite = new Database(file, { readonly: true, fileMustExist: true });
try {
  const verdict = verifyAuditChain(sqlite);
  if (verdict.intact) {
    console.log(
      `The record of changes is intact up to entry ${verdict.intactUpTo} (${verdict.checked.toLocaleString('en-IN')} entries checked in ${verdict.ms} ms).`,
    );
  } else {
    console.log(`${verdict.firstBad?.message ?? 'The record of changes is broken.'}`);
    console.log(`Entries 1 to ${verdict.intactUpTo} are intact.`);
    process.exitCode = 1;
  }
} finally {
  sqlite.close();
}
