import { returnStatus, type ReturnState, type ReturnStatus } from '#shared/returns/returns';
import type { ReturnFilter, ReturnRegisterRow } from '#shared/returns/contract';
import type { Prepare } from '../db/statement-cache';
import { yearlyRegisterScope } from '../societies/yearly-register';
import type { ReturnRecords } from './return-records';

/** FROM and WHERE of the register, with the FROM each kind of query should walk. */
export interface RegisterQuery {
  from: string;
  pageFrom: string;
  countFrom: string;
  where: string;
  params: Record<string, unknown>;
}

/**
 * The returns register of a year: who owes, filed and had accepted the return, a page at a
 * time, and how many are in each status. Its query also picks the defaulters and the rows
 * of the export.
 */
export class ReturnRegister {
  constructor(
    private readonly prepare: Prepare,
    private readonly records: ReturnRecords,
  ) {}

  /** A page of the register as filtered, in name order, with the total it is a page of. */
  register(
    filter: ReturnFilter,
    page: { offset: number; limit: number },
  ): { rows: ReturnRegisterRow[]; total: number } {
    const query = this.registerQuery(filter);
    if (!query) return { rows: [], total: 0 };
    const total = (
      this.prepare(`SELECT count(*) AS n ${query.countFrom} ${query.where}`).get(query.params) as {
        n: number;
      }
    ).n;
    const records = this.prepare(
      `SELECT s.id AS societyId, s.name AS societyName, s.reg_no AS regNo, o.short_name AS officeName,
              d.name AS districtName, t.name AS typeName, r.state, r.ack_no AS ackNo, r.filed_on AS filedOn,
              r.days_late AS daysLate,
              (SELECT count(*) FROM return_notices n WHERE n.society_id = s.id AND n.fy = @fy) AS notices
       ${query.pageFrom}
       JOIN offices o ON o.id = s.office_id JOIN districts d ON d.id = s.district_id
       JOIN society_types t ON t.id = s.type_id
       ${query.where}
       ORDER BY s.sort_key LIMIT @limit OFFSET @offset`,
    ).all({ ...query.params, ...page }) as (Omit<ReturnRegisterRow, 'status'> & {
      state: ReturnState | null;
    })[];
    const dueOn = this.records.dueOn(filter.fy);
    const today = this.records.today();
    return {
      rows: records.map(({ state, ...row }) => ({
        ...row,
        status: returnStatus(state, dueOn, today),
      })),
      total,
    };
  }

  /** How many societies' returns of the year are in each status, for the filter. */
  counts(filter: Omit<ReturnFilter, 'status'>): Record<ReturnStatus, number> & { dueOn: string } {
    const dueOn = this.records.dueOn(filter.fy);
    const query = this.registerQuery(filter);
    const counts = this.prepare(
      `SELECT count(*) AS total, coalesce(sum(r.state = 'filed'), 0) AS filed,
              coalesce(sum(r.state = 'sent_back'), 0) AS incomplete,
              coalesce(sum(r.state = 'accepted'), 0) AS accepted
       ${query!.countFrom} ${query!.where}`,
    ).get(query!.params) as { total: number; filed: number; incomplete: number; accepted: number };
    const missing = counts.total - counts.filed - counts.incomplete - counts.accepted;
    const late = this.records.today() > dueOn;
    return {
      dueOn,
      due: late ? 0 : missing,
      overdue: late ? missing : 0,
      filed: counts.filed,
      incomplete: counts.incomplete,
      accepted: counts.accepted,
    };
  }

  /**
   * FROM and WHERE of the register: functioning societies registered by the end of the
   * year, each with its return of the year if filed. Null when the status filter cannot
   * match (asking for "due" after the due date).
   */
  registerQuery(
    filter: Omit<ReturnFilter, 'status'> & { status?: ReturnStatus | undefined },
  ): RegisterQuery | null {
    const dueOn = this.records.dueOn(filter.fy);
    const { where, params, countHint, pageIndex } = yearlyRegisterScope(filter);
    const late = this.records.today() > dueOn;
    switch (filter.status) {
      case 'due':
      case 'overdue':
        if ((filter.status === 'overdue') !== late) return null;
        where.push('r.id IS NULL');
        break;
      case 'filed':
        where.push(`r.state = 'filed'`);
        break;
      case 'incomplete':
        where.push(`r.state = 'sent_back'`);
        break;
      case 'accepted':
        where.push(`r.state = 'accepted'`);
        break;
      case undefined:
        break;
    }
    const join =
      'LEFT JOIN annual_returns r ON r.society_id = s.id AND r.fy = @fy AND r.deleted_at IS NULL';
    return {
      from: `FROM societies s ${join}`,
      pageFrom: `FROM societies s INDEXED BY ${pageIndex} ${join}`,
      countFrom: `FROM societies s ${countHint} ${join}`,
      where: `WHERE ${where.join(' AND ')}`,
      params,
    };
  }
}
