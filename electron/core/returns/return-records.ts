import { indiaDate } from '#shared/domain/dates';
import {
  financialYearBounds,
  lateFee,
  returnDueOn,
  snapshotAmountFields,
  snapshotCountFields,
  type ReturnState,
} from '#shared/returns/returns';
import { AppError } from '#shared/errors';
import { personNameSql } from '../db/person-name';
import type { Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';

/** Columns of a filed return, named as the contract's items and snapshot. */
const RETURN_COLUMNS = `r.id, r.version, r.state, r.ack_no AS ackNo, r.filed_on AS filedOn, r.days_late AS daysLate,
  r.late_fee_paise AS lateFeePaise, ${personNameSql('r.counter_clerk')} AS counterClerkName,
  r.declarant_name AS declarantName, r.declarant_designation AS declarantDesignation,
  r.activities_report AS activitiesReport, r.audited_accounts AS auditedAccounts, r.surplus_plan AS surplusPlan,
  r.by_law_amendments AS byLawAmendments, r.agm_on AS agmOn, r.elections_held AS electionsHeld,
  r.elections_on AS electionsOn, r.members_male AS membersMale, r.members_female AS membersFemale,
  r.members_other AS membersOther, r.members_total AS membersTotal, r.members_sc AS membersSc,
  r.members_st AS membersSt, r.members_obc AS membersObc, r.members_general AS membersGeneral,
  r.employees, r.paid_up_capital_paise AS paidUpCapitalPaise, r.government_share_paise AS governmentSharePaise,
  r.reserves_paise AS reservesPaise, r.deposits_paise AS depositsPaise, r.borrowings_paise AS borrowingsPaise,
  r.loans_outstanding_paise AS loansOutstandingPaise, r.turnover_paise AS turnoverPaise,
  r.profit_loss_paise AS profitLossPaise, r.total_assets_paise AS totalAssetsPaise,
  CASE WHEN r.reviewed_by IS NULL THEN NULL ELSE ${personNameSql('r.reviewed_by')} END AS reviewedByName,
  r.reviewed_at AS reviewedAt, r.review_reasons AS reviewReasons`;

/** The snapshot's fields, in the order of the contract (and of the export). */
export const SNAPSHOT_FIELDS = [...snapshotCountFields, ...snapshotAmountFields] as const;

/** The society a return is owed by, with what decides whether it owes one. */
export interface SocietyRecord {
  id: string;
  name: string;
  regNo: string;
  officeId: string;
  address: string;
  status: string;
  registeredOn: string;
}

/** A filed return as read from the database (booleans as 0/1). */
export type FiledRecord = {
  id: string;
  version: number;
  state: ReturnState;
  ackNo: string;
  filedOn: string;
  daysLate: number;
  lateFeePaise: number;
  counterClerkName: string;
  declarantName: string;
  declarantDesignation: string;
  activitiesReport: string;
  auditedAccounts: number;
  surplusPlan: string | null;
  byLawAmendments: string | null;
  agmOn: string | null;
  electionsHeld: number;
  electionsOn: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewReasons: string | null;
} & Record<(typeof SNAPSHOT_FIELDS)[number], number>;

/**
 * What every part of the returns reads the same way: today's date, the due date and late
 * fee of a year by the rules in force when it closed, the society and its filed return.
 */
export class ReturnRecords {
  constructor(
    private readonly prepare: Prepare,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
  ) {}

  /** The due date of the returns of `fy`, from the rule parameter in force when it closed. */
  dueOn(fy: string): string {
    const { end } = financialYearBounds(fy);
    try {
      return returnDueOn(fy, this.reference.rule('returns.due', end));
    } catch {
      throw new AppError(
        'invalid_input',
        `The rule parameters give no due date for the returns of ${fy}.`,
        { fy: `The rule parameters give no due date for the returns of ${fy}.` },
      );
    }
  }

  /**
   * The late fee of a return of `fy` filed on `filedOn`, by the rules in force when the year
   * closed: the figure filed, the notices' wording and the counter's warning all use it.
   */
  lateFeeOf(dueOn: string, filedOn: string, fy: string) {
    const { end } = financialYearBounds(fy);
    const perMonthPaise = Number(this.reference.rule('returns.late_fee_per_month', end)) * 100;
    const maximumPaise = Number(this.reference.rule('returns.late_fee_max', end)) * 100;
    return { ...lateFee(dueOn, filedOn, perMonthPaise, maximumPaise), perMonthPaise, maximumPaise };
  }

  /** The society's return of `fy`, if one was filed. */
  filed(societyId: string, fy: string): FiledRecord | undefined {
    return this.prepare(
      `SELECT ${RETURN_COLUMNS} FROM annual_returns r
       WHERE r.society_id = ? AND r.fy = ? AND r.deleted_at IS NULL`,
    ).get(societyId, fy) as FiledRecord | undefined;
  }

  /** The society; `not_found` when it is not on the register. */
  society(id: string): SocietyRecord {
    const society = this.prepare(
      `SELECT id, name, reg_no AS regNo, office_id AS officeId, address, status, registered_on AS registeredOn
       FROM societies WHERE id = ? AND deleted_at IS NULL`,
    ).get(id) as SocietyRecord | undefined;
    if (!society) throw new AppError('not_found', 'This society is not on the register.');
    return society;
  }

  /** Today in India, `YYYY-MM-DD`. */
  today(): string {
    return indiaDate(this.clock.now());
  }
}
