import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { districts, offices, societyTypes, villages } from './reference';
import { societies } from './societies';
import { users } from './users';

/**
 * An application to register a new society (domain.md §4 "Registration"). The clerk who
 * received it can never decide it: the database refuses that as well (maker ≠ checker).
 */
export const registrationApplications = sqliteTable(
  'registration_applications',
  {
    ...syncedColumns(),
    /** Printed on the acknowledgement slip: "ACK/AIZ/2026-27/0001". */
    ackNo: text().notNull(),
    proposedName: text().notNull(),
    proposedNameMizo: text(),
    typeId: text()
      .notNull()
      .references(() => societyTypes.id),
    officeId: text()
      .notNull()
      .references(() => offices.id),
    districtId: text()
      .notNull()
      .references(() => districts.id),
    villageId: text().references(() => villages.id),
    address: text().notNull(),
    /** JSON array of village ids: the proposed area of operation. */
    areaVillageIds: text().notNull(),
    receivedOn: text().notNull(),
    mode: text().notNull(),
    shareCapitalPaise: integer().notNull(),
    bankCertificateRef: text(),
    byLaws: text().notNull(),
    feeReceiptNo: text(),
    /** JSON object: scrutiny item code → true (in order) or false (wanting). */
    scrutiny: text().notNull().default('{}'),
    state: text().notNull().default('received'),
    receivedBy: text()
      .notNull()
      .references(() => users.id),
    decidedBy: text().references(() => users.id),
    decidedAt: text(),
    /** Reasons for a refusal, or the registrar's remarks on an approval. */
    decisionReasons: text(),
    /** The society the approval created. */
    societyId: text().references(() => societies.id),
    /**
     * Set by the state server when the society this office entered from the application was
     * refused as the same as one already registered (and `societyId` now names that one):
     * why, and the registration number given here, never used.
     */
    entryRefusedReason: text(),
    entryRefusedRegNo: text(),
  },
  (t) => [
    uniqueIndex('registration_applications_ack_uq').on(t.ackNo),
    index('registration_applications_office_state_idx').on(t.officeId, t.state),
    check(
      'registration_applications_state_ck',
      sql`${t.state} in ('received', 'under_scrutiny', 'deficient', 'approved', 'refused', 'deemed', 'withdrawn')`,
    ),
    check(
      'registration_applications_maker_checker_ck',
      sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.receivedBy}`,
    ),
  ],
);

/** The promoters who sign the application: a child set, rows of their own. */
export const applicationPromoters = sqliteTable(
  'application_promoters',
  {
    ...syncedColumns(),
    applicationId: text()
      .notNull()
      .references(() => registrationApplications.id),
    position: integer().notNull(),
    name: text().notNull(),
    relationName: text().notNull(),
    age: integer().notNull(),
    occupation: text().notNull(),
    address: text().notNull(),
    shares: integer().notNull(),
    amountPaidPaise: integer().notNull(),
    isChief: integer({ mode: 'boolean' }).notNull(),
  },
  (t) => [index('application_promoters_application_idx').on(t.applicationId, t.position)],
);

/** Deficiency letters: each stops the statutory clock from its date until the reply. */
export const deficiencyLetters = sqliteTable(
  'deficiency_letters',
  {
    ...syncedColumns(),
    applicationId: text()
      .notNull()
      .references(() => registrationApplications.id),
    issuedOn: text().notNull(),
    /** JSON array of { code, note }: what is missing or wrong. */
    items: text().notNull(),
    replyOn: text(),
    replyNote: text(),
  },
  (t) => [index('deficiency_letters_application_idx').on(t.applicationId, t.issuedOn)],
);

/**
 * Numbers this device may give, per series (`RCS/AIZ/2026-27`): a block at a time, so two
 * desktops of one office never give the same number (sync.md §6). Until sync exists the
 * device takes its blocks itself; the state server will hand them out. Never synced.
 */
export const numberBlocks = sqliteTable(
  'number_blocks',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    series: text().notNull(),
    /** First and last number of the block, inclusive. */
    first: integer().notNull(),
    last: integer().notNull(),
    /** Next number to give; last + 1 when the block is used up. */
    next: integer().notNull(),
    grantedBy: text().notNull(),
    grantedAt: text().notNull(),
    /** The state server's lease this block is (sync.md §6); null when this device granted it. */
    leaseId: text(),
  },
  (t) => [
    index('number_blocks_series_idx').on(t.series, t.first),
    uniqueIndex('number_blocks_lease_uq').on(t.leaseId),
  ],
);

/** Every number given, to what, and whether it was voided (never reused). Synced. */
export const numberAllocations = sqliteTable(
  'number_allocations',
  {
    ...syncedColumns(),
    series: text().notNull(),
    serial: integer().notNull(),
    /** The number as printed. */
    number: text().notNull(),
    /** What it was given to: an application, a society, a certificate. */
    purpose: text().notNull(),
    ownerId: text().notNull(),
    voidedAt: text(),
    voidReason: text(),
  },
  (t) => [
    uniqueIndex('number_allocations_uq').on(t.series, t.serial),
    // A number looked up as printed: whether it is provisional, and whether a certificate's
    // serial was kept as void by the state server (the certificate is then not valid).
    index('number_allocations_number_idx').on(t.number),
  ],
);

/**
 * A proposed name held for the promoters until its expiry (rule parameter
 * `registration.name_reservation_days`), so nobody else registers it meanwhile.
 */
export const nameReservations = sqliteTable(
  'name_reservations',
  {
    ...syncedColumns(),
    name: text().notNull(),
    /** The name folded for comparison (case, ṭ/t, generic words). */
    nameKey: text().notNull(),
    typeId: text()
      .notNull()
      .references(() => societyTypes.id),
    officeId: text()
      .notNull()
      .references(() => offices.id),
    applicantName: text().notNull(),
    reservedOn: text().notNull(),
    expiresOn: text().notNull(),
    /** The application that used the reservation. */
    applicationId: text().references(() => registrationApplications.id),
  },
  (t) => [index('name_reservations_key_idx').on(t.nameKey, t.expiresOn)],
);
