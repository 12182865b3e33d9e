import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload, Handlers } from '../../shared/ipc/contract';
import { indiaDate } from '../../shared/domain/dates';
import type { Result } from '../../shared/errors';
import { openDatabase, type Sqlite } from './db/open-database';
import { demoSocieties, readDemoVocabulary } from './demo/demo-register';
import { createDispatch } from './dispatch';
import {
  consoleLogger,
  headlessHost,
  systemClock,
  type Clock,
  type HostPort,
  type Logger,
} from './ports';
import { readReferenceFile } from './reference/reference-file';
import { ReferenceService } from './reference/reference-service';
import { SocietyService } from './societies/society-service';
import { MutationWriter } from './sync/mutation-writer';

export interface CoreOptions {
  /** Folder holding the database, backups, documents and logs. Created if missing. */
  dataDir: string;
  /** The app's read-only resources folder (reference data, fonts). */
  resourcesDir: string;
  /** drizzle-kit's migrations folder. */
  migrationsDir: string;
  appVersion: string;
  /** How many demo societies fill an empty register on first start (default 1,500; 0 for none). */
  demoSocieties?: number;
  logger?: Logger;
  clock?: Clock;
  host?: HostPort;
}

export type CoreEventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export interface Core {
  /** The single door: unknown names, invalid input and internal errors come back as `ok: false`. */
  dispatch(name: unknown, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** The services, for tests, the benchmark and command-line tools that run in-process. */
  readonly services: { societies: SocietyService; reference: ReferenceService; sqlite: Sqlite };
  close(): void;
}

export const DATABASE_FILE = 'registry.db';
/** Until users and sessions exist (issue #3), every change is attributed to this local user. */
export const LOCAL_USER = 'local';

/** Opens (or creates) the registry in `dataDir` and returns its one door, `dispatch`. */
export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? consoleLogger();
  const clock = options.clock ?? systemClock;
  void (options.host ?? headlessHost);
  mkdirSync(options.dataDir, { recursive: true });

  const { sqlite, db, migrationCount } = openDatabase({
    file: join(options.dataDir, DATABASE_FILE),
    migrationsDir: options.migrationsDir,
    logger,
  });
  const deviceId = ensureDeviceIdentity(sqlite, options.dataDir);
  const writer = new MutationWriter(db, sqlite, clock, deviceId);

  const referenceFile = readReferenceFile(options.resourcesDir);
  const reference = new ReferenceService(db, writer, referenceFile.state.name);
  if (reference.isEmpty()) {
    reference.seed(referenceFile);
    logger.info('reference.seeded', {
      districts: referenceFile.districts.length,
      villages: referenceFile.villages.length,
    });
  }

  const listeners = new Set<CoreEventListener>();
  const emit: CoreEventListener = (name, payload) => {
    for (const listener of listeners) listener(name, payload);
  };
  const societies = new SocietyService(sqlite, writer, reference, clock, (id) =>
    emit('societies.changed', { id }),
  );

  const demoCount = options.demoSocieties ?? 1_500;
  if (demoCount > 0 && !getMeta(sqlite, 'first_start_done') && societies.count() === 0) {
    const started = performance.now();
    const rows = demoSocieties(reference.get(), readDemoVocabulary(options.resourcesDir), {
      count: demoCount,
      today: indiaDate(clock.now()),
    });
    societies.importMany(rows, 'demo');
    logger.info('demo.seeded', {
      societies: demoCount,
      ms: Math.round(performance.now() - started),
    });
  }
  setMeta(sqlite, 'first_start_done', clock.now().toISOString());

  const handlers: Handlers = {
    'app.info': () => ({
      appVersion: options.appVersion,
      dataDir: options.dataDir,
      stateName: referenceFile.state.name,
      societyCount: societies.count(),
      schemaMigrations: migrationCount,
    }),
    'reference.get': () => reference.get(),
    'reference.ruleParameters': () => reference.ruleParameters(),
    'societies.search': (input) => societies.search(input.query, input.limit, input.filter),
    'societies.list': (input) =>
      societies.list(input.filter, input.sort, input.offset, input.limit),
    'societies.get': (input) => societies.get(input.id),
    'societies.create': (input) => societies.create(input.society, LOCAL_USER),
    'societies.update': (input) =>
      societies.update(
        input.id,
        input.baseVersion,
        input.fields,
        input.nameChangeReason ?? null,
        LOCAL_USER,
      ),
  };
  const dispatch = createDispatch(handlers, logger);
  logger.info('core.started', { migrations: migrationCount });

  return {
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    services: { societies, reference, sqlite },
    close() {
      listeners.clear();
      sqlite.close();
    },
  };
}

/**
 * A device id and an install epoch, kept both in the database and in a file beside it
 * (sync.md §2): if they ever differ, the database was restored from a backup and the
 * device must re-enrol before it syncs (checked by the sync client).
 */
function ensureDeviceIdentity(sqlite: Sqlite, dataDir: string): string {
  let deviceId = getMeta(sqlite, 'device_id');
  if (!deviceId) {
    deviceId = uuidv7();
    setMeta(sqlite, 'device_id', deviceId);
  }
  const epochFile = join(dataDir, 'install-epoch');
  let epoch = getMeta(sqlite, 'install_epoch');
  if (!epoch) {
    epoch = existsSync(epochFile) ? readFileSync(epochFile, 'utf8').trim() : uuidv7();
    setMeta(sqlite, 'install_epoch', epoch);
  }
  if (!existsSync(epochFile)) writeFileSync(epochFile, epoch);
  return deviceId;
}

function getMeta(sqlite: Sqlite, key: string): string | undefined {
  return (
    sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as
      { value: string } | undefined
  )?.value;
}

function setMeta(sqlite: Sqlite, key: string, value: string): void {
  sqlite
    .prepare(
      'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, value);
}
