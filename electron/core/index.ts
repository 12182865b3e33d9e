import { newId } from './ids';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName } from '#shared/ipc/contract';
import type { EventPayload, Handlers } from '#shared/ipc/contract';
import { indiaDate } from '#shared/domain/dates';
import { openDatabase, type Sqlite } from './db/open-database';
import { demoSocieties, readDemoVocabulary } from './demo/demo-register';
import { seedDemoReturns } from './demo/demo-returns';
import { createDispatch, type Dispatch } from './dispatch';
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
import { MutationWriter, type Actor } from './sync/mutation-writer';
import { SyncClient } from './sync/sync-client';
import { REFERENCE_TABLES } from '#shared/sync/entities';
import { AuthService } from './auth/auth-service';
import { PasswordHasher, PRODUCTION_HASHING, type HashingCost } from './auth/password-hasher';
import { ChangeLog } from './changes/change-log';
import { StatusOrderService } from './status-orders/status-order-service';
import { DocumentService } from './documents/document-service';
import { CertificateService } from './certificates/certificate-service';
import { OfficeSigner } from './certificates/signing';
import { NumberAllocator } from './registration/number-allocator';
import { ProvisionalNumbers } from './registration/provisional-numbers';
import { officeSeries } from './registration/registration-series';
import { RegistrationService } from './registration/registration-service';
import { AuditService } from './audits/audit-service';
import { ReturnService } from './returns/return-service';
import { getMeta, setMeta } from './db/app-meta';
import { appHandlers } from './app/handlers';
import { auditHandlers } from './audits/handlers';
import { authHandlers } from './auth/handlers';
import { certificateHandlers } from './certificates/handlers';
import { changeHandlers } from './changes/handlers';
import { documentHandlers } from './documents/handlers';
import { referenceHandlers } from './reference/handlers';
import { registrationHandlers } from './registration/handlers';
import { returnHandlers } from './returns/handlers';
import { societyHandlers } from './societies/handlers';
import { statusOrderHandlers } from './status-orders/handlers';
import { syncHandlers } from './sync/handlers';

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
  /** Where certificate QR codes point: the state server's public verification page. */
  verifyBaseUrl?: string;
  /** argon2id cost; tests pass a cheap one, everything else uses PRODUCTION_HASHING. */
  passwordHashing?: HashingCost;
  /**
   * Sync with the state server: how often it runs in the background once enrolled (none
   * when absent: tests and the benchmark sync by hand), and the network to use.
   */
  sync?: { intervalMs?: number; fetch?: typeof fetch; pullPageRows?: number };
}

export type CoreEventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export interface Core {
  /**
   * The single door: unknown names, callers without access, invalid input and internal
   * errors come back as `ok: false`. `context.sessionId` comes from the transport.
   */
  dispatch: Dispatch;
  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** The services, for tests, the benchmark and command-line tools that run in-process. */
  readonly services: {
    societies: SocietyService;
    reference: ReferenceService;
    auth: AuthService;
    statusOrders: StatusOrderService;
    changes: ChangeLog;
    registration: RegistrationService;
    certificates: CertificateService;
    returns: ReturnService;
    audits: AuditService;
    sync: SyncClient;
    /** Registration, certificate and receipt numbers, and their leases. */
    numbers: NumberAllocator;
    /** The one write path: domain rows, outbox and record of changes in one transaction. */
    writer: MutationWriter;
    sqlite: Sqlite;
  };
  close(): void;
}

export const DATABASE_FILE = 'registry.db';

/** How often an enrolled computer syncs in the background. */
export const BACKGROUND_SYNC_MS = 30_000;

/** The demo register is written by the application itself, under this name. */
const DEMO_ACTOR: Actor = { userId: 'demo', role: 'system', officeId: null };

/**
 * The state server's public verification page, which QR codes link to. The server (issue
 * #7) serves it; until an installation is configured with its own address, this one is used.
 */
export const DEFAULT_VERIFY_BASE_URL = 'https://registry.rcs.mizoram.gov.in/verify';

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
  const reference = new ReferenceService(db, writer, referenceFile.state.name, clock);
  if (reference.isEmpty()) {
    reference.seed(referenceFile);
    logger.info('reference.seeded', {
      districts: referenceFile.districts.length,
      villages: referenceFile.villages.length,
    });
  } else {
    const added = reference.addNewReferenceRows(referenceFile);
    if (added > 0) logger.info('reference.rows_added', { added });
  }

  const listeners = new Set<CoreEventListener>();
  const emit: CoreEventListener = (name, payload) => {
    for (const listener of listeners) listener(name, payload);
  };
  const numbers = new NumberAllocator(sqlite);
  const societies = new SocietyService(
    sqlite,
    writer,
    reference,
    clock,
    (id) => emit('societies.changed', { id }),
    (regNo) => numbers.isProvisional(regNo),
  );

  const demoCount = options.demoSocieties ?? 1_500;
  if (demoCount > 0 && !getMeta(sqlite, 'first_start_done') && societies.records.count() === 0) {
    const started = performance.now();
    const rows = demoSocieties(reference.get(), readDemoVocabulary(options.resourcesDir), {
      count: demoCount,
      today: indiaDate(clock.now()),
    });
    societies.entry.importMany(rows, DEMO_ACTOR);
    const returns = seedDemoReturns(sqlite, { today: indiaDate(clock.now()), years: 5 });
    logger.info('demo.seeded', {
      societies: demoCount,
      returns,
      ms: Math.round(performance.now() - started),
    });
  }
  setMeta(sqlite, 'first_start_done', clock.now().toISOString());

  const auth = new AuthService(
    sqlite,
    writer,
    reference,
    new PasswordHasher(options.passwordHashing ?? PRODUCTION_HASHING),
    clock,
    logger,
  );
  const certificates = new CertificateService(
    sqlite,
    new OfficeSigner(sqlite, options.dataDir, options.host ?? headlessHost),
    numbers,
    reference,
    writer,
    options.verifyBaseUrl ?? DEFAULT_VERIFY_BASE_URL,
    {
      fontsDir: join(options.resourcesDir, 'fonts'),
      printoutsDir: join(options.dataDir, 'printouts'),
      host: options.host ?? headlessHost,
    },
  );
  const registration = new RegistrationService(
    sqlite,
    writer,
    reference,
    societies,
    numbers,
    certificates,
    clock,
    (change) => {
      emit('applications.changed', { id: change.id });
      if (change.societyId) emit('societies.changed', { id: change.societyId });
    },
  );
  const documents = new DocumentService(
    sqlite,
    writer,
    options.dataDir,
    options.host ?? headlessHost,
  );
  const statusOrders = new StatusOrderService(
    sqlite,
    writer,
    reference,
    clock,
    certificates,
    (order) => {
      emit('statusOrders.changed', order);
      emit('societies.changed', { id: order.societyId });
    },
  );
  const changes = new ChangeLog(sqlite);
  const returns = new ReturnService(sqlite, writer, reference, numbers, clock, {
    fontsDir: join(options.resourcesDir, 'fonts'),
    printoutsDir: join(options.dataDir, 'printouts'),
    host: options.host ?? headlessHost,
  });
  const audits = new AuditService(sqlite, writer, reference, numbers, certificates, clock);
  const provisionalNumbers = new ProvisionalNumbers(
    writer,
    numbers,
    societies,
    certificates,
    (id) => auth.users.userById(id),
    clock,
    logger,
  );
  const sync = new SyncClient({
    sqlite,
    clock,
    logger,
    writer,
    host: options.host ?? headlessHost,
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    schemaVersion: appliedMigrations(sqlite),
    ...(options.sync?.fetch ? { fetch: options.sync.fetch } : {}),
    ...(options.sync?.pullPageRows ? { pullPageRows: options.sync.pullPageRows } : {}),
    onPulled: ({ tables, societyIds }) => {
      if ([...tables].some((table) => REFERENCE_TABLES.has(table))) reference.reload();
      societies.searchIndex.reindexSynced(societyIds);
      emit('sync.pulled', { tables: [...tables] });
    },
    onForgetting: (societyIds) => societies.searchIndex.dropFromSearch(societyIds),
    onStatus: (status) => emit('sync.statusChanged', status),
    numbers: {
      startLeasing: () => numbers.startLeasing(),
      wantedSeries: (now, officeId) =>
        numbers.wantedSeries(
          now,
          officeId ? officeSeries(reference, officeId, indiaDate(now)) : [],
        ),
      storeLeases: (leases, now) => numbers.storeLeases(leases, now),
      replaceProvisional: () => provisionalNumbers.replaceAll(),
    },
  });
  if (options.sync?.intervalMs) sync.start(options.sync.intervalMs);

  // The domains register their own handlers; a request without one fails to compile.
  const handlers: Handlers = {
    ...appHandlers(
      {
        appVersion: options.appVersion,
        dataDir: options.dataDir,
        stateName: referenceFile.state.name,
        migrationCount,
      },
      societies,
    ),
    ...referenceHandlers(reference),
    ...societyHandlers(societies, changes),
    ...authHandlers(auth),
    ...statusOrderHandlers(statusOrders),
    ...changeHandlers(changes, sqlite),
    ...registrationHandlers(registration),
    ...certificateHandlers(certificates, clock),
    ...documentHandlers(documents),
    ...returnHandlers(returns, auth.sessions),
    ...auditHandlers(audits),
    ...syncHandlers(sync),
  };
  const dispatch = createDispatch(handlers, logger, auth);
  logger.info('core.started', { migrations: migrationCount });

  return {
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    services: {
      societies,
      reference,
      auth,
      statusOrders,
      changes,
      registration,
      certificates,
      returns,
      audits,
      sync,
      numbers,
      writer,
      sqlite,
    },
    close() {
      sync.stop();
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
    deviceId = newId();
    setMeta(sqlite, 'device_id', deviceId);
  }
  const epochFile = join(dataDir, 'install-epoch');
  let epoch = getMeta(sqlite, 'install_epoch');
  if (!epoch) {
    epoch = existsSync(epochFile) ? readFileSync(epochFile, 'utf8').trim() : newId();
    setMeta(sqlite, 'install_epoch', epoch);
  }
  if (!existsSync(epochFile)) writeFileSync(epochFile, epoch);
  return deviceId;
}

/** How many migrations this database has had: the schema version sync requests carry. */
function appliedMigrations(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number })
    .n;
}
