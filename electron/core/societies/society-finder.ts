import { foldForSearch } from '#shared/domain/mizo-text';
import { regNoKey } from '#shared/societies/society';
import type { SocietyFilter, SocietyRow, SocietySortField } from '#shared/societies/contract';
import type { Prepare } from '../db/statement-cache';

const ROW_SELECT = `
  SELECT s.id, s.name, s.name_mizo AS nameMizo, s.reg_no AS regNo, s.registered_on AS registeredOn,
         s.status, t.name AS typeName, sec.name AS sectorName, d.name AS districtName,
         o.short_name AS officeName, v.name AS place
  FROM societies s
  JOIN society_types t ON t.id = s.type_id
  JOIN sectors sec ON sec.id = t.sector_id
  JOIN districts d ON d.id = s.district_id
  JOIN offices o ON o.id = s.office_id
  LEFT JOIN villages v ON v.id = s.village_id`;

const SORT_SQL: Record<SocietySortField, (dir: string) => string> = {
  name: (dir) => `s.sort_key ${dir}, s.id ${dir}`,
  regNo: (dir) => `s.reg_no_key ${dir}, s.id ${dir}`,
  registeredOn: (dir) => `s.registered_on ${dir}, s.sort_key ${dir}`,
  district: (dir) => `d.name ${dir}, s.sort_key ${dir}`,
  type: (dir) => `t.name ${dir}, s.sort_key ${dir}`,
  status: (dir) => `s.status ${dir}, s.sort_key ${dir}`,
};

/** A search ranks at most this many matches (the first found), so broad searches stay fast. */
const BROAD_SEARCH_MATCHES = 2_000;

/** Finds societies on the register: the full-text search, and the register list page by page. */
export class SocietyFinder {
  constructor(private readonly prepare: Prepare) {}

  /**
   * Finds societies whose name, Mizo name, registration number or place has words starting
   * with every word typed. An exact registration number comes first.
   */
  search(query: string, limit: number, filter: SocietyFilter): SocietyRow[] {
    const tokens = foldForSearch(query).split(' ').filter(Boolean).slice(0, 10);
    if (tokens.length === 0) return [];
    // Every token is quoted: raw input such as `AND`, `"` or `*` would otherwise be FTS5 syntax.
    const match = tokens.map((token) => `"${token.replaceAll('"', '""')}"*`).join(' ');
    const where = filterSql(filter);
    const exact = this.prepare(
      `${ROW_SELECT} WHERE s.reg_no_key = ? AND s.deleted_at IS NULL${where.sql}`,
    ).all(regNoKey(query), ...where.params) as SocietyRow[];
    // Ranking every match costs ~1 µs each: fine for a few thousand, not for the 2,00,000
    // that "co" or "society" match in a big state. So the ranking looks at the first
    // BROAD_SEARCH_MATCHES matches only, which is all of them for any query that narrows
    // things down; only when a filter leaves too few of those is the whole set ranked.
    const ranked = (cap: string) =>
      this.prepare(
        `WITH candidates AS (
           SELECT rowid AS searchRowid, bm25(society_search, 10.0, 5.0, 2.0) AS rank
           FROM society_search WHERE society_search MATCH ?${cap})
         ${ROW_SELECT} JOIN candidates c ON c.searchRowid = s.search_rowid
         WHERE s.deleted_at IS NULL${where.sql}
         ORDER BY c.rank, s.sort_key LIMIT ?`,
      ).all(match, ...where.params, limit) as SocietyRow[];
    let hits = ranked(` LIMIT ${BROAD_SEARCH_MATCHES}`);
    if (hits.length < limit && where.params.length > 0) {
      const capped =
        (
          this.prepare(
            `SELECT count(*) AS n FROM (SELECT 1 FROM society_search WHERE society_search MATCH ? LIMIT ${BROAD_SEARCH_MATCHES})`,
          ).get(match) as { n: number }
        ).n >= BROAD_SEARCH_MATCHES;
      if (capped) hits = ranked('');
    }
    const seen = new Set(exact.map((row) => row.id));
    return [...exact, ...hits.filter((row) => !seen.has(row.id))].slice(0, limit);
  }

  /** One page of the register, filtered and sorted, with the total that matches. */
  list(
    filter: SocietyFilter,
    sort: { field: SocietySortField; direction: 'asc' | 'desc' },
    offset: number,
    limit: number,
  ): { rows: SocietyRow[]; total: number } {
    const where = filterSql(filter);
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const rows = this.prepare(
      `${ROW_SELECT} WHERE s.deleted_at IS NULL${where.sql} ORDER BY ${SORT_SQL[sort.field](direction)} LIMIT ? OFFSET ?`,
    ).all(...where.params, limit, offset) as SocietyRow[];
    const total = (
      this.prepare(
        `SELECT count(*) AS n FROM societies s WHERE s.deleted_at IS NULL${where.sql}`,
      ).get(...where.params) as {
        n: number;
      }
    ).n;
    return { rows, total };
  }
}

/** The filter as `AND …` terms on `s` (societies), with their parameters in order. */
function filterSql(filter: SocietyFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.districtId) {
    parts.push('s.district_id = ?');
    params.push(filter.districtId);
  }
  if (filter.officeId) {
    parts.push('s.office_id = ?');
    params.push(filter.officeId);
  }
  if (filter.typeId) {
    parts.push('s.type_id = ?');
    params.push(filter.typeId);
  }
  if (filter.sectorId) {
    parts.push('s.type_id IN (SELECT id FROM society_types WHERE sector_id = ?)');
    params.push(filter.sectorId);
  }
  if (filter.status) {
    parts.push('s.status = ?');
    params.push(filter.status);
  }
  return { sql: parts.map((part) => ` AND ${part}`).join(''), params };
}
