/**
 * The state server's tables (sync.md §4). One schema and one set of migrations serve the
 * embedded PostgreSQL (PGlite) and a real PostgreSQL server.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** One-time enrolment codes an administrator hands to the person setting up a device. */
export const enrolmentCodes = pgTable('enrolment_codes', {
  codeHash: text().primaryKey(),
  officeId: text().notNull(),
  /** Set for an auditor's field laptop: the user whose assignments it gets. */
  userId: text(),
  label: text().notNull(),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  usedByDevice: text(),
});

/** Enrolled desktops and laptops. `lastAppliedSeq` orders each device's pushes. */
export const devices = pgTable('devices', {
  id: text().primaryKey(),
  label: text().notNull(),
  officeId: text().notNull(),
  /**
   * A field laptop's user (sync.md §7): it receives the societies assigned to them, not the
   * whole office, and changes only those. Null for an office desktop.
   */
  userId: text(),
  tokenHash: text().notNull(),
  installEpoch: text().notNull(),
  lastAppliedSeq: bigint({ mode: 'number' }).notNull().default(0),
  enrolledAt: at('enrolled_at').notNull(),
  lastSeenAt: at('last_seen_at'),
  appVersion: text(),
  revokedAt: at('revoked_at'),
  /** Set when the device's clock ran more than five minutes ahead (sync.md §2). */
  clockFlaggedAt: at('clock_flagged_at'),
  /** The device's audit-trail head, countersigned by the server at its last push. */
  checkpoint: jsonb(),
});

/** Every mutation ever received, verbatim, before anything is decided about it. */
export const mutationArchive = pgTable(
  'mutation_archive',
  {
    mutationId: text().primaryKey(),
    deviceId: text().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    receivedAt: at('received_at').notNull(),
    body: jsonb().notNull(),
  },
  (t) => [index('mutation_archive_device_idx').on(t.deviceId, t.seq)],
);

/** The verdict on each mutation; answers a retried push without applying it twice. */
export const processedMutations = pgTable(
  'processed_mutations',
  {
    mutationId: text().primaryKey(),
    deviceId: text().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    verdict: text().notNull(),
    reason: text(),
    conflictId: text(),
    processedAt: at('processed_at').notNull(),
  },
  (t) => [
    uniqueIndex('processed_mutations_device_seq_uq').on(t.deviceId, t.seq),
    // Held changes are read at every push (tried again, and what a device's later change
    // waits behind): a few rows among millions.
    index('processed_mutations_held_idx')
      .on(t.processedAt, t.seq)
      .where(sql`${t.verdict} = 'held'`),
  ],
);

/**
 * The register as the server holds it: the current image of every synced row, with the
 * keys that route it to devices and the server_seq of its last change (pull reads this,
 * in server_seq order, so a device gets each row's latest state once).
 */
export const syncRows = pgTable(
  'sync_rows',
  {
    tableName: text().notNull(),
    id: text().notNull(),
    version: integer().notNull(),
    serverSeq: bigint({ mode: 'number' }).notNull(),
    /** 'ref' for reference data, else null. */
    bucket: text(),
    officeId: text(),
    societyId: text(),
    data: jsonb().notNull(),
    /** The hybrid logical clock of the change that wrote it: later wins on soft fields. */
    hlc: text().notNull(),
    updatedAt: at('updated_at').notNull(),
    updatedByDevice: text(),
  },
  (t) => [
    primaryKey({ columns: [t.tableName, t.id] }),
    index('sync_rows_bucket_seq_idx').on(t.bucket, t.serverSeq),
    index('sync_rows_office_seq_idx').on(t.officeId, t.serverSeq),
    index('sync_rows_society_seq_idx').on(t.societyId, t.serverSeq),
    // The state-wide uniqueness check of registration numbers, and the verification page's
    // lookup of a certificate by its serial.
    index('sync_rows_reg_no_key_idx')
      .on(sql`(${t.data}->>'reg_no_key')`)
      .where(sql`${t.tableName} = 'societies'`),
    // Numbers given in a series: whether one is taken, and where a series' counter starts.
    index('sync_rows_number_series_idx')
      .on(sql`(${t.data}->>'series')`, sql`((${t.data}->>'serial')::int)`)
      .where(sql`${t.tableName} = 'number_allocations'`),
    // A field laptop's buckets: the societies whose audits are assigned to its user.
    index('sync_rows_audit_auditor_idx')
      .on(sql`(${t.data}->>'auditor_id')`)
      .where(sql`${t.tableName} = 'audits'`),
    index('sync_rows_certificate_serial_idx')
      .on(sql`(${t.data}->>'serial')`)
      .where(sql`${t.tableName} = 'certificates'`),
  ],
);

/** Every change in commit order: the history behind `sync_rows`. */
export const changeLog = pgTable(
  'change_log',
  {
    serverSeq: bigint({ mode: 'number' }).primaryKey(),
    tableName: text().notNull(),
    rowId: text().notNull(),
    version: integer().notNull(),
    officeId: text(),
    societyId: text(),
    deviceId: text(),
    mutationId: text(),
    data: jsonb().notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('change_log_row_idx').on(t.tableName, t.rowId)],
);

/**
 * A society leaving an office's bucket (it moved to another office): the office's
 * computers forget it when they pull past `serverSeq` (sync.md §7).
 */
export const syncDepartures = pgTable(
  'sync_departures',
  {
    serverSeq: bigint({ mode: 'number' }).primaryKey(),
    bucket: text().notNull(),
    societyId: text().notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('sync_departures_bucket_seq_idx').on(t.bucket, t.serverSeq)],
);

/**
 * Each society's village and distinctive name (`distinctiveName`, worked out in the app, so
 * not an expression index): a new society is compared with those of its village as one
 * lookup (sync.md §5, likely duplicates). Kept with every write of a society row.
 */
export const societyKeys = pgTable(
  'society_keys',
  {
    societyId: text().primaryKey(),
    villageId: text().notNull(),
    nameKey: text().notNull(),
  },
  (t) => [index('society_keys_village_name_idx').on(t.villageId, t.nameKey)],
);

/** Counters that must never go back (server_seq). Updated under the row lock. */
export const serverCounters = pgTable('server_counters', {
  name: text().primaryKey(),
  value: bigint({ mode: 'number' }).notNull(),
});

/** Conflicts, rejections and held mutations, kept for the registrar of the office. */
export const syncIssues = pgTable(
  'sync_issues',
  {
    id: text().primaryKey(),
    kind: text().notNull(),
    mutationId: text().notNull(),
    name: text().notNull(),
    tableName: text().notNull(),
    entityId: text().notNull(),
    fields: jsonb().notNull(),
    reason: text().notNull(),
    userId: text().notNull(),
    deviceId: text().notNull(),
    officeId: text(),
    madeAt: text().notNull(),
    theirsBy: text(),
    theirsAt: text(),
    /** The record the change was compared with (the registered society of a likely duplicate). */
    theirsId: text(),
    createdAt: at('created_at').notNull(),
    resolvedAt: at('resolved_at'),
    resolvedBy: text(),
    resolution: text(),
  },
  (t) => [
    index('sync_issues_office_idx')
      .on(t.officeId, t.createdAt)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

/**
 * Records a device created that the state server refused for good: a society the registrar
 * found to be the same as one registered, a held change set aside, and every record refused
 * with one of these. What points at them never waits for them: a number given to one is
 * kept as void, a record of one is refused with it, and a record that only links to a
 * society refused as the same one links to that one instead (`same_as_id`).
 */
export const refusedRecords = pgTable(
  'refused_records',
  {
    tableName: text().notNull(),
    id: text().notNull(),
    deviceId: text().notNull(),
    mutationId: text().notNull(),
    /** Why, in the words the device and the registrar see: said once, not nested. */
    reason: text().notNull(),
    sameAsId: text(),
    /**
     * The number the record carried: a certificate's serial (never used, so kept as void), a
     * society's registration number (told to the application it was registered from).
     */
    number: text(),
    refusedAt: at('refused_at').notNull(),
  },
  (t) => [
    // Per device, as they are looked up: a computer restored from a backup enrols again as a
    // new device holding the same records, and its own refusals must be kept too.
    primaryKey({ columns: [t.deviceId, t.id, t.tableName] }),
    index('refused_records_number_idx')
      .on(t.deviceId, t.number)
      .where(sql`${t.number} is not null`),
    // The public verification page's lookup of a refused certificate by its serial alone.
    index('refused_records_certificate_serial_idx')
      .on(t.number)
      .where(sql`${t.tableName} = 'certificates' and ${t.number} is not null`),
  ],
);

/** Blocks of registration numbers leased to devices (sync.md §6). */
export const numberLeases = pgTable(
  'number_leases',
  {
    id: text().primaryKey(),
    series: text().notNull(),
    first: integer().notNull(),
    last: integer().notNull(),
    deviceId: text().notNull(),
    leasedAt: at('leased_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('number_leases_series_first_uq').on(t.series, t.first),
    index('number_leases_device_idx').on(t.deviceId, t.series),
  ],
);

/** What happened on the server, for the administrator: enrolments, revocations, imports. */
export const serverAudit = pgTable('server_audit', {
  id: text().primaryKey(),
  at: at('at').notNull(),
  action: text().notNull(),
  deviceId: text(),
  detail: jsonb().notNull(),
});

/**
 * Offices' public signing keys, as the devices that made them pushed them: the
 * verification page checks certificates against these, and every device pulls them so it
 * verifies certificates printed elsewhere.
 */
export const officeKeys = pgTable('office_keys', {
  keyId: text().primaryKey(),
  officeId: text().notNull(),
  publicKey: text().notNull(),
  createdAt: text().notNull(),
  retiredAt: text(),
  fromDevice: text().notNull(),
});
