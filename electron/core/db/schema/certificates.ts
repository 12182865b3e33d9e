import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { offices } from './reference';
import { societies } from './societies';

/**
 * The certificate register: every certificate issued, with exactly what was signed, so a
 * reprint is byte-identical and a verifier can tell valid from altered or revoked.
 */
export const certificates = sqliteTable(
  'certificates',
  {
    ...syncedColumns(),
    serial: text().notNull(),
    kind: text().notNull(),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    officeId: text()
      .notNull()
      .references(() => offices.id),
    issuedOn: text().notNull(),
    /** JSON: everything printed on the certificate (CertificateDocument minus the QR). */
    document: text().notNull(),
    /** The signed payload (base64url JSON) and its Ed25519 signature (base64url). */
    payload: text().notNull(),
    signature: text().notNull(),
    keyId: text().notNull(),
    /** For a duplicate: the serial of the certificate it replaces. */
    duplicateOf: text(),
    revokedAt: text(),
    revokedReason: text(),
  },
  (t) => [
    uniqueIndex('certificates_serial_uq').on(t.serial),
    index('certificates_society_idx').on(t.societyId, t.issuedOn),
    check('certificates_kind_ck', sql`${t.kind} in ('registration', 'duplicate', 'audit')`),
  ],
);

/**
 * Offices' public signing keys, listed for the verifier. The private key never enters the
 * database: it lives in the data folder, protected by the host (sync will publish the
 * public half to the state server).
 */
export const officeKeys = sqliteTable('office_keys', {
  keyId: text().primaryKey(),
  officeId: text()
    .notNull()
    .references(() => offices.id),
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: text().notNull(),
  createdAt: text().notNull(),
  retiredAt: text(),
});
