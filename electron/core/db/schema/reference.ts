import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

// Reference data (domain.md §3). Ids are derived from the codes, so every device that
// seeds the same data gets the same ids and the rows sync without duplicates.

export const districts = sqliteTable(
  'districts',
  {
    ...syncedColumns(),
    code: text().notNull(),
    name: text().notNull(),
    lgdCode: text(),
  },
  (t) => [uniqueIndex('districts_code_uq').on(t.code)],
);

export const blocks = sqliteTable(
  'blocks',
  {
    ...syncedColumns(),
    districtId: text()
      .notNull()
      .references(() => districts.id),
    code: text().notNull(),
    name: text().notNull(),
    /** rd_block, adc (Autonomous District Council) or urban. */
    kind: text().notNull(),
    lgdCode: text(),
  },
  (t) => [uniqueIndex('blocks_code_uq').on(t.code), index('blocks_district_idx').on(t.districtId)],
);

export const villages = sqliteTable(
  'villages',
  {
    ...syncedColumns(),
    blockId: text()
      .notNull()
      .references(() => blocks.id),
    districtId: text()
      .notNull()
      .references(() => districts.id),
    code: text().notNull(),
    name: text().notNull(),
    /** village_council or local_council. */
    kind: text().notNull(),
    lgdCode: text(),
  },
  (t) => [
    uniqueIndex('villages_code_uq').on(t.code),
    index('villages_district_idx').on(t.districtId),
    index('villages_block_idx').on(t.blockId),
  ],
);

export const offices = sqliteTable(
  'offices',
  {
    ...syncedColumns(),
    code: text().notNull(),
    name: text().notNull(),
    shortName: text().notNull(),
    address: text().notNull(),
    /** state or district. */
    level: text().notNull(),
  },
  (t) => [uniqueIndex('offices_code_uq').on(t.code)],
);

/**
 * Which office covers what: a whole district (villageId null) or one village of a district
 * the office shares with another (the Champhai office covers part of Saitual).
 */
export const officeJurisdictions = sqliteTable(
  'office_jurisdictions',
  {
    ...syncedColumns(),
    officeId: text()
      .notNull()
      .references(() => offices.id),
    districtId: text()
      .notNull()
      .references(() => districts.id),
    villageId: text().references(() => villages.id),
  },
  (t) => [
    index('office_jurisdictions_office_idx').on(t.officeId),
    index('office_jurisdictions_district_idx').on(t.districtId, t.villageId),
  ],
);

export const sectors = sqliteTable(
  'sectors',
  {
    ...syncedColumns(),
    code: text().notNull(),
    name: text().notNull(),
  },
  (t) => [uniqueIndex('sectors_code_uq').on(t.code)],
);

export const societyTypes = sqliteTable(
  'society_types',
  {
    ...syncedColumns(),
    code: text().notNull(),
    name: text().notNull(),
    sectorId: text()
      .notNull()
      .references(() => sectors.id),
    tier: text().notNull(),
    credit: integer({ mode: 'boolean' }).notNull(),
    minPromoters: integer().notNull(),
    /** JSON array of { code, label }: the type's own scrutiny items besides the common ones. */
    scrutinyItems: text().notNull().default('[]'),
  },
  (t) => [
    uniqueIndex('society_types_code_uq').on(t.code),
    index('society_types_sector_idx').on(t.sectorId),
    check('society_types_tier_ck', sql`${t.tier} in ('primary', 'central', 'apex')`),
  ],
);

/** Every statutory number, with the date it takes effect and its legal source (domain.md §3). */
export const ruleParameters = sqliteTable(
  'rule_parameters',
  {
    ...syncedColumns(),
    key: text().notNull(),
    /** '' for all, or what it is limited to (a society type code). */
    scope: text().notNull().default(''),
    value: text().notNull(),
    effectiveFrom: text().notNull(),
    legalReference: text().notNull(),
    note: text(),
  },
  (t) => [uniqueIndex('rule_parameters_key_uq').on(t.key, t.scope, t.effectiveFrom)],
);

/**
 * The state emblem and the department's logo the administrator set for every printed
 * document (issue 20). Append-only: setting or removing one adds a row (a removal has no
 * content), and the latest row of a kind stands. A fresh row per change keeps the image out
 * of the change's arguments, so a push carries its bytes once, and the rows sync to every
 * office with the rest of the reference data.
 */
export const referenceImages = sqliteTable(
  'reference_images',
  {
    ...syncedColumns(),
    /** `state_emblem` or `department_logo`. */
    kind: text().notNull(),
    /** `image/png` or `image/jpeg`; null when the row removes the image. */
    mimeType: text(),
    /** The file, base64; null when the row removes the image. */
    content: text(),
    sha256: text(),
    size: integer(),
    width: integer(),
    height: integer(),
  },
  (t) => [
    index('reference_images_kind_idx').on(t.kind, t.createdAt),
    check('reference_images_kind_ck', sql`${t.kind} in ('state_emblem', 'department_logo')`),
  ],
);
