import type { ChangeEntry } from '#shared/changes/contract';
import type { Sqlite } from '../db/open-database';
import { personNameSql } from '../db/person-name';
import { statementCache, type Prepare } from '../db/statement-cache';

export interface ChangeFilter {
  userId?: string | undefined;
  entity?: string | undefined;
  officeId?: string | undefined;
  /** Inclusive calendar dates in India, `YYYY-MM-DD`. */
  from?: string | undefined;
  to?: string | undefined;
}

const SELECT = `
  SELECT a.seq, a.at, a.user_id AS userId, ${personNameSql('a.user_id')} AS userName, a.role,
         o.short_name AS officeName, a.device_id AS deviceId, a.action, a.entity, a.entity_id AS entityId,
         a.subject_id AS subjectId,
         coalesce((SELECT full_name FROM users WHERE id = a.subject_id),
                  (SELECT name FROM societies WHERE id = a.subject_id)) AS subjectName,
         a.changes
  FROM audit_trail a
  LEFT JOIN offices o ON o.id = a.office_id`;

/**
 * Reading the record of changes: a society's History tab and the administrator's list.
 * Names are joined at read time; the entries themselves hold only ids.
 */
export class ChangeLog {
  private readonly prepare: Prepare;

  constructor(private readonly sqlite: Sqlite) {
    // Preparing dominates the cost of a small query, so each SQL text is prepared once.
    this.prepare = statementCache(sqlite);
  }

  /** Every change filed under one record (a society with its area, status and name rows). */
  history(
    subjectId: string,
    offset: number,
    limit: number,
  ): { entries: ChangeEntry[]; total: number } {
    const total = (
      this.prepare('SELECT count(*) AS n FROM audit_trail WHERE subject_id = ?').get(subjectId) as {
        n: number;
      }
    ).n;
    const rows = this.prepare(
      `${SELECT} WHERE a.subject_id = ? ORDER BY a.seq DESC LIMIT ? OFFSET ?`,
    ).all(subjectId, limit, offset) as RawEntry[];
    return { entries: rows.map(toEntry), total };
  }

  list(
    filter: ChangeFilter,
    offset: number,
    limit: number,
  ): { entries: ChangeEntry[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId) {
      where.push('a.user_id = ?');
      params.push(filter.userId);
    }
    if (filter.entity) {
      where.push('a.entity = ?');
      params.push(filter.entity);
    }
    if (filter.officeId) {
      where.push('a.office_id = ?');
      params.push(filter.officeId);
    }
    // Stored instants are UTC; the filter's dates are Indian calendar days (UTC+05:30).
    if (filter.from) {
      where.push('a.at >= ?');
      params.push(new Date(`${filter.from}T00:00:00+05:30`).toISOString());
    }
    if (filter.to) {
      where.push('a.at < ?');
      params.push(
        new Date(new Date(`${filter.to}T00:00:00+05:30`).getTime() + 86_400_000).toISOString(),
      );
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.prepare(`SELECT count(*) AS n FROM audit_trail a ${clause}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = this.prepare(`${SELECT} ${clause} ORDER BY a.seq DESC LIMIT ? OFFSET ?`).all(
      ...params,
      limit,
      offset,
    ) as RawEntry[];
    return { entries: rows.map(toEntry), total };
  }
}

type RawEntry = Omit<ChangeEntry, 'changes'> & { changes: string };

function toEntry(row: RawEntry): ChangeEntry {
  return { ...row, changes: JSON.parse(row.changes) as ChangeEntry['changes'] };
}
