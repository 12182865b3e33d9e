/**
 * What sync knows about each synced table (sync.md §4–§7), shared by the desktop and the
 * state server so both route, merge and apply a row the same way.
 */
import { mizoSortKey } from '../domain/mizo-text';
import { regNoKey } from '../societies/society';

/** A synced row on the wire: its columns by their database (snake_case) names. */
export type RowImage = Record<string, unknown>;

/**
 * The outbox's entity names (`tx.record({ entity })`) and the table each one lives in.
 * A mutation names one entity; the other rows its transaction wrote travel with it.
 */
export const ENTITY_TABLES = {
  society: 'societies',
  society_area_village: 'society_area_villages',
  society_status: 'society_status_history',
  society_name: 'society_name_history',
  user: 'users',
  user_password: 'user_passwords',
  status_order: 'status_orders',
  registration_application: 'registration_applications',
  application_promoter: 'application_promoters',
  deficiency_letter: 'deficiency_letters',
  number_allocation: 'number_allocations',
  certificate: 'certificates',
  name_reservation: 'name_reservations',
  annual_return: 'annual_returns',
  return_notice: 'return_notices',
  document: 'documents',
  audit_rubric: 'audit_rubrics',
  reference_image: 'reference_images',
  audit: 'audits',
  audit_observation: 'audit_observations',
  audit_defect_action: 'audit_defect_actions',
  audit_fee_receipt: 'audit_fee_receipts',
} as const;

export type SyncEntity = keyof typeof ENTITY_TABLES;

/**
 * Every table whose rows sync, in the order a fresh replica can insert them (parents
 * before children: the desktop's foreign keys hold at every step of a pull).
 */
export const SYNC_TABLE_ORDER = [
  'districts',
  'blocks',
  'villages',
  'offices',
  'office_jurisdictions',
  'sectors',
  'society_types',
  'rule_parameters',
  'audit_rubrics',
  'reference_images',
  'users',
  'user_passwords',
  'societies',
  'society_area_villages',
  'society_status_history',
  'society_name_history',
  'status_orders',
  'name_reservations',
  'registration_applications',
  'application_promoters',
  'deficiency_letters',
  'number_allocations',
  'certificates',
  'annual_returns',
  'return_notices',
  'audits',
  'audit_observations',
  'audit_defect_actions',
  'audit_fee_receipts',
  'documents',
] as const;

export type SyncTable = (typeof SYNC_TABLE_ORDER)[number];

const TABLE_RANK = new Map<string, number>(SYNC_TABLE_ORDER.map((table, index) => [table, index]));

/** Orders rows parents first (SYNC_TABLE_ORDER); a table that does not sync goes last. */
export function byTableOrder(a: { table: string }, b: { table: string }): number {
  return (TABLE_RANK.get(a.table) ?? Infinity) - (TABLE_RANK.get(b.table) ?? Infinity);
}

export function isSyncTable(name: string): name is SyncTable {
  return (SYNC_TABLE_ORDER as readonly string[]).includes(name);
}

/** Reference data: one bucket every device pulls. */
export const REFERENCE_TABLES: ReadonlySet<SyncTable> = new Set([
  'districts',
  'blocks',
  'villages',
  'offices',
  'office_jurisdictions',
  'sectors',
  'society_types',
  'rule_parameters',
  'audit_rubrics',
  'reference_images',
]);

/**
 * How the server finds the office and society a row belongs to (sync.md §7): a column of
 * the row itself, or the row it points at. The first that gives an answer wins.
 */
export type RouteStep =
  | {
      kind: 'column';
      officeColumn?: string;
      societyColumn?: string;
      /**
       * The row is one of the society's own records (a certificate, a status order), which
       * waits for its society to be on the server; an application only links to the
       * society it became, and stands on its own.
       */
      ofSociety?: true;
    }
  | { kind: 'parent'; column: string; table: SyncTable }
  | { kind: 'owner'; entityColumn: string; idColumn: string };

export const ROUTES: Partial<Record<SyncTable, readonly RouteStep[]>> = {
  societies: [{ kind: 'column', officeColumn: 'office_id', societyColumn: 'id' }],
  users: [{ kind: 'column', officeColumn: 'office_id' }],
  // A password goes to the computers of its user's office, so they sign in on any of them.
  user_passwords: [{ kind: 'parent', column: 'user_id', table: 'users' }],
  status_orders: [
    { kind: 'column', officeColumn: 'office_id', societyColumn: 'society_id', ofSociety: true },
  ],
  registration_applications: [
    { kind: 'column', officeColumn: 'office_id', societyColumn: 'society_id' },
  ],
  certificates: [
    { kind: 'column', officeColumn: 'office_id', societyColumn: 'society_id', ofSociety: true },
  ],
  name_reservations: [{ kind: 'column', officeColumn: 'office_id' }],
  society_area_villages: [{ kind: 'parent', column: 'society_id', table: 'societies' }],
  society_status_history: [{ kind: 'parent', column: 'society_id', table: 'societies' }],
  society_name_history: [{ kind: 'parent', column: 'society_id', table: 'societies' }],
  annual_returns: [{ kind: 'parent', column: 'society_id', table: 'societies' }],
  return_notices: [{ kind: 'parent', column: 'society_id', table: 'societies' }],
  audits: [{ kind: 'parent', column: 'society_id', table: 'societies' }],
  audit_observations: [{ kind: 'parent', column: 'society_id', table: 'societies' }],
  audit_fee_receipts: [{ kind: 'parent', column: 'audit_id', table: 'audits' }],
  audit_defect_actions: [{ kind: 'parent', column: 'observation_id', table: 'audit_observations' }],
  application_promoters: [
    { kind: 'parent', column: 'application_id', table: 'registration_applications' },
  ],
  deficiency_letters: [
    { kind: 'parent', column: 'application_id', table: 'registration_applications' },
  ],
  // A number goes where what it was given to goes.
  number_allocations: [
    { kind: 'parent', column: 'owner_id', table: 'registration_applications' },
    { kind: 'parent', column: 'owner_id', table: 'societies' },
    { kind: 'parent', column: 'owner_id', table: 'annual_returns' },
    { kind: 'parent', column: 'owner_id', table: 'return_notices' },
    { kind: 'parent', column: 'owner_id', table: 'audit_fee_receipts' },
  ],
  documents: [{ kind: 'owner', entityColumn: 'owner_entity', idColumn: 'owner_id' }],
};

/** Columns that stay on one device: the desktop's own full-text row key. */
export const LOCAL_COLUMNS: Partial<Record<SyncTable, readonly string[]>> = {
  societies: ['search_rowid'],
};

/**
 * How a patched field is reconciled when the server's row moved on since the device saw it
 * (sync.md §5). Fields not listed are legal: a differing edit on both sides is a conflict
 * for the registrar, never silently overwritten.
 */
export type FieldClass = 'soft' | 'legal' | 'workflow';

const SOFT_FIELDS = new Set([
  'phone',
  'email',
  'contact_person',
  'remarks',
  'note',
  // The latest password set stands, wherever it was set.
  'password_hash',
  'must_change',
  'changed_at',
]);
const WORKFLOW_FIELDS = new Set(['state', 'status', 'status_since', 'active']);

export function fieldClass(column: string): FieldClass {
  if (SOFT_FIELDS.has(column)) return 'soft';
  if (WORKFLOW_FIELDS.has(column)) return 'workflow';
  return 'legal';
}

/** Columns the server sets and every patch ignores. */
export const SERVER_OWNED_COLUMNS = new Set(['version', 'id']);

/** Columns worked out from others, recomputed wherever a row is merged. */
export function deriveColumns(table: SyncTable, row: RowImage): RowImage {
  if (table !== 'societies') return row;
  const derived = { ...row };
  if (typeof row['name'] === 'string') derived['sort_key'] = mizoSortKey(row['name']);
  if (typeof row['reg_no'] === 'string') derived['reg_no_key'] = regNoKey(row['reg_no']);
  return derived;
}
