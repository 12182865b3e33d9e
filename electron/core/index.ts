import { newId } from './ids';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName } from '../../shared/ipc/channels';
import type {
  Caller,
  EventPayload,
  Handlers,
  SessionUser,
  Verification,
} from '../../shared/ipc/contract';
import { AppError } from '../../shared/errors';
import { indiaDate } from '../../shared/domain/dates';
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
import { actorFor, MutationWriter, type Actor } from './sync/mutation-writer';
import { SyncClient } from './sync/sync-client';
import { REFERENCE_TABLES } from '../../shared/sync/entities';
import { AuthService } from './auth/auth-service';
import { PasswordHasher, PRODUCTION_HASHING, type HashingCost } from './auth/password-hasher';
import { verifyAuditChain } from './audit/audit-chain';
import { ChangeLog } from './audit/change-log';
import { StatusOrderService } from './status-orders/status-order-service';
import { DocumentService } from './documents/document-service';
import { CertificateService } from './certificates/certificate-service';
import { OfficeSigner, type VerificationResult } from './certificates/signing';
import { NumberAllocator } from './registration/number-allocator';
import { ProvisionalNumbers } from './registration/provisional-numbers';
import { RegistrationService } from './registration/registration-service';
import { AuditService } from './audits/audit-service';
import { ReturnService } from './returns/return-service';
import { getMeta, setMeta } from './db/app-meta';

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
  const reference = new ReferenceService(db, writer, referenceFile.state.name);
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
  if (demoCount > 0 && !getMeta(sqlite, 'first_start_done') && societies.count() === 0) {
    const started = performance.now();
    const rows = demoSocieties(reference.get(), readDemoVocabulary(options.resourcesDir), {
      count: demoCount,
      today: indiaDate(clock.now()),
    });
    societies.importMany(rows, DEMO_ACTOR);
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
    (id) => auth.userById(id),
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
      societies.reindexSynced(societyIds);
      emit('sync.pulled', { tables: [...tables] });
    },
    onForgetting: (societyIds) => societies.dropFromSearch(societyIds),
    onStatus: (status) => emit('sync.statusChanged', status),
    numbers: {
      startLeasing: () => numbers.startLeasing(),
      wantedSeries: (now, officeId) =>
        numbers.wantedSeries(
          now,
          officeId ? registration.officeSeries(officeId, indiaDate(now)) : [],
        ),
      storeLeases: (leases, now) => numbers.storeLeases(leases, now),
      replaceProvisional: () => provisionalNumbers.replaceAll(),
    },
  });
  if (options.sync?.intervalMs) sync.start(options.sync.intervalMs);

  /** The return a counter session reaches; refused outside counter mode. */
  const counterTarget = (caller: Caller) => {
    const target = auth.counterOf(caller.sessionId);
    if (!target) throw new AppError('conflict', 'No counter session is open; a clerk opens one.');
    return target;
  };

  const handlers: Handlers = {
    'app.info': (_input, caller) => ({
      appVersion: options.appVersion,
      dataDir: caller.user ? options.dataDir : null,
      stateName: referenceFile.state.name,
      societyCount: caller.user ? societies.count() : null,
      schemaMigrations: migrationCount,
    }),
    'reference.get': () => reference.get(),
    'reference.ruleParameters': () => reference.ruleParameters(),
    'societies.search': (input) => societies.search(input.query, input.limit, input.filter),
    'societies.list': (input) =>
      societies.list(input.filter, input.sort, input.offset, input.limit),
    'societies.get': (input) => societies.get(input.id),
    'societies.create': (input, caller) =>
      societies.create(input.society, actorFor(signedIn(caller))),
    'societies.update': (input, caller) =>
      societies.update(
        input.id,
        input.baseVersion,
        input.fields,
        input.nameChangeReason ?? null,
        actorFor(signedIn(caller)),
      ),
    'societies.history': (input) => changes.history(input.societyId, input.offset, input.limit),
    'auth.status': (_input, caller) => auth.status(caller.sessionId),
    'auth.setup': (input, caller) => auth.setup(caller.sessionId, input),
    'auth.login': (input, caller) => auth.login(caller.sessionId, input.username, input.password),
    'auth.logout': (_input, caller) => auth.logout(caller.sessionId),
    'auth.lock': (_input, caller) => auth.lock(caller.sessionId),
    'auth.unlock': (input, caller) => auth.unlock(caller.sessionId, input.password),
    'auth.touch': (_input, caller) => auth.status(caller.sessionId),
    'auth.changePassword': (input, caller) =>
      auth.changePassword(caller.sessionId, input.currentPassword, input.newPassword),
    'settings.update': (input, caller) => {
      auth.setIdleLockMinutes(actorFor(signedIn(caller)), input.idleLockMinutes);
      return auth.status(caller.sessionId);
    },
    'users.list': () => auth.listUsers(),
    'users.create': (input, caller) => auth.createUser(actorFor(signedIn(caller)), input),
    'users.update': (input, caller) => auth.updateUser(actorFor(signedIn(caller)), input),
    'users.setActive': (input, caller) =>
      auth.setActive(actorFor(signedIn(caller)), input.id, input.active),
    'users.resetPassword': (input, caller) =>
      auth.resetPassword(actorFor(signedIn(caller)), input.id, input.temporaryPassword),
    'statusOrders.propose': (input, caller) => statusOrders.propose(signedIn(caller), input),
    'statusOrders.decide': (input, caller) =>
      statusOrders.decide(signedIn(caller), input.id, input.decision, input.note),
    'statusOrders.list': (input, caller) => statusOrders.list(input, signedIn(caller)),
    'changes.list': (input) => changes.list(input, input.offset, input.limit),
    'changes.verify': () => verifyAuditChain(sqlite),
    'applications.receive': (input, caller) =>
      registration.receive(signedIn(caller), input.application),
    'applications.get': (input) => registration.get(input.id),
    'applications.list': (input, caller) => registration.list(signedIn(caller), input),
    'applications.startScrutiny': (input, caller) =>
      registration.startScrutiny(signedIn(caller), input.id, input.baseVersion),
    'applications.recordScrutiny': (input, caller) =>
      registration.recordScrutiny(signedIn(caller), input.id, input.baseVersion, input.items),
    'applications.issueDeficiency': (input, caller) =>
      registration.issueDeficiency(signedIn(caller), input.id, input.baseVersion, input.items),
    'applications.recordReply': (input, caller) =>
      registration.recordReply(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.replyOn,
        input.note,
      ),
    'applications.decide': (input, caller) =>
      registration.decide(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.decision,
        input.reasons,
      ),
    'applications.recordDeemed': (input, caller) =>
      registration.recordDeemed(signedIn(caller), input.id, input.baseVersion),
    'applications.withdraw': (input, caller) =>
      registration.withdraw(signedIn(caller), input.id, input.baseVersion, input.reason),
    'documents.add': (input, caller) =>
      documents.add(signedIn(caller), {
        ownerEntity: input.ownerEntity,
        ownerId: input.ownerId,
        purpose: input.purpose,
        fileName: input.fileName,
        content: Buffer.from(input.contentBase64, 'base64'),
      }),
    'documents.list': (input) => documents.list(input.ownerId),
    'documents.open': (input) => documents.open(input.id),
    'names.reserve': (input, caller) => registration.reserveName(signedIn(caller), input),
    'names.list': (_input, caller) => registration.listReservations(signedIn(caller)),
    'certificates.keys': () => certificates.publicKeys(),
    'certificates.list': (input) => certificates.list(input),
    'certificates.verify': (input) => verificationOutput(certificates.verify(input.text)),
    'certificates.print': (input, caller) => certificates.print(signedIn(caller), input.serial),
    'certificates.issueDuplicate': (input, caller) =>
      certificates.issueDuplicateFor(signedIn(caller), input.serial, indiaDate(clock.now())),
    'returns.register': ({ offset, limit, ...filter }) =>
      returns.register(filter, { offset, limit }),
    'returns.counts': (input) => returns.counts(input),
    'returns.get': (input) => returns.get(input.societyId, input.fy),
    'returns.ofSociety': (input) => returns.ofSociety(input.societyId),
    'returns.openCounter': (input, caller) => {
      returns.assertCanFile(signedIn(caller), input.societyId, input.fy);
      return auth.openCounter(caller.sessionId, input);
    },
    'returns.counterForm': (_input, caller) => {
      const target = counterTarget(caller);
      return returns.get(target.societyId, target.fy);
    },
    'returns.file': (input, caller) =>
      returns.file(signedIn(caller), counterTarget(caller), input.filing),
    'returns.closeCounter': (input, caller) => auth.closeCounter(caller.sessionId, input.password),
    'returns.review': (input, caller) =>
      returns.review(signedIn(caller), input.id, input.baseVersion, input.decision, input.reasons),
    'returns.defaulterNotices': (input, caller) =>
      returns.defaulterNotices(signedIn(caller), input.officeId, input.fy),
    'returns.export': ({ format, ...filter }) => returns.export(filter, format),
    'returns.nonFunctionalCandidates': (input) => returns.nonFunctionalCandidates(input.officeId),
    'audits.register': ({ offset, limit, ...filter }) => audits.register(filter, { offset, limit }),
    'audits.counts': (input) => audits.counts(input),
    'audits.mine': (_input, caller) => audits.mine(signedIn(caller)),
    'audits.auditors': () => audits.auditors(),
    'audits.assign': (input, caller) => audits.assign(signedIn(caller), input),
    'audits.assignMatching': (input, caller) => audits.assignMatching(signedIn(caller), input),
    'audits.reassign': (input, caller) =>
      audits.reassign(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.auditorId,
        input.auditorKind,
      ),
    'audits.get': (input) => audits.get(input.id),
    'audits.ofSociety': (input) => audits.ofSociety(input.societyId),
    'audits.saveReport': (input, caller) =>
      audits.saveReport(signedIn(caller), input.id, input.baseVersion, input.report),
    'audits.addObservation': (input, caller) =>
      audits.addObservation(signedIn(caller), input.auditId, input.observation),
    'audits.reviseObservation': (input, caller) =>
      audits.reviseObservation(signedIn(caller), input.observationId, input.observation),
    'audits.submit': (input, caller) =>
      audits.submit(signedIn(caller), input.id, input.baseVersion),
    'audits.review': (input, caller) =>
      audits.review(signedIn(caller), input.id, input.baseVersion, input.decision, input.remarks),
    'audits.followUp': (input, caller) => audits.followUp(signedIn(caller), input),
    'audits.overdueDefects': (input) => audits.overdueDefects(input.officeId),
    'audits.setFee': (input, caller) =>
      audits.setFee(signedIn(caller), input.id, input.baseVersion, input.feePaise, input.reason),
    'audits.receiveFee': (input, caller) => audits.receiveFee(signedIn(caller), input),
    'audits.grades': (input) => audits.grades(input.fy, input.officeId),
    'audits.rubrics': () => audits.rubrics(),
    'audits.saveRubric': (input, caller) => audits.saveRubric(signedIn(caller), input),
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.enrol': (input) => sync.enrol(input.serverUrl, input.code, input.label),
    'sync.issues': () => sync.issues(),
    'sync.exportPending': () => sync.exportPending(),
    'sync.resolve': (input, caller) =>
      sync.resolve(actorFor(signedIn(caller)), input.issueId, input.choice),
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

/** The caller of a role-restricted request: dispatch has already refused anyone not signed in. */
function signedIn(caller: Caller): SessionUser {
  if (!caller.user) throw new AppError('unauthenticated', 'Sign in first.');
  return caller.user;
}

/** The verifier's answer in the contract's words (the QR's short claim keys spelled out). */
function verificationOutput(result: VerificationResult): Verification {
  if (result.status === 'unreadable')
    return { status: 'unreadable', claims: null, revokedReason: null, voidReason: null };
  const claims = result.claims
    ? {
        serial: result.claims.s,
        kind:
          result.claims.t === 'A'
            ? ('audit' as const)
            : result.claims.t === 'D'
              ? ('duplicate' as const)
              : ('registration' as const),
        officeCode: result.claims.o,
        regNo: result.claims.n,
        societyName: result.claims.m,
        registeredOn: result.claims.d,
        issuedOn: result.claims.i,
        keyId: result.claims.k,
        auditFy: result.claims.y ?? null,
        grade: result.claims.g ?? null,
      }
    : null;
  return {
    status: result.status,
    claims,
    revokedReason: 'revokedReason' in result ? result.revokedReason : null,
    voidReason: 'voidReason' in result ? result.voidReason : null,
  };
}

/** How many migrations this database has had: the schema version sync requests carry. */
function appliedMigrations(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number })
    .n;
}
