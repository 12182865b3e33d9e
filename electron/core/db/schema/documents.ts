import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/**
 * Documents attached to a record (a bank certificate, own bye-laws, a scanned order). The
 * file lives in the data folder under its SHA-256, written once and never overwritten;
 * this row says what it is and where it belongs.
 */
export const documents = sqliteTable(
  'documents',
  {
    ...syncedColumns(),
    sha256: text().notNull(),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    size: integer().notNull(),
    /** The record it belongs to: `registration_application`, `society`, … and its id. */
    ownerEntity: text().notNull(),
    ownerId: text().notNull(),
    /** What it is for: `bank_certificate`, `bye_laws`, `other`. */
    purpose: text().notNull(),
  },
  (t) => [index('documents_owner_idx').on(t.ownerId, t.createdAt)],
);
