import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { districts, offices, societyTypes, villages } from './reference';

/** The master record of a society (domain.md §4 "Society register"). */
export const societies = sqliteTable(
  'societies',
  {
    ...syncedColumns(),
    name: text().notNull(),
    nameMizo: text(),
    /** As issued, opaque (legacy "760/49" or "RCS/AIZ/2024-25/0001"). */
    regNo: text().notNull(),
    /** Upper-cased, spaces removed: what uniqueness is checked on. */
    regNoKey: text().notNull(),
    registeredOn: text().notNull(),
    basis: text().notNull(),
    typeId: text()
      .notNull()
      .references(() => societyTypes.id),
    tier: text().notNull(),
    liability: text().notNull(),
    address: text().notNull(),
    districtId: text()
      .notNull()
      .references(() => districts.id),
    villageId: text().references(() => villages.id),
    officeId: text()
      .notNull()
      .references(() => offices.id),
    shareValuePaise: integer(),
    admissionFeePaise: integer(),
    authorisedCapitalPaise: integer(),
    financingBank: text(),
    federation: text(),
    status: text().notNull(),
    statusSince: text(),
    contactPerson: text(),
    phone: text(),
    email: text(),
    ncdId: text(),
    remarks: text(),
    /** Mizo alphabetical order of the name (mizoSortKey). */
    sortKey: text().notNull(),
    /** Stable integer key of this society's row in the full-text index (rowids may move on VACUUM). */
    searchRowid: integer().notNull(),
  },
  (t) => [
    uniqueIndex('societies_reg_no_key_uq')
      .on(t.regNoKey)
      .where(sql`${t.deletedAt} is null`),
    uniqueIndex('societies_search_rowid_uq').on(t.searchRowid),
    index('societies_sort_idx').on(t.sortKey),
    index('societies_district_idx').on(t.districtId, t.sortKey),
    index('societies_office_idx').on(t.officeId, t.sortKey),
    index('societies_type_idx').on(t.typeId, t.sortKey),
    index('societies_status_idx').on(t.status, t.sortKey),
    index('societies_registered_on_idx').on(t.registeredOn),
    // The societies of an office that owe annual returns: the returns register and its
    // counts read only this (covering: the join to the returns needs just the id).
    index('societies_owing_office_idx')
      .on(t.officeId, t.registeredOn, t.id)
      .where(sql`${t.deletedAt} is null and ${t.status} in ('registered', 'functional')`),
    check(
      'societies_status_ck',
      sql`${t.status} in ('registered', 'functional', 'non_functional', 'under_liquidation', 'deregistered', 'merged')`,
    ),
    check('societies_basis_ck', sql`${t.basis} in ('normal', 'deemed', 'legacy')`),
    check(
      'societies_money_ck',
      sql`coalesce(${t.shareValuePaise}, 0) >= 0 and coalesce(${t.admissionFeePaise}, 0) >= 0 and coalesce(${t.authorisedCapitalPaise}, 0) >= 0`,
    ),
  ],
);

/** Area of operation: one row per village, a child set whose adds and removes sync as rows. */
export const societyAreaVillages = sqliteTable(
  'society_area_villages',
  {
    ...syncedColumns(),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    villageId: text()
      .notNull()
      .references(() => villages.id),
  },
  (t) => [
    index('society_area_villages_society_idx').on(t.societyId),
    uniqueIndex('society_area_villages_uq')
      .on(t.societyId, t.villageId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** Dated status orders, append-only. */
export const societyStatusHistory = sqliteTable(
  'society_status_history',
  {
    ...syncedColumns(),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    status: text().notNull(),
    effectiveOn: text(),
    orderRef: text(),
    reason: text(),
    /** The approved status order behind this entry (status_orders.id); null for a status entered from paper. */
    orderId: text(),
  },
  (t) => [index('society_status_history_society_idx').on(t.societyId, t.createdAt)],
);

/** Names a society was known by before, append-only. */
export const societyNameHistory = sqliteTable(
  'society_name_history',
  {
    ...syncedColumns(),
    societyId: text()
      .notNull()
      .references(() => societies.id),
    name: text().notNull(),
    nameMizo: text(),
    usedUntil: text().notNull(),
    reason: text(),
  },
  (t) => [index('society_name_history_society_idx').on(t.societyId, t.createdAt)],
);

/**
 * Each society's registration number folded (regNoFold: case, separators and leading zeros
 * ignored), so a number entered again in another spelling is found by index among 2,50,000.
 * Kept on this computer only, like the full-text index: written beside every save, rebuilt
 * for what sync wrote; rowid = societies.search_rowid.
 */
export const societyNumberFolds = sqliteTable(
  'society_number_folds',
  {
    searchRowid: integer().primaryKey(),
    regNoFold: text().notNull(),
  },
  (t) => [index('society_number_folds_fold_idx').on(t.regNoFold)],
);
