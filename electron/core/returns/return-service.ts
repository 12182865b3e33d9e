import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { financialYearOf, formatDate, indiaDate } from '#shared/domain/dates';
import {
  financialYearBounds,
  functioningStatuses,
  lateFee,
  previousFinancialYear,
  recentFinancialYears,
  returnDueOn,
  returnStatus,
  snapshotAmountFields,
  snapshotCountFields,
  type ReturnFiling,
  type ReturnSnapshot,
  type ReturnState,
  type ReturnStatus,
} from '#shared/returns/returns';
import { AppError } from '#shared/errors';
import type { ReturnDetail, ReturnFilter, ReturnRegisterRow } from '#shared/returns/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Sqlite } from '../db/open-database';
import { columnOf } from '#shared/column-name';
import { personNameSql } from '../db/person-name';
import { statementCache, type Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { Clock, HostPort } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import { officeNumbering, type NumberAllocator } from '../registration/number-allocator';
import { safeFileName } from '../safe-file-name';
import { FUNCTIONING_SQL, yearlyRegisterScope } from '../societies/yearly-register';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import { writeReturnsTable } from './export';
import { renderDefaulterNotices, type DefaulterNotice } from './notice-pdf';

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
const SNAPSHOT_FIELDS = [...snapshotCountFields, ...snapshotAmountFields] as const;

interface SocietyRecord {
  id: string;
  name: string;
  regNo: string;
  officeId: string;
  address: string;
  status: string;
  registeredOn: string;
}

/** A filed return as read from the database (booleans as 0/1). */
type FiledRecord = {
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
 * Annual returns (issue #5): the register of who owes, filed and had accepted the return
 * of a year; filing at the counter by the society's secretary; the clerk's check; notices
 * to defaulters; and the candidates for non-functional status.
 */
export class ReturnService {
  private readonly prepare: Prepare;

  constructor(
    sqlite: Sqlite,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly numbers: NumberAllocator,
    private readonly clock: Clock,
    private readonly files: {
      fontsDir: string;
      printoutsDir: string;
      host: Pick<HostPort, 'presentFile'>;
    },
  ) {
    this.prepare = statementCache(sqlite);
  }

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

  // ── the register ─────────────────────────────────────────────────────────────────────

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
    const dueOn = this.dueOn(filter.fy);
    const today = this.today();
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
    const dueOn = this.dueOn(filter.fy);
    const query = this.registerQuery(filter);
    const counts = this.prepare(
      `SELECT count(*) AS total, coalesce(sum(r.state = 'filed'), 0) AS filed,
              coalesce(sum(r.state = 'sent_back'), 0) AS incomplete,
              coalesce(sum(r.state = 'accepted'), 0) AS accepted
       ${query!.countFrom} ${query!.where}`,
    ).get(query!.params) as { total: number; filed: number; incomplete: number; accepted: number };
    const missing = counts.total - counts.filed - counts.incomplete - counts.accepted;
    const late = this.today() > dueOn;
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
  private registerQuery(
    filter: Omit<ReturnFilter, 'status'> & { status?: ReturnStatus | undefined },
  ): {
    from: string;
    pageFrom: string;
    countFrom: string;
    where: string;
    params: Record<string, unknown>;
  } | null {
    const dueOn = this.dueOn(filter.fy);
    const { where, params, countHint, pageIndex } = yearlyRegisterScope(filter);
    const late = this.today() > dueOn;
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

  // ── one return ───────────────────────────────────────────────────────────────────────

  get(societyId: string, fy: string): ReturnDetail {
    const society = this.society(societyId);
    const dueOn = this.dueOn(fy);
    const today = this.today();
    const filed = this.filed(societyId, fy);
    const office = this.reference.get().offices.find((o) => o.id === society.officeId);
    const fee = this.lateFeeOf(dueOn, today, fy);
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
      filed: filed ? this.filedDetail(filed) : null,
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
    const society = this.society(societyId);
    const today = this.today();
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
        const dueOn = this.dueOn(fy);
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

  /**
   * Checks that the return of `fy` can be filed now for this society, by this user: it
   * owes one, the year has closed, and it is not already filed and waiting or accepted.
   */
  assertCanFile(user: SessionUser, societyId: string, fy: string): void {
    const society = this.society(societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'take returns of this society');
    const { end } = financialYearBounds(fy);
    if (!functioningStatuses.includes(society.status as (typeof functioningStatuses)[number])) {
      throw new AppError(
        'conflict',
        `${society.name} is ${society.status.replace('_', ' ')}; it owes no return.`,
      );
    }
    if (society.registeredOn > end) {
      throw new AppError('conflict', `${society.name} was registered after ${fy} closed.`);
    }
    if (this.today() <= end) {
      throw new AppError(
        'conflict',
        `The year ${fy} closes on ${formatDate(end)}; its return can be filed after that.`,
      );
    }
    this.dueOn(fy);
    const filed = this.filed(societyId, fy);
    if (filed?.state === 'accepted') {
      throw new AppError('conflict', `The return of ${fy} was accepted; it is closed.`);
    }
    if (filed?.state === 'filed') {
      throw new AppError(
        'conflict',
        `The return of ${fy} is filed and waiting for the clerk’s check. Accept it or send it back first.`,
      );
    }
  }

  /**
   * The secretary files the return at the counter (or files it again after it was sent
   * back). The acknowledgement number is given at the first filing; lateness and the late
   * fee are counted from the day of filing.
   */
  file(
    user: SessionUser,
    target: { societyId: string; fy: string },
    filing: ReturnFiling,
  ): ReturnDetail {
    this.assertCanFile(user, target.societyId, target.fy);
    const today = this.today();
    const errors: Record<string, string> = {};
    if (filing.items.agmOn && filing.items.agmOn > today)
      errors['items.agmOn'] = 'The date of the annual general meeting cannot be in the future.';
    if (filing.items.electionsOn && filing.items.electionsOn > today)
      errors['items.electionsOn'] = 'The date of the elections cannot be in the future.';
    if (Object.keys(errors).length > 0)
      throw new AppError('invalid_input', Object.values(errors).join(' '), errors);

    const society = this.society(target.societyId);
    const dueOn = this.dueOn(target.fy);
    const fee = this.lateFeeOf(dueOn, today, target.fy);
    const office = this.reference.get().offices.find((o) => o.id === society.officeId)!;
    this.writer.run(actorFor(user), (tx) => {
      const before = this.filed(target.societyId, target.fy);
      const fields: Record<string, unknown> = {
        state: 'filed',
        filedOn: today,
        dueOn,
        daysLate: fee.daysLate,
        lateFeePaise: fee.feePaise,
        counterClerk: user.id,
        declarantName: filing.declarantName,
        declarantDesignation: filing.declarantDesignation,
        ...filing.items,
        auditedAccounts: filing.items.auditedAccounts ? 1 : 0,
        electionsHeld: filing.items.electionsHeld ? 1 : 0,
        ...filing.snapshot,
        reviewedBy: null,
        reviewedAt: null,
        reviewReasons: null,
      };
      const columns = Object.keys(fields);
      if (before) {
        this.prepare(
          `UPDATE annual_returns SET ${columns.map((c) => `${columnOf(c)} = @${c}`).join(', ')},
             version = version + 1, updated_at = @now, updated_by = @by WHERE id = @id`,
        ).run({ ...fields, now: tx.now, by: user.id, id: before.id });
        tx.record({
          name: 'return.refile',
          entity: 'annual_return',
          entityId: before.id,
          subjectId: target.societyId,
          args: {
            ...fields,
            auditedAccounts: filing.items.auditedAccounts,
            electionsHeld: filing.items.electionsHeld,
          },
          baseVersion: before.version,
          base: { state: before.state },
        });
        return;
      }
      const id = tx.newId();
      const { number: ackNo } = this.numbers.allocate(
        tx,
        officeNumbering('returnAcknowledgement', office.code, target.fy),
        'return_acknowledgement',
        id,
      );
      const row = { ...fields, id, societyId: target.societyId, fy: target.fy, ackNo };
      const all = Object.keys(row);
      this.prepare(
        `INSERT INTO annual_returns (created_at, created_by, updated_at, updated_by, ${all.map(columnOf).join(', ')})
         VALUES (@now, @by, @now, @by, ${all.map((c) => `@${c}`).join(', ')})`,
      ).run({ ...row, now: tx.now, by: user.id });
      tx.record({
        name: 'return.file',
        entity: 'annual_return',
        entityId: id,
        subjectId: target.societyId,
        args: {
          ...row,
          auditedAccounts: filing.items.auditedAccounts,
          electionsHeld: filing.items.electionsHeld,
        },
        baseVersion: null,
        base: null,
      });
    });
    return this.get(target.societyId, target.fy);
  }

  /** The clerk's check: accepted (the return is closed) or sent back with the reasons. */
  review(
    user: SessionUser,
    id: string,
    baseVersion: number,
    decision: 'accept' | 'send_back',
    reasons: string | null,
  ): ReturnDetail {
    const current = this.prepare(
      `SELECT r.id, r.version, r.state, r.society_id AS societyId, r.fy FROM annual_returns r
       WHERE r.id = ? AND r.deleted_at IS NULL`,
    ).get(id) as
      | { id: string; version: number; state: ReturnState; societyId: string; fy: string }
      | undefined;
    if (!current) throw new AppError('not_found', 'This return does not exist.');
    const society = this.society(current.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'check returns of this society');
    this.writer.run(actorFor(user), (tx) => {
      const now = this.prepare('SELECT version, state FROM annual_returns WHERE id = ?').get(
        id,
      ) as {
        version: number;
        state: ReturnState;
      };
      if (now.version !== baseVersion) {
        throw new AppError(
          'conflict',
          'Someone else changed this return after you opened it. Reload it.',
        );
      }
      if (now.state !== 'filed') {
        throw new AppError(
          'conflict',
          now.state === 'accepted'
            ? 'This return was already accepted; it is closed.'
            : 'This return was sent back; the secretary must file it again first.',
        );
      }
      const state = decision === 'accept' ? 'accepted' : 'sent_back';
      const fields = {
        state,
        reviewedBy: user.id,
        reviewedAt: tx.now,
        reviewReasons: decision === 'accept' ? (reasons === '' ? null : reasons) : reasons,
      };
      this.prepare(
        `UPDATE annual_returns SET state = @state, reviewed_by = @reviewedBy, reviewed_at = @reviewedAt,
           review_reasons = @reviewReasons, version = version + 1, updated_at = @reviewedAt, updated_by = @reviewedBy
         WHERE id = @id`,
      ).run({ ...fields, id });
      tx.record({
        name: decision === 'accept' ? 'return.accept' : 'return.sendBack',
        entity: 'annual_return',
        entityId: id,
        subjectId: current.societyId,
        args: fields,
        baseVersion,
        base: { state: 'filed', reviewedBy: null, reviewedAt: null, reviewReasons: null },
      });
    });
    return this.get(current.societyId, current.fy);
  }

  // ── defaulters ───────────────────────────────────────────────────────────────────────

  /**
   * A notice to every society of the office whose return of `fy` is overdue: one page each
   * in one PDF, each notice recorded as sent (an append-only fact).
   */
  async defaulterNotices(
    user: SessionUser,
    officeId: string,
    fy: string,
  ): Promise<{ fileName: string; url: string | null; count: number }> {
    assertJurisdiction(this.reference, user, officeId, 'send notices for this office');
    const office = this.reference.get().offices.find((o) => o.id === officeId);
    if (!office) throw new AppError('not_found', 'This office does not exist.');
    const dueOn = this.dueOn(fy);
    const today = this.today();
    if (today <= dueOn) {
      throw new AppError(
        'conflict',
        `Returns of ${fy} are due by ${formatDate(dueOn)}; no society is overdue yet.`,
      );
    }
    const query = this.registerQuery({ fy, officeId, status: 'overdue' })!;
    const overdue = this.prepare(
      `SELECT s.id, s.name, s.reg_no AS regNo, s.address ${query.from} ${query.where} ORDER BY s.sort_key`,
    ).all(query.params) as { id: string; name: string; regNo: string; address: string }[];
    if (overdue.length === 0) {
      throw new AppError('conflict', `No society of ${office.shortName} is overdue for ${fy}.`);
    }
    const fee = this.lateFeeOf(dueOn, today, fy);
    const notices: DefaulterNotice[] = [];
    this.writer.run(actorFor(user), (tx) => {
      const batchId = tx.newId();
      for (const society of overdue) {
        const id = tx.newId();
        const { number: letterNo } = this.numbers.allocate(
          tx,
          officeNumbering('returnNotice', office.code, financialYearOf(today)),
          'return_notice',
          id,
        );
        const row = { id, societyId: society.id, fy, letterNo, sentOn: today, batchId };
        this.prepare(
          `INSERT INTO return_notices (id, version, created_at, created_by, updated_at, updated_by, society_id, fy,
             letter_no, sent_on, batch_id)
           VALUES (@id, 1, @now, @by, @now, @by, @societyId, @fy, @letterNo, @sentOn, @batchId)`,
        ).run({ ...row, now: tx.now, by: user.id });
        tx.record({
          name: 'returnNotice.send',
          entity: 'return_notice',
          entityId: id,
          subjectId: society.id,
          args: row,
          baseVersion: null,
          base: null,
        });
        notices.push({
          letterNo,
          societyName: society.name,
          regNo: society.regNo,
          address: society.address,
        });
      }
    });
    const pdf = await renderDefaulterNotices(
      {
        stateName: this.reference.get().stateName,
        officeName: office.name,
        officeAddress: office.address,
        signedBy: user.fullName,
        fy,
        dueOn,
        sentOn: today,
        daysLate: fee.daysLate,
        feePaise: fee.feePaise,
        perMonthPaise: fee.perMonthPaise,
        maximumPaise: fee.maximumPaise,
        notices,
      },
      this.files.fontsDir,
    );
    const fileName = safeFileName(`Return-notices-${office.code}-${fy}-${today}.pdf`);
    return { ...(await this.present(fileName, pdf)), count: notices.length };
  }

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
    const today = this.today();
    let latest = previousFinancialYear(financialYearOf(today));
    if (this.dueOn(latest) >= today) latest = previousFinancialYear(latest);
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

  // ── export ───────────────────────────────────────────────────────────────────────────

  /** The register as filtered, every row, to CSV or Excel in the data folder's printouts. */
  async export(
    filter: ReturnFilter,
    format: 'csv' | 'xlsx',
  ): Promise<{ fileName: string; url: string | null; count: number }> {
    const query = this.registerQuery(filter);
    const dueOn = this.dueOn(filter.fy);
    const today = this.today();
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
    return { ...(await this.present(fileName, bytes)), count: rows.length };
  }

  // ── internals ────────────────────────────────────────────────────────────────────────

  private async present(
    fileName: string,
    bytes: Buffer,
  ): Promise<{ fileName: string; url: string | null }> {
    mkdirSync(this.files.printoutsDir, { recursive: true });
    const path = join(this.files.printoutsDir, fileName);
    writeFileSync(path, bytes);
    const { url } = await this.files.host.presentFile(path);
    return { fileName, url };
  }

  /**
   * The late fee of a return of `fy` filed on `filedOn`, by the rules in force when the year
   * closed: the figure filed, the notices' wording and the counter's warning all use it.
   */
  private lateFeeOf(dueOn: string, filedOn: string, fy: string) {
    const { end } = financialYearBounds(fy);
    const perMonthPaise = Number(this.reference.rule('returns.late_fee_per_month', end)) * 100;
    const maximumPaise = Number(this.reference.rule('returns.late_fee_max', end)) * 100;
    return { ...lateFee(dueOn, filedOn, perMonthPaise, maximumPaise), perMonthPaise, maximumPaise };
  }

  private filed(societyId: string, fy: string): FiledRecord | undefined {
    return this.prepare(
      `SELECT ${RETURN_COLUMNS} FROM annual_returns r
       WHERE r.society_id = ? AND r.fy = ? AND r.deleted_at IS NULL`,
    ).get(societyId, fy) as FiledRecord | undefined;
  }

  private filedDetail(r: FiledRecord): NonNullable<ReturnDetail['filed']> {
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

  private society(id: string): SocietyRecord {
    const society = this.prepare(
      `SELECT id, name, reg_no AS regNo, office_id AS officeId, address, status, registered_on AS registeredOn
       FROM societies WHERE id = ? AND deleted_at IS NULL`,
    ).get(id) as SocietyRecord | undefined;
    if (!society) throw new AppError('not_found', 'This society is not on the register.');
    return society;
  }

  private today(): string {
    return indiaDate(this.clock.now());
  }
}
