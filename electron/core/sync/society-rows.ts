/**
 * Which local rows belong to one society, worked out from the routes the server uses to
 * put rows in buckets (ROUTES, sync.md §7): a field laptop forgets a society's rows when
 * its assignment ends, so the rows it holds are the rows the server still gives it.
 */
import {
  ENTITY_TABLES,
  ROUTES,
  SYNC_TABLE_ORDER,
  type SyncEntity,
  type SyncTable,
} from '#shared/sync/entities';

/**
 * Per table, an SQL condition on its rows that holds for the rows of the society bound as
 * `@society`; tables whose rows never belong to one society (reference data, users) are
 * left out. Children come before their parents, the order in which they can be deleted.
 */
export function societyRowConditions(): ReadonlyMap<SyncTable, string> {
  const conditions = new Map<SyncTable, string>();
  for (const table of [...SYNC_TABLE_ORDER].reverse()) {
    const condition = conditionOf(table, new Set());
    const office = OFFICE_RECORDS[table];
    if (condition) conditions.set(table, office ? `(${condition}) AND NOT (${office})` : condition);
  }
  return conditions;
}

/**
 * Rows that point at a society but are the office's own record, not part of the society's
 * file: a number kept as void records that a number of the office's series was never used
 * (given to an entry the state server refused, or replaced), wherever the society goes.
 */
const OFFICE_RECORDS: Partial<Record<SyncTable, string>> = {
  number_allocations: 'voided_at IS NOT NULL',
};

function conditionOf(table: SyncTable, visiting: Set<SyncTable>): string | null {
  if (table === 'societies') return 'id = @society';
  const steps = ROUTES[table];
  if (!steps || visiting.has(table)) return null;
  const inner = new Set(visiting).add(table);
  const parts: string[] = [];
  const rowsOf = (parent: SyncTable) => {
    const condition = conditionOf(parent, inner);
    return condition ? `SELECT id FROM ${parent} WHERE ${condition}` : null;
  };
  for (const step of steps) {
    if (step.kind === 'column') {
      if (step.societyColumn) parts.push(`${step.societyColumn} = @society`);
    } else if (step.kind === 'parent') {
      const parentRows = rowsOf(step.table);
      if (parentRows) parts.push(`${step.column} IN (${parentRows})`);
    } else {
      // A document belongs to whatever record owns it.
      for (const [entity, owner] of Object.entries(ENTITY_TABLES) as [SyncEntity, SyncTable][]) {
        const ownerRows = owner === table ? null : rowsOf(owner);
        if (ownerRows) {
          parts.push(`(${step.entityColumn} = '${entity}' AND ${step.idColumn} IN (${ownerRows}))`);
        }
      }
    }
  }
  return parts.length > 0 ? parts.map((part) => `(${part})`).join(' OR ') : null;
}
