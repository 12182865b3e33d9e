import {
  financialYearBounds,
  recentFinancialYears,
  returnStatus,
  type ReturnSnapshot,
  type ReturnState,
  type ReturnStatus,
} from '#shared/returns/returns';
import type { ReturnDetail } from '#shared/returns/contract';
import type { Prepare } from '../db/statement-cache';
import type { ReferenceService } from '../reference/reference-service';
import { SNAPSHOT_FIELDS, type FiledRecord, type ReturnRecords } from './return-records';

/** One return as the screens read it (the counter's form among them), and a society's returns. */
export class ReturnDetails {
  constructor(
    private readonly prepare: Prepare,
    private readonly reference: ReferenceService,
    private readonly records: ReturnRecords,
  ) {}

  /**
   * The society's return of `fy`: its status, what it would cost filed today, what was
   * filed and checked, and the notices sent for it.
   */
  get(societyId: string, fy: string): ReturnDetail {
    const society = this.records.society(societyId);
    const dueOn = this.records.dueOn(fy);
    const today = this.records.today();
    const filed = this.records.filed(societyId, fy);
    const office = this.reference.get().offices.find((o) => o.id === society.officeId);
    const fee = this.records.lateFeeOf(dueOn, today, fy);
    return {
      societyId,
      societyName: society.name,
      regNo: society.regNo,
      officeId: society.officeId,
      officeName: office?.shortName ?? '—',
      address: society.address,
      fy,
      dueOn,
      status: returnStatus(filed?.state ?? null, dueOn, today),
      lateIfFiledToday: { daysLate: fee.daysLate, feePaise: fee.feePaise },
      filed: filed ? filedDetail(filed) : null,
      notices: this.prepare(
        `SELECT letter_no AS letterNo, sent_on AS sentOn FROM return_notices
         WHERE society_id = ? AND fy = ? AND deleted_at IS NULL ORDER BY sent_on, letter_no`,
      ).all(societyId, fy) as { letterNo: string; sentOn: string }[],
    };
  }

  /** The society's returns of the last ten closed years since it was registered, newest first. */
  ofSociety(societyId: string): {
    fy: string;
    dueOn: string;
    status: ReturnStatus;
    ackNo: string | null;
    filedOn: string | null;
    daysLate: number | null;
  }[] {
    const society = this.records.society(societyId);
    const today = this.records.today();
    const filed = new Map(
      (
        this.prepare(
          `SELECT fy, state, ack_no AS ackNo, filed_on AS filedOn, days_late AS daysLate FROM annual_returns
           WHERE society_id = ? AND deleted_at IS NULL`,
        ).all(societyId) as {
          fy: string;
          state: ReturnState;
          ackNo: string;
          filedOn: string;
          daysLate: number;
        }[]
      ).map((row) => [row.fy, row]),
    );
    return recentFinancialYears(today, 10)
      .filter((fy) => financialYearBounds(fy).end >= society.registeredOn)
      .map((fy) => {
        const dueOn = this.records.dueOn(fy);
        const row = filed.get(fy);
        return {
          fy,
          dueOn,
          status: returnStatus(row?.state ?? null, dueOn, today),
          ackNo: row?.ackNo ?? null,
          filedOn: row?.filedOn ?? null,
          daysLate: row?.daysLate ?? null,
        };
      });
  }
}

/** The filed return in the contract's shape: booleans as booleans, the snapshot as one object. */
function filedDetail(r: FiledRecord): NonNullable<ReturnDetail['filed']> {
  return {
    id: r.id,
    version: r.version,
    state: r.state,
    ackNo: r.ackNo,
    filedOn: r.filedOn,
    daysLate: r.daysLate,
    lateFeePaise: r.lateFeePaise,
    counterClerkName: r.counterClerkName,
    declarantName: r.declarantName,
    declarantDesignation: r.declarantDesignation,
    items: {
      activitiesReport: r.activitiesReport,
      auditedAccounts: Boolean(r.auditedAccounts),
      surplusPlan: r.surplusPlan,
      byLawAmendments: r.byLawAmendments,
      agmOn: r.agmOn,
      electionsHeld: Boolean(r.electionsHeld),
      electionsOn: r.electionsOn,
    },
    snapshot: Object.fromEntries(
      SNAPSHOT_FIELDS.map((field) => [field, r[field]]),
    ) as unknown as ReturnSnapshot,
    reviewedByName: r.reviewedByName,
    reviewedAt: r.reviewedAt,
    reviewReasons: r.reviewReasons,
  };
}
