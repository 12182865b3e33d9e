import { financialYearOf } from '#shared/domain/dates';
import { financialYearBounds, previousFinancialYear } from '#shared/returns/returns';
import type { Prepare } from '../db/statement-cache';
import { FUNCTIONING_SQL } from '../societies/yearly-register';
import type { ReturnRecords } from './return-records';

/** Societies whose missing returns make them candidates for a change of status. */
export class ReturnCandidates {
  constructor(
    private readonly prepare: Prepare,
    private readonly records: ReturnRecords,
  ) {}

  /**
   * Functioning societies that filed no return for either of the last two years whose
   * returns are overdue: candidates for non-functional status (domain.md §4).
   */
  nonFunctionalCandidates(officeId?: string): {
    years: string[];
    rows: {
      societyId: string;
      societyName: string;
      regNo: string;
      officeName: string;
      lastFiledFy: string | null;
      pendingOrder: boolean;
    }[];
  } {
    const today = this.records.today();
    let latest = previousFinancialYear(financialYearOf(today));
    if (this.records.dueOn(latest) >= today) latest = previousFinancialYear(latest);
    const years = [previousFinancialYear(latest), latest];
    const rows = this.prepare(
      `SELECT s.id AS societyId, s.name AS societyName, s.reg_no AS regNo, o.short_name AS officeName,
              (SELECT max(fy) FROM annual_returns r WHERE r.society_id = s.id AND r.state IN ('filed', 'accepted')
                 AND r.deleted_at IS NULL) AS lastFiledFy,
              EXISTS (SELECT 1 FROM status_orders so WHERE so.society_id = s.id AND so.state = 'proposed'
                 AND so.deleted_at IS NULL) AS pendingOrder
       FROM societies s JOIN offices o ON o.id = s.office_id
       WHERE s.deleted_at IS NULL AND s.status IN (${FUNCTIONING_SQL}) AND s.registered_on <= @olderEnd
         ${officeId ? 'AND s.office_id = @officeId' : ''}
         AND NOT EXISTS (SELECT 1 FROM annual_returns r WHERE r.society_id = s.id AND r.fy IN (@older, @newer)
                         AND r.state IN ('filed', 'accepted') AND r.deleted_at IS NULL)
       ORDER BY s.sort_key LIMIT 2000`,
    ).all({
      older: years[0],
      newer: years[1],
      olderEnd: financialYearBounds(years[0]!).end,
      ...(officeId ? { officeId } : {}),
    }) as {
      societyId: string;
      societyName: string;
      regNo: string;
      officeName: string;
      lastFiledFy: string | null;
      pendingOrder: number;
    }[];
    return {
      years,
      rows: rows.map((row) => ({ ...row, pendingOrder: Boolean(row.pendingOrder) })),
    };
  }
}
