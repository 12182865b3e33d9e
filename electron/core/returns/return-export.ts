import { returnStatus, type ReturnState } from '#shared/returns/returns';
import type { ReturnFilter } from '#shared/returns/contract';
import { columnOf } from '#shared/column-name';
import type { Prepare } from '../db/statement-cache';
import { safeFileName } from '../safe-file-name';
import { writeReturnsTable } from './export';
import { presentPrintout, type PrintoutFiles } from '../printouts';
import { SNAPSHOT_FIELDS, type ReturnRecords } from './return-records';
import type { ReturnRegister } from './return-register';

/** The returns register written out whole, for the office's own spreadsheets. */
export class ReturnExport {
  constructor(
    private readonly prepare: Prepare,
    private readonly records: ReturnRecords,
    private readonly register: ReturnRegister,
    private readonly files: PrintoutFiles,
  ) {}

  /** The register as filtered, every row, to CSV or Excel in the data folder's printouts. */
  async export(
    filter: ReturnFilter,
    format: 'csv' | 'xlsx',
  ): Promise<{ fileName: string; url: string | null; count: number }> {
    const query = this.register.registerQuery(filter);
    const dueOn = this.records.dueOn(filter.fy);
    const today = this.records.today();
    const records = query
      ? (this.prepare(
          `SELECT s.name AS societyName, s.reg_no AS regNo, o.short_name AS officeName, d.name AS districtName,
                  t.name AS typeName, r.state, r.ack_no AS ackNo, r.filed_on AS filedOn, r.days_late AS daysLate,
                  r.late_fee_paise AS lateFeePaise,
                  ${SNAPSHOT_FIELDS.map((field) => `r.${columnOf(field)} AS ${field}`).join(', ')}
           ${query.from}
           JOIN offices o ON o.id = s.office_id JOIN districts d ON d.id = s.district_id
           JOIN society_types t ON t.id = s.type_id
           ${query.where}
           ORDER BY s.sort_key`,
        ).all(query.params) as (Record<string, string | number | null> & {
          state: ReturnState | null;
        })[])
      : [];
    const rows = records.map(({ state, ...row }) => ({
      ...row,
      status: returnStatus(state, dueOn, today),
    }));
    const bytes = await writeReturnsTable(rows, format, {
      fy: filter.fy,
      snapshotFields: SNAPSHOT_FIELDS,
    });
    const fileName = safeFileName(`Returns-register-${filter.fy}-${today}.${format}`);
    return { ...(await presentPrintout(this.files, fileName, bytes)), count: rows.length };
  }
}
