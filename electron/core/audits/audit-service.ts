import { addDays, daysBetween, financialYearOf, indiaDate } from '#shared/domain/dates';
import {
  addMonths,
  auditDueOn,
  auditFee,
  defectStatus,
  defectVerifierRoles,
  editableAuditStates,
  gradeOf,
  marksProblem,
  statementHeadsFor,
  statementTotals,
  type AuditorKind,
  type AuditState,
  type DefectActionKind,
  type Grade,
  type ObservationInput,
  type Rubric,
} from '#shared/audits/audits';
import { financialYearBounds, functioningStatuses } from '#shared/returns/returns';
import { formatRupees } from '#shared/domain/money';
import { AppError } from '#shared/errors';
import type {
  AuditDetail,
  AuditFilter,
  AuditObservation,
  AuditRegisterRow,
  AuditReport,
  GradeCounts,
  MyAuditRow,
  OverdueDefectRow,
  RubricView,
} from '#shared/audits/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { CertificateService } from '../certificates/certificate-service';
import type { Sqlite } from '../db/open-database';
import { columnOf } from '#shared/column-name';
import { personNameSql } from '../db/person-name';
import { statementCache, type Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import { officeNumbering, type NumberAllocator } from '../registration/number-allocator';
import { FUNCTIONING_SQL, yearlyRegisterScope } from '../societies/yearly-register';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';

interface AuditRecord {
  id: string;
  version: number;
  state: AuditState;
  societyId: string;
  fy: string;
  auditorId: string;
  auditorKind: AuditorKind;
  assignedBy: string;
  assignedOn: string;
  fieldworkFrom: string | null;
  fieldworkTo: string | null;
  statements: string;
  balanceSheetPaise: number | null;
  netProfitPaise: number | null;
  rubricId: string | null;
  scores: string;
  totalMarks: number | null;
  maxMarks: number | null;
  grade: Grade | null;
  summary: string | null;
  submittedOn: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewRemarks: string | null;
  certificateSerial: string | null;
  feeComputedPaise: number | null;
  feeOverridePaise: number | null;
  feeOverrideReason: string | null;
}

const AUDIT_COLUMNS = `id, version, state, society_id AS societyId, fy, auditor_id AS auditorId,
  auditor_kind AS auditorKind, assigned_by AS assignedBy, assigned_on AS assignedOn,
  fieldwork_from AS fieldworkFrom, fieldwork_to AS fieldworkTo, statements,
  balance_sheet_paise AS balanceSheetPaise, net_profit_paise AS netProfitPaise, rubric_id AS rubricId, scores,
  total_marks AS totalMarks, max_marks AS maxMarks, grade, summary, submitted_on AS submittedOn,
  reviewed_by AS reviewedBy, reviewed_at AS reviewedAt, review_remarks AS reviewRemarks,
  certificate_serial AS certificateSerial, fee_computed_paise AS feeComputedPaise,
  fee_override_paise AS feeOverridePaise, fee_override_reason AS feeOverrideReason`;

interface SocietyRecord {
  id: string;
  name: string;
  regNo: string;
  address: string;
  officeId: string;
  status: string;
  registeredOn: string;
  typeCode: string;
  typeName: string;
  credit: number;
}

const RUBRIC_COLUMNS = 'id, version, scope, from_fy AS fromFy, criteria, thresholds';

interface RubricRecord {
  id: string;
  version: number;
  scope: string;
  fromFy: string;
  criteria: string;
  thresholds: string;
}

interface ObservationRecord {
  id: string;
  para: number;
  kind: AuditObservation['kind'];
  category: AuditObservation['category'];
  amountPaise: number | null;
  description: string;
  recommendation: string;
  rectificationDueOn: string | null;
  recordedByName: string;
}

/** Observations nobody has corrected or withdrawn (the `o` alias), as a WHERE clause. */
const LIVE_OBSERVATION = `o.deleted_at IS NULL AND o.withdrawn = 0
  AND NOT EXISTS (SELECT 1 FROM audit_observations later WHERE later.supersedes = o.id)`;

/** The kind of the last follow-up entry of observation `o`, or NULL. */
const LAST_ACTION = `(SELECT a.kind FROM audit_defect_actions a WHERE a.observation_id = o.id AND a.deleted_at IS NULL
  ORDER BY a.created_at DESC, a.id DESC LIMIT 1)`;

/**
 * Statutory audits (issue #6): the programme of a year, the auditor's report written in
 * the field with no network, the audit officer's decision and the audit certificate, the
 * defects followed until put right, and the fee. Every change goes through the mutation
 * writer, so the sync of issue #7 carries it as it is.
 */
export class AuditService {
  private readonly prepare: Prepare;

  constructor(
    sqlite: Sqlite,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly numbers: NumberAllocator,
    private readonly certificates: CertificateService,
    private readonly clock: Clock,
  ) {
    this.prepare = statementCache(sqlite);
  }

  /** The due date of the audit of `fy`, from the rule parameter in force when the year closed. */
  dueOn(fy: string): string {
    return auditDueOn(fy, this.reference.rule('audit.due', financialYearBounds(fy).end));
  }

  // ── rubrics ──────────────────────────────────────────────────────────────────────────

  rubrics(): RubricView[] {
    const rows = this.prepare(
      `SELECT ${RUBRIC_COLUMNS} FROM audit_rubrics
       WHERE deleted_at IS NULL ORDER BY scope <> '', scope, from_fy`,
    ).all() as RubricRecord[];
    return rows.map((row) => this.rubricView(row));
  }

  /** The rubric an audit of a society of `typeCode` for `fy` is scored by. */
  rubricFor(typeCode: string, fy: string): RubricRecord {
    const rubric = this.prepare(
      `SELECT ${RUBRIC_COLUMNS} FROM audit_rubrics
       WHERE scope IN (@typeCode, '') AND from_fy <= @fy AND deleted_at IS NULL
       ORDER BY scope = @typeCode DESC, from_fy DESC LIMIT 1`,
    ).get({ typeCode, fy }) as RubricRecord | undefined;
    if (!rubric) {
      throw new AppError(
        'conflict',
        `There is no audit rubric for ${fy}. The administrator adds one under Reference data → Audit rubrics.`,
      );
    }
    return rubric;
  }

  /** The rubric an audit is scored by: its own from the first save, else the one in force. */
  private rubricOf(audit: AuditRecord, society: SocietyRecord): RubricRecord {
    if (!audit.rubricId) return this.rubricFor(society.typeCode, audit.fy);
    return this.prepare(`SELECT ${RUBRIC_COLUMNS} FROM audit_rubrics WHERE id = ?`).get(
      audit.rubricId,
    ) as RubricRecord;
  }

  saveRubric(
    user: SessionUser,
    input: {
      id?: string | undefined;
      baseVersion?: number | undefined;
      scope: string;
      fromFy: string;
      rubric: Rubric;
    },
  ): RubricView[] {
    const types = this.reference.get().societyTypes;
    if (input.scope !== '' && !types.some((type) => type.code === input.scope)) {
      throw new AppError('invalid_input', 'Choose a society type, or every type.', {
        scope: 'Choose a society type, or every type.',
      });
    }
    const fields = {
      scope: input.scope,
      fromFy: input.fromFy,
      criteria: JSON.stringify(input.rubric.criteria),
      thresholds: JSON.stringify(input.rubric.thresholds),
    };
    this.writer.run(actorFor(user), (tx) => {
      const clash = this.prepare(
        `SELECT id FROM audit_rubrics WHERE scope = ? AND from_fy = ? AND deleted_at IS NULL`,
      ).get(input.scope, input.fromFy) as { id: string } | undefined;
      if (clash && clash.id !== input.id) {
        throw new AppError(
          'conflict',
          `There is already a rubric for these types from ${input.fromFy}; change that one instead.`,
          { fromFy: `There is already a rubric for these types from ${input.fromFy}.` },
        );
      }
      if (!input.id) {
        const id = tx.newId();
        this.prepare(
          `INSERT INTO audit_rubrics (id, version, created_at, created_by, updated_at, updated_by, scope, from_fy,
             criteria, thresholds)
           VALUES (@id, 1, @now, @by, @now, @by, @scope, @fromFy, @criteria, @thresholds)`,
        ).run({ id, now: tx.now, by: user.id, ...fields });
        tx.record({
          name: 'auditRubric.add',
          entity: 'audit_rubric',
          entityId: id,
          args: { ...fields, criteria: input.rubric.criteria, thresholds: input.rubric.thresholds },
          baseVersion: null,
          base: null,
        });
        return;
      }
      const current = this.prepare(
        `SELECT ${RUBRIC_COLUMNS} FROM audit_rubrics
         WHERE id = ? AND deleted_at IS NULL`,
      ).get(input.id) as RubricRecord | undefined;
      if (!current) throw new AppError('not_found', 'This rubric does not exist.');
      if (current.version !== input.baseVersion) {
        throw new AppError(
          'conflict',
          'Someone else changed this rubric after you opened it. Reload it.',
        );
      }
      const graded = this.gradedBy(current.id);
      if (graded > 0) {
        throw new AppError(
          'conflict',
          `${graded} audit${graded === 1 ? ' is' : 's are'} scored by this rubric, so it stays as it is. Add a rubric from a later year instead.`,
        );
      }
      this.prepare(
        `UPDATE audit_rubrics SET scope = @scope, from_fy = @fromFy, criteria = @criteria, thresholds = @thresholds,
           version = version + 1, updated_at = @now, updated_by = @by WHERE id = @id`,
      ).run({ ...fields, id: current.id, now: tx.now, by: user.id });
      tx.record({
        name: 'auditRubric.change',
        entity: 'audit_rubric',
        entityId: current.id,
        args: { ...fields, criteria: input.rubric.criteria, thresholds: input.rubric.thresholds },
        baseVersion: current.version,
        base: {
          scope: current.scope,
          fromFy: current.fromFy,
          criteria: JSON.parse(current.criteria) as unknown,
          thresholds: JSON.parse(current.thresholds) as unknown,
        },
      });
    });
    return this.rubrics();
  }

  /**
   * Audits scored by the rubric. An audit keeps its rubric from the first save, so a rubric
   * any audit is scored by is frozen: changing it would change grades already given.
   */
  private gradedBy(rubricId: string): number {
    return (
      this.prepare(
        `SELECT count(*) AS n FROM audits WHERE rubric_id = ? AND deleted_at IS NULL`,
      ).get(rubricId) as { n: number }
    ).n;
  }

  private rubricView(row: RubricRecord): RubricView {
    const type = this.reference.get().societyTypes.find((t) => t.code === row.scope);
    return {
      id: row.id,
      version: row.version,
      scope: row.scope,
      scopeName: row.scope === '' ? 'Every type without its own rubric' : (type?.name ?? row.scope),
      fromFy: row.fromFy,
      criteria: JSON.parse(row.criteria) as RubricView['criteria'],
      thresholds: JSON.parse(row.thresholds) as RubricView['thresholds'],
      gradedAudits: this.gradedBy(row.id),
    };
  }

  // ── the programme ────────────────────────────────────────────────────────────────────

  auditors(): { id: string; fullName: string; officeName: string }[] {
    return this.prepare(
      `SELECT u.id, u.full_name AS fullName, o.short_name AS officeName FROM users u
       JOIN offices o ON o.id = u.office_id
       WHERE u.role = 'auditor' AND u.active = 1 AND u.deleted_at IS NULL ORDER BY u.full_name`,
    ).all() as { id: string; fullName: string; officeName: string }[];
  }

  /** Puts each society in the year's programme with the auditor; those already in it are skipped. */
  assign(
    user: SessionUser,
    input: { fy: string; societyIds: string[]; auditorId: string; auditorKind: AuditorKind },
  ): { assigned: number; skipped: number } {
    this.assertAuditor(input.auditorId);
    this.assertYearClosed(input.fy);
    const societies = input.societyIds.map((id) => this.society(id));
    for (const society of societies) {
      assertJurisdiction(
        this.reference,
        user,
        society.officeId,
        'programme audits of this society',
      );
    }
    return this.writeAssignments(user, input, societies);
  }

  /** Every society of an office (of a type) not yet in the year's programme, to one auditor. */
  assignMatching(
    user: SessionUser,
    input: {
      fy: string;
      officeId: string;
      districtId?: string | undefined;
      typeId?: string | undefined;
      auditorId: string;
      auditorKind: AuditorKind;
    },
  ): { assigned: number; skipped: number } {
    assertJurisdiction(this.reference, user, input.officeId, 'programme audits of this office');
    this.assertAuditor(input.auditorId);
    this.assertYearClosed(input.fy);
    const ids = (
      this.prepare(
        `SELECT s.id FROM societies s
         WHERE s.office_id = @officeId AND s.deleted_at IS NULL AND s.status IN (${FUNCTIONING_SQL})
           AND s.registered_on <= @fyEnd ${input.typeId ? 'AND s.type_id = @typeId' : ''}
           ${input.districtId ? 'AND s.district_id = @districtId' : ''}
           AND NOT EXISTS (SELECT 1 FROM audits a WHERE a.society_id = s.id AND a.fy = @fy AND a.deleted_at IS NULL)
         ORDER BY s.sort_key`,
      ).all({
        officeId: input.officeId,
        fy: input.fy,
        fyEnd: financialYearBounds(input.fy).end,
        ...(input.typeId ? { typeId: input.typeId } : {}),
        ...(input.districtId ? { districtId: input.districtId } : {}),
      }) as { id: string }[]
    ).map((row) => row.id);
    if (ids.length === 0) {
      throw new AppError(
        'conflict',
        `Every society of this office${input.districtId ? ' in this district' : ''}${input.typeId ? ' of this type' : ''} is already in the programme of ${input.fy}.`,
      );
    }
    return this.writeAssignments(
      user,
      input,
      ids.map((id) => this.society(id)),
    );
  }

  private writeAssignments(
    user: SessionUser,
    input: { fy: string; auditorId: string; auditorKind: AuditorKind },
    societies: SocietyRecord[],
  ): { assigned: number; skipped: number } {
    const today = this.today();
    let assigned = 0;
    this.writer.run(actorFor(user), (tx) => {
      for (const society of societies) {
        if (
          !functioningStatuses.includes(society.status as (typeof functioningStatuses)[number]) ||
          society.registeredOn > financialYearBounds(input.fy).end ||
          this.auditOf(society.id, input.fy)
        ) {
          continue;
        }
        const id = tx.newId();
        const row = {
          id,
          societyId: society.id,
          fy: input.fy,
          state: 'planned',
          auditorId: input.auditorId,
          auditorKind: input.auditorKind,
          assignedBy: user.id,
          assignedOn: today,
        };
        this.prepare(
          `INSERT INTO audits (id, version, created_at, created_by, updated_at, updated_by, society_id, fy, state,
             auditor_id, auditor_kind, assigned_by, assigned_on)
           VALUES (@id, 1, @now, @by, @now, @by, @societyId, @fy, @state, @auditorId, @auditorKind, @assignedBy,
             @assignedOn)`,
        ).run({ ...row, now: tx.now, by: user.id });
        tx.record({
          name: 'audit.assign',
          entity: 'audit',
          entityId: id,
          subjectId: society.id,
          args: row,
          baseVersion: null,
          base: null,
        });
        assigned += 1;
      }
    });
    return { assigned, skipped: societies.length - assigned };
  }

  reassign(
    user: SessionUser,
    id: string,
    baseVersion: number,
    auditorId: string,
    auditorKind: AuditorKind,
  ): AuditDetail {
    const audit = this.audit(id);
    const society = this.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'programme audits of this society');
    this.assertAuditor(auditorId);
    this.transition(user, audit, baseVersion, ['planned', 'in_field', 'returned'], (tx) => {
      const fields = { auditorId, auditorKind };
      this.prepare(
        `UPDATE audits SET auditor_id = @auditorId, auditor_kind = @auditorKind, version = version + 1,
           updated_at = @now, updated_by = @by WHERE id = @id`,
      ).run({ ...fields, id, now: tx.now, by: user.id });
      tx.record({
        name: 'audit.reassign',
        entity: 'audit',
        entityId: id,
        subjectId: audit.societyId,
        args: fields,
        baseVersion,
        base: { auditorId: audit.auditorId, auditorKind: audit.auditorKind },
      });
    });
    return this.get(id);
  }

  /** The auditor's audits still open, and those accepted in the last year, most urgent first. */
  mine(user: SessionUser): MyAuditRow[] {
    const rows = this.prepare(
      `SELECT a.id AS auditId, s.name AS societyName, s.reg_no AS regNo, s.address, o.short_name AS officeName,
              a.fy, a.state, a.fieldwork_from AS fieldworkFrom, a.fieldwork_to AS fieldworkTo, a.grade,
              a.review_remarks AS reviewRemarks
       FROM audits a JOIN societies s ON s.id = a.society_id JOIN offices o ON o.id = s.office_id
       WHERE a.auditor_id = @auditorId AND a.deleted_at IS NULL
         AND (a.state <> 'accepted' OR a.reviewed_at >= @since)
       ORDER BY a.state = 'accepted', a.state <> 'returned', a.fy, s.sort_key`,
    ).all({ auditorId: user.id, since: addDays(this.today(), -365) }) as Omit<
      MyAuditRow,
      'dueOn'
    >[];
    return rows.map((row) => ({ ...row, dueOn: this.dueOn(row.fy) }));
  }

  // ── the register ─────────────────────────────────────────────────────────────────────

  register(
    filter: AuditFilter,
    page: { offset: number; limit: number },
  ): { rows: AuditRegisterRow[]; total: number } {
    const query = this.registerQuery(filter);
    if (!query) return { rows: [], total: 0 };
    const total = (
      this.prepare(`SELECT count(*) AS n ${query.countFrom} ${query.where}`).get(query.params) as {
        n: number;
      }
    ).n;
    const overdue = this.today() > this.dueOn(filter.fy);
    const rows = this.prepare(
      `SELECT s.id AS societyId, s.name AS societyName, s.reg_no AS regNo, o.short_name AS officeName,
              d.name AS districtName, t.name AS typeName, a.id AS auditId, a.state,
              CASE WHEN a.id IS NULL THEN NULL ELSE ${personNameSql('a.auditor_id')} END AS auditorName,
              a.auditor_kind AS auditorKind, a.grade, a.submitted_on AS submittedOn
       ${query.pageFrom}
       JOIN offices o ON o.id = s.office_id JOIN districts d ON d.id = s.district_id
       JOIN society_types t ON t.id = s.type_id
       ${query.where}
       ORDER BY s.sort_key LIMIT @limit OFFSET @offset`,
    ).all({ ...query.params, ...page }) as Omit<AuditRegisterRow, 'overdue'>[];
    return {
      rows: rows.map((row) => ({ ...row, overdue: overdue && row.state !== 'accepted' })),
      total,
    };
  }

  counts(filter: Omit<AuditFilter, 'status'>): {
    dueOn: string;
    not_programmed: number;
    planned: number;
    in_field: number;
    submitted: number;
    returned: number;
    accepted: number;
    overdue: number;
  } {
    const dueOn = this.dueOn(filter.fy);
    const query = this.registerQuery(filter)!;
    const counts = this.prepare(
      `SELECT count(*) AS total, coalesce(sum(a.state = 'planned'), 0) AS planned,
              coalesce(sum(a.state = 'in_field'), 0) AS in_field,
              coalesce(sum(a.state = 'submitted'), 0) AS submitted,
              coalesce(sum(a.state = 'returned'), 0) AS returned,
              coalesce(sum(a.state = 'accepted'), 0) AS accepted
       ${query.countFrom} ${query.where}`,
    ).get(query.params) as {
      total: number;
      planned: number;
      in_field: number;
      submitted: number;
      returned: number;
      accepted: number;
    };
    const programmed =
      counts.planned + counts.in_field + counts.submitted + counts.returned + counts.accepted;
    return {
      dueOn,
      not_programmed: counts.total - programmed,
      planned: counts.planned,
      in_field: counts.in_field,
      submitted: counts.submitted,
      returned: counts.returned,
      accepted: counts.accepted,
      overdue: this.today() > dueOn ? counts.total - counts.accepted : 0,
    };
  }

  /**
   * FROM and WHERE of the register: functioning societies registered by the end of the
   * year, each with its audit of the year if programmed. Null when the filter cannot match.
   */
  private registerQuery(filter: Omit<AuditFilter, 'status'> & { status?: AuditFilter['status'] }) {
    const { where, params, countHint, pageIndex } = yearlyRegisterScope(filter);
    switch (filter.status) {
      case undefined:
        break;
      case 'not_programmed':
        where.push('a.id IS NULL');
        break;
      case 'overdue':
        if (this.today() <= this.dueOn(filter.fy)) return null;
        where.push(`(a.id IS NULL OR a.state <> 'accepted')`);
        break;
      default:
        where.push('a.state = @status');
        params['status'] = filter.status;
    }
    const join =
      'LEFT JOIN audits a ON a.society_id = s.id AND a.fy = @fy AND a.deleted_at IS NULL';
    return {
      pageFrom: `FROM societies s INDEXED BY ${pageIndex} ${join}`,
      countFrom: `FROM societies s ${countHint} ${join}`,
      where: `WHERE ${where.join(' AND ')}`,
      params,
    };
  }

  /** Accepted audits of the year by grade, per district and per society type. */
  grades(fy: string, officeId?: string): { byDistrict: GradeCounts[]; byType: GradeCounts[] } {
    const by = (nameColumn: string, join: string) =>
      this.prepare(
        `SELECT ${nameColumn} AS name, coalesce(sum(a.grade = 'A'), 0) AS A, coalesce(sum(a.grade = 'B'), 0) AS B,
                coalesce(sum(a.grade = 'C'), 0) AS C, coalesce(sum(a.grade = 'D'), 0) AS D
         FROM audits a JOIN societies s ON s.id = a.society_id ${join}
         WHERE a.fy = @fy AND a.state = 'accepted' AND a.deleted_at IS NULL
           ${officeId ? 'AND s.office_id = @officeId' : ''}
         GROUP BY ${nameColumn} ORDER BY ${nameColumn}`,
      ).all({ fy, ...(officeId ? { officeId } : {}) }) as GradeCounts[];
    return {
      byDistrict: by('d.name', 'JOIN districts d ON d.id = s.district_id'),
      byType: by('t.name', 'JOIN society_types t ON t.id = s.type_id'),
    };
  }

  // ── one audit ────────────────────────────────────────────────────────────────────────

  get(id: string): AuditDetail {
    const audit = this.audit(id);
    const society = this.society(audit.societyId);
    const office = this.reference.get().offices.find((o) => o.id === society.officeId);
    const rubric = this.rubricOf(audit, society);
    const heads = statementHeadsFor(Boolean(society.credit));
    const statements = JSON.parse(audit.statements) as Record<string, number>;
    const today = this.today();
    const dueOn = this.dueOn(audit.fy);
    const receipts = this.prepare(
      `SELECT receipt_no AS receiptNo, amount_paise AS amountPaise, received_on AS receivedOn, mode, reference,
              ${personNameSql('r.created_by')} AS receivedByName
       FROM audit_fee_receipts r WHERE r.audit_id = ? AND r.deleted_at IS NULL ORDER BY r.created_at`,
    ).all(id) as AuditDetail['fee']['receipts'];
    const paidPaise = receipts.reduce((sum, receipt) => sum + receipt.amountPaise, 0);
    const computedPaise =
      audit.feeComputedPaise ??
      (Object.keys(statements).length > 0 ? this.feeFor(audit.fy, heads, statements) : null);
    const duePaise = audit.feeOverridePaise ?? computedPaise;
    return {
      id: audit.id,
      version: audit.version,
      state: audit.state,
      fy: audit.fy,
      dueOn,
      overdue: audit.state !== 'accepted' && today > dueOn,
      society: {
        id: society.id,
        name: society.name,
        regNo: society.regNo,
        address: society.address,
        officeId: society.officeId,
        officeName: office?.shortName ?? '—',
        typeName: society.typeName,
        credit: Boolean(society.credit),
      },
      auditorId: audit.auditorId,
      auditorName: this.personName(audit.auditorId),
      auditorKind: audit.auditorKind,
      assignedByName: this.personName(audit.assignedBy),
      assignedOn: audit.assignedOn,
      fieldworkFrom: audit.fieldworkFrom,
      fieldworkTo: audit.fieldworkTo,
      reportDueOn: audit.fieldworkTo
        ? addDays(
            audit.fieldworkTo,
            Number(this.reference.rule('audit.report_due_days_after_fieldwork', audit.fieldworkTo)),
          )
        : null,
      statementHeads: heads,
      statements,
      rubric: this.rubricView(rubric),
      scores: JSON.parse(audit.scores) as Record<string, number>,
      totalMarks: audit.totalMarks,
      maxMarks: audit.maxMarks,
      grade: audit.grade,
      summary: audit.summary,
      submittedOn: audit.submittedOn,
      reviewedByName: audit.reviewedBy ? this.personName(audit.reviewedBy) : null,
      reviewedAt: audit.reviewedAt,
      reviewRemarks: audit.reviewRemarks,
      certificateSerial: audit.certificateSerial,
      rectificationDueDefault: addMonths(
        today,
        Number(this.reference.rule('audit.rectification_due_months', today)),
      ),
      observations: this.observations(id, today),
      fee: {
        computedPaise,
        overridePaise: audit.feeOverridePaise,
        overrideReason: audit.feeOverrideReason,
        duePaise,
        paidPaise,
        outstandingPaise: duePaise === null ? null : Math.max(0, duePaise - paidPaise),
        receipts,
      },
    };
  }

  /** A society's audits, newest year first. */
  ofSociety(societyId: string): {
    auditId: string;
    fy: string;
    state: AuditState;
    overdue: boolean;
    auditorName: string;
    grade: Grade | null;
    certificateSerial: string | null;
  }[] {
    this.society(societyId);
    const today = this.today();
    const rows = this.prepare(
      `SELECT a.id AS auditId, a.fy, a.state, ${personNameSql('a.auditor_id')} AS auditorName, a.grade,
              a.certificate_serial AS certificateSerial
       FROM audits a WHERE a.society_id = ? AND a.deleted_at IS NULL ORDER BY a.fy DESC`,
    ).all(societyId) as {
      auditId: string;
      fy: string;
      state: AuditState;
      auditorName: string;
      grade: Grade | null;
      certificateSerial: string | null;
    }[];
    return rows.map((row) => ({
      ...row,
      overdue: row.state !== 'accepted' && today > this.dueOn(row.fy),
    }));
  }

  /**
   * The auditor saves the report as typed. The first save starts the field work and fixes
   * the rubric the scores are by; the grade follows the scores.
   */
  saveReport(user: SessionUser, id: string, baseVersion: number, report: AuditReport): AuditDetail {
    const audit = this.audit(id);
    this.assertAssigned(user, audit);
    const society = this.society(audit.societyId);
    const rubricRow = this.rubricOf(audit, society);
    const rubric = {
      criteria: JSON.parse(rubricRow.criteria),
      thresholds: JSON.parse(rubricRow.thresholds),
    } as Rubric;
    const heads = statementHeadsFor(Boolean(society.credit));
    const errors = this.reportProblems(report, rubric, heads, audit.fy);
    if (Object.keys(errors).length > 0) {
      throw new AppError('invalid_input', Object.values(errors).join(' '), errors);
    }
    const result = gradeOf(rubric, report.scores);
    const totals = statementTotals(heads, report.statements);
    const hasStatements = Object.keys(report.statements).length > 0;
    this.transition(user, audit, baseVersion, editableAuditStates, (tx) => {
      let version = baseVersion;
      if (audit.state === 'planned') {
        // The first save starts the field work: a named transition of the workflow of its
        // own, apart from the report's fields (sync.md §5).
        this.prepare(
          `UPDATE audits SET state = 'in_field', version = version + 1, updated_at = @now, updated_by = @by
           WHERE id = @id`,
        ).run({ id, now: tx.now, by: user.id });
        tx.record({
          name: 'audit.startFieldwork',
          entity: 'audit',
          entityId: id,
          subjectId: audit.societyId,
          args: { state: 'in_field' },
          baseVersion: version,
          base: { state: 'planned' },
        });
        version += 1;
      }
      const fields = {
        fieldworkFrom: report.fieldworkFrom,
        fieldworkTo: report.fieldworkTo,
        statements: JSON.stringify(report.statements),
        balanceSheetPaise: hasStatements ? totals.assetsPaise : null,
        netProfitPaise: hasStatements ? totals.netProfitPaise : null,
        rubricId: rubricRow.id,
        scores: JSON.stringify(report.scores),
        totalMarks: result.total,
        maxMarks: result.max,
        grade: result.grade,
        summary: report.summary === '' ? null : report.summary,
      };
      this.prepare(
        `UPDATE audits SET fieldwork_from = @fieldworkFrom, fieldwork_to = @fieldworkTo,
           statements = @statements, balance_sheet_paise = @balanceSheetPaise, net_profit_paise = @netProfitPaise,
           rubric_id = @rubricId, scores = @scores, total_marks = @totalMarks, max_marks = @maxMarks,
           grade = @grade, summary = @summary, version = version + 1, updated_at = @now, updated_by = @by
         WHERE id = @id`,
      ).run({ ...fields, id, now: tx.now, by: user.id });
      tx.record({
        name: 'audit.saveReport',
        entity: 'audit',
        entityId: id,
        subjectId: audit.societyId,
        args: { ...fields, statements: report.statements, scores: report.scores },
        baseVersion: version,
        base: {
          fieldworkFrom: audit.fieldworkFrom,
          fieldworkTo: audit.fieldworkTo,
          statements: JSON.parse(audit.statements) as unknown,
          balanceSheetPaise: audit.balanceSheetPaise,
          netProfitPaise: audit.netProfitPaise,
          rubricId: audit.rubricId,
          scores: JSON.parse(audit.scores) as unknown,
          totalMarks: audit.totalMarks,
          maxMarks: audit.maxMarks,
          grade: audit.grade,
          summary: audit.summary,
        },
      });
    });
    return this.get(id);
  }

  private reportProblems(
    report: AuditReport,
    rubric: Rubric,
    heads: ReturnType<typeof statementHeadsFor>,
    fy: string,
  ): Record<string, string> {
    const errors: Record<string, string> = {};
    const today = this.today();
    const { end } = financialYearBounds(fy);
    for (const field of ['fieldworkFrom', 'fieldworkTo'] as const) {
      const date = report[field];
      if (date && date > today) errors[field] = 'Field work cannot be dated in the future.';
      else if (date && date <= end) {
        errors[field] =
          `Field work on the accounts of ${fy} starts after the year closes on 31-03-${end.slice(0, 4)}.`;
      }
    }
    if (
      report.fieldworkFrom &&
      report.fieldworkTo &&
      report.fieldworkTo < report.fieldworkFrom &&
      !errors['fieldworkTo']
    ) {
      errors['fieldworkTo'] = 'Field work cannot end before it began.';
    }
    const codes = new Set(
      [...heads.liabilities, ...heads.assets, ...heads.income, ...heads.expenditure].map(
        (head) => head.code,
      ),
    );
    for (const code of Object.keys(report.statements)) {
      if (!codes.has(code))
        errors[`statements.${code}`] = `${code} is not a head of this society’s statements.`;
    }
    for (const [code, marks] of Object.entries(report.scores)) {
      const criterion = rubric.criteria.find((c) => c.code === code);
      if (!criterion) {
        errors[`scores.${code}`] = `${code} is not a criterion of this society’s rubric.`;
        continue;
      }
      const problem = marksProblem(marks, criterion);
      if (problem) errors[`scores.${code}`] = problem;
    }
    return errors;
  }

  addObservation(user: SessionUser, auditId: string, input: ObservationInput): AuditDetail {
    const audit = this.audit(auditId);
    this.assertAssigned(user, audit);
    this.assertEditable(audit);
    this.writer.run(actorFor(user), (tx) => {
      const para =
        (
          this.prepare(
            'SELECT coalesce(max(para), 0) AS n FROM audit_observations WHERE audit_id = ?',
          ).get(auditId) as { n: number }
        ).n + 1;
      this.insertObservation(tx, audit, para, input, null, false);
    });
    return this.get(auditId);
  }

  /** Corrects an observation (a new entry replaces it) or withdraws it (`input` null). */
  reviseObservation(
    user: SessionUser,
    observationId: string,
    input: ObservationInput | null,
  ): AuditDetail {
    const old = this.prepare(
      `SELECT o.id, o.audit_id AS auditId, o.para, o.kind, o.category, o.amount_paise AS amountPaise,
              o.description, o.recommendation, o.rectification_due_on AS rectificationDueOn
       FROM audit_observations o WHERE o.id = ? AND ${LIVE_OBSERVATION}`,
    ).get(observationId) as
      (ObservationInput & { id: string; auditId: string; para: number }) | undefined;
    if (!old) {
      throw new AppError(
        'conflict',
        'This observation was already corrected or withdrawn. Reload the audit.',
      );
    }
    const audit = this.audit(old.auditId);
    this.assertAssigned(user, audit);
    this.assertEditable(audit);
    this.writer.run(actorFor(user), (tx) => {
      const { id: _id, auditId: _auditId, para, ...previous } = old;
      this.insertObservation(tx, audit, para, input ?? previous, observationId, input === null);
    });
    return this.get(audit.id);
  }

  private insertObservation(
    tx: MutationTx,
    audit: AuditRecord,
    para: number,
    input: ObservationInput,
    supersedes: string | null,
    withdrawn: boolean,
  ): void {
    const id = tx.newId();
    const row = {
      id,
      auditId: audit.id,
      societyId: audit.societyId,
      para,
      kind: input.kind,
      category: input.category,
      amountPaise: input.amountPaise,
      description: input.description,
      recommendation: input.recommendation,
      rectificationDueOn: input.kind === 'defect' ? input.rectificationDueOn : null,
      supersedes,
      withdrawn: withdrawn ? 1 : 0,
    };
    this.prepare(
      `INSERT INTO audit_observations (id, version, created_at, created_by, updated_at, updated_by, audit_id,
         society_id, para, kind, category, amount_paise, description, recommendation, rectification_due_on,
         supersedes, withdrawn)
       VALUES (@id, 1, @now, @by, @now, @by, @auditId, @societyId, @para, @kind, @category, @amountPaise,
         @description, @recommendation, @rectificationDueOn, @supersedes, @withdrawn)`,
    ).run({ ...row, now: tx.now, by: tx.userId });
    tx.record({
      name: withdrawn
        ? 'auditObservation.withdraw'
        : supersedes
          ? 'auditObservation.correct'
          : 'auditObservation.add',
      entity: 'audit_observation',
      entityId: id,
      subjectId: audit.societyId,
      // The audit as the auditor saw it: the server refuses an entry made offline against
      // an audit that has since been submitted or accepted (sync.md §5).
      args: { ...row, withdrawn, auditVersion: audit.version, auditState: audit.state },
      baseVersion: null,
      base: null,
    });
  }

  /** The auditor submits: field work dated, every criterion scored, the balance sheet balanced. */
  submit(user: SessionUser, id: string, baseVersion: number): AuditDetail {
    const audit = this.audit(id);
    this.assertAssigned(user, audit);
    const detail = this.get(id);
    const errors: Record<string, string> = {};
    if (!detail.fieldworkFrom) errors['fieldworkFrom'] = 'Enter when the field work began.';
    if (!detail.fieldworkTo) errors['fieldworkTo'] = 'Enter when the field work ended.';
    const totals = statementTotals(detail.statementHeads, detail.statements);
    if (totals.liabilitiesPaise === 0 && totals.assetsPaise === 0) {
      errors['statements'] = 'Enter the balance sheet.';
    } else if (!totals.balanced) {
      errors['statements'] =
        'The balance sheet does not balance: liabilities and assets must have the same total.';
    }
    const result = gradeOf(detail.rubric, detail.scores);
    if (result.missing.length > 0) {
      const labels = detail.rubric.criteria
        .filter((criterion) => result.missing.includes(criterion.code))
        .map((criterion) => criterion.label);
      errors['scores'] = `Score every criterion; not yet scored: ${labels.join('; ')}.`;
    }
    if (Object.keys(errors).length > 0) {
      throw new AppError(
        'invalid_input',
        `The report cannot be submitted yet. ${Object.values(errors).join(' ')}`,
        errors,
      );
    }
    this.transition(user, audit, baseVersion, ['in_field', 'returned'], (tx) => {
      const fields = { state: 'submitted', submittedOn: this.today() };
      this.prepare(
        `UPDATE audits SET state = @state, submitted_on = @submittedOn, version = version + 1, updated_at = @now,
           updated_by = @by WHERE id = @id`,
      ).run({ ...fields, id, now: tx.now, by: user.id });
      tx.record({
        name: 'audit.submit',
        entity: 'audit',
        entityId: id,
        subjectId: audit.societyId,
        args: fields,
        baseVersion,
        base: { state: audit.state, submittedOn: audit.submittedOn },
      });
    });
    return this.get(id);
  }

  /**
   * The audit officer's decision. Accepting closes the audit: the fee by rule is fixed and
   * the audit certificate, with the memo of observations, is issued and signed.
   */
  review(
    user: SessionUser,
    id: string,
    baseVersion: number,
    decision: 'accept' | 'return',
    remarks: string | null,
  ): AuditDetail {
    const audit = this.audit(id);
    const society = this.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'decide audits of this society');
    if (audit.auditorId === user.id) {
      throw new AppError('forbidden', 'You audited this society; another officer decides on it.');
    }
    if (decision === 'accept') this.certificates.prepareSigning(society.officeId);
    const detail = this.get(id);
    this.transition(user, audit, baseVersion, ['submitted'], (tx) => {
      const today = this.today();
      const fields: Record<string, unknown> = {
        state: decision === 'accept' ? 'accepted' : 'returned',
        reviewedBy: user.id,
        reviewedAt: tx.now,
        reviewRemarks: remarks === '' ? null : remarks,
      };
      if (decision === 'accept') {
        fields['feeComputedPaise'] = this.feeFor(
          audit.fy,
          detail.statementHeads,
          detail.statements,
        );
        fields['certificateSerial'] = this.certificates.issueAudit(tx, user, {
          societyId: society.id,
          issuedOn: today,
          fy: audit.fy,
          grade: detail.grade!,
          totalMarks: detail.totalMarks ?? 0,
          maxMarks: detail.maxMarks ?? 0,
          auditorName: detail.auditorName,
          auditorKind: detail.auditorKind,
          fieldworkFrom: detail.fieldworkFrom!,
          fieldworkTo: detail.fieldworkTo!,
          submittedOn: detail.submittedOn!,
          summary: detail.summary,
          observations: detail.observations.map((o) => ({
            para: o.para,
            kind: o.kind,
            category: o.category,
            amountPaise: o.amountPaise,
            description: o.description,
            recommendation: o.recommendation,
            rectificationDueOn: o.rectificationDueOn,
          })),
        }).serial;
      }
      this.prepare(
        `UPDATE audits SET ${Object.keys(fields)
          .map((field) => `${columnOf(field)} = @${field}`)
          .join(', ')}, version = version + 1, updated_at = @now, updated_by = @by WHERE id = @id`,
      ).run({ ...fields, id, now: tx.now, by: user.id });
      tx.record({
        name: decision === 'accept' ? 'audit.accept' : 'audit.return',
        entity: 'audit',
        entityId: id,
        subjectId: audit.societyId,
        args: fields,
        baseVersion,
        base: {
          state: 'submitted',
          reviewedBy: audit.reviewedBy,
          reviewRemarks: audit.reviewRemarks,
        },
      });
    });
    return this.get(id);
  }

  // ── defects ──────────────────────────────────────────────────────────────────────────

  /**
   * A follow-up entry on a defect of an accepted audit: the society's reply (any officer
   * of the office), or the verdict on it (a registrar or inspector, who verified it).
   */
  followUp(
    user: SessionUser,
    input: { observationId: string; kind: DefectActionKind; actedOn: string; note: string },
  ): AuditDetail {
    const observation = this.prepare(
      `SELECT o.id, o.audit_id AS auditId, o.kind, ${LAST_ACTION} AS lastAction FROM audit_observations o
       WHERE o.id = ? AND ${LIVE_OBSERVATION}`,
    ).get(input.observationId) as
      | { id: string; auditId: string; kind: string; lastAction: DefectActionKind | null }
      | undefined;
    if (!observation) throw new AppError('not_found', 'This defect is not in any audit report.');
    const audit = this.audit(observation.auditId);
    const society = this.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'follow up defects of this society');
    if (audit.state !== 'accepted') {
      throw new AppError('conflict', 'Defects are followed up once the audit report is accepted.');
    }
    if (observation.kind !== 'defect') {
      throw new AppError(
        'conflict',
        'This is an observation, not a defect; it needs no follow-up.',
      );
    }
    if (observation.lastAction === 'rectified') {
      throw new AppError('conflict', 'This defect was verified as rectified; it is closed.');
    }
    if (input.kind !== 'reply' && !defectVerifierRoles.includes(user.role)) {
      throw new AppError(
        'forbidden',
        'A registrar or an inspector verifies a defect; the clerk records the society’s reply.',
      );
    }
    if (input.kind !== 'reply' && observation.lastAction !== 'reply') {
      throw new AppError(
        'conflict',
        'Record the society’s reply first; the verification is of what the society did.',
      );
    }
    if (input.actedOn > this.today()) {
      throw new AppError('invalid_input', 'The date cannot be in the future.', {
        actedOn: 'The date cannot be in the future.',
      });
    }
    this.writer.run(actorFor(user), (tx) => {
      const id = tx.newId();
      const row = { id, ...input };
      this.prepare(
        `INSERT INTO audit_defect_actions (id, version, created_at, created_by, updated_at, updated_by,
           observation_id, kind, acted_on, note)
         VALUES (@id, 1, @now, @by, @now, @by, @observationId, @kind, @actedOn, @note)`,
      ).run({ ...row, now: tx.now, by: user.id });
      tx.record({
        name: `auditDefect.${input.kind === 'reply' ? 'reply' : input.kind === 'rectified' ? 'verifyRectified' : 'notAccepted'}`,
        entity: 'audit_defect_action',
        entityId: id,
        subjectId: audit.societyId,
        args: row,
        baseVersion: null,
        base: null,
      });
    });
    return this.get(audit.id);
  }

  /** Defects of accepted audits not rectified after their due date, oldest first. */
  overdueDefects(officeId?: string): OverdueDefectRow[] {
    const today = this.today();
    const rows = this.prepare(
      `SELECT o.id AS observationId, a.id AS auditId, s.name AS societyName, s.reg_no AS regNo,
              f.short_name AS officeName, a.fy, o.para, o.category, o.description, o.amount_paise AS amountPaise,
              o.rectification_due_on AS rectificationDueOn, ${LAST_ACTION} AS lastAction
       FROM audit_observations o INDEXED BY audit_observations_due_idx
       JOIN audits a ON a.id = o.audit_id JOIN societies s ON s.id = a.society_id
       JOIN offices f ON f.id = s.office_id
       WHERE o.kind = 'defect' AND o.rectification_due_on < @today AND a.state = 'accepted'
         AND a.deleted_at IS NULL AND ${LIVE_OBSERVATION} ${officeId ? 'AND s.office_id = @officeId' : ''}
         AND coalesce(${LAST_ACTION}, '') <> 'rectified'
       ORDER BY o.rectification_due_on, s.sort_key, o.para LIMIT 5000`,
    ).all({ today, ...(officeId ? { officeId } : {}) }) as (Omit<
      OverdueDefectRow,
      'daysOverdue' | 'status'
    > & { lastAction: DefectActionKind | null })[];
    return rows.map(({ lastAction, ...row }) => ({
      ...row,
      daysOverdue: daysBetween(row.rectificationDueOn, today),
      status: defectStatus(lastAction ? [{ kind: lastAction }] : []),
    }));
  }

  private observations(auditId: string, today: string): AuditObservation[] {
    const rows = this.prepare(
      `SELECT o.id, o.para, o.kind, o.category, o.amount_paise AS amountPaise, o.description, o.recommendation,
              o.rectification_due_on AS rectificationDueOn, ${personNameSql('o.created_by')} AS recordedByName
       FROM audit_observations o WHERE o.audit_id = ? AND ${LIVE_OBSERVATION} ORDER BY o.para`,
    ).all(auditId) as ObservationRecord[];
    return rows.map((row) => {
      const actions = this.prepare(
        `SELECT a.kind, a.acted_on AS actedOn, a.note, ${personNameSql('a.created_by')} AS byName, a.created_at AS at
         FROM audit_defect_actions a WHERE a.observation_id = ? AND a.deleted_at IS NULL ORDER BY a.created_at, a.id`,
      ).all(row.id) as AuditObservation['actions'];
      const status = defectStatus(actions);
      return {
        ...row,
        status,
        overdue:
          row.kind === 'defect' &&
          status !== 'rectified' &&
          row.rectificationDueOn !== null &&
          row.rectificationDueOn < today,
        actions,
      };
    });
  }

  // ── the fee ──────────────────────────────────────────────────────────────────────────

  setFee(
    user: SessionUser,
    id: string,
    baseVersion: number,
    feePaise: number | null,
    reason: string | null,
  ): AuditDetail {
    const audit = this.audit(id);
    const society = this.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'set the fee of this audit');
    this.transition(
      user,
      audit,
      baseVersion,
      ['planned', 'in_field', 'submitted', 'returned', 'accepted'],
      (tx) => {
        const fields = {
          feeOverridePaise: feePaise,
          feeOverrideReason: feePaise === null ? null : reason,
        };
        this.prepare(
          `UPDATE audits SET fee_override_paise = @feeOverridePaise, fee_override_reason = @feeOverrideReason,
           version = version + 1, updated_at = @now, updated_by = @by WHERE id = @id`,
        ).run({ ...fields, id, now: tx.now, by: user.id });
        tx.record({
          name: 'audit.setFee',
          entity: 'audit',
          entityId: id,
          subjectId: audit.societyId,
          args: fields,
          baseVersion,
          base: {
            feeOverridePaise: audit.feeOverridePaise,
            feeOverrideReason: audit.feeOverrideReason,
          },
        });
      },
    );
    return this.get(id);
  }

  receiveFee(
    user: SessionUser,
    input: {
      id: string;
      amountPaise: number;
      mode: 'cash' | 'challan' | 'bank';
      reference: string | null;
    },
  ): { receiptNo: string; audit: AuditDetail } {
    const audit = this.audit(input.id);
    const society = this.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'receive the fee of this audit');
    if (input.mode !== 'cash' && !input.reference) {
      throw new AppError('invalid_input', 'Give the challan or transfer reference.', {
        reference: 'Give the challan or transfer reference.',
      });
    }
    const detail = this.get(input.id);
    // Until the audit is accepted the fee by rule follows figures still being typed; a fee
    // taken then could be more than the one fixed at acceptance.
    if (detail.state !== 'accepted' && detail.fee.overridePaise === null) {
      throw new AppError(
        'conflict',
        'The fee is fixed when the audit report is accepted. To take it before that, the registrar sets it by hand first.',
      );
    }
    const outstanding = detail.fee.outstandingPaise;
    if (outstanding === null) {
      throw new AppError(
        'conflict',
        'The fee is not known yet: the auditor has not entered the balance sheet. Set it by hand if it must be paid now.',
      );
    }
    if (input.amountPaise > outstanding) {
      throw new AppError(
        'invalid_input',
        outstanding <= 0
          ? 'The audit fee is fully paid.'
          : `Only ₹${formatRupees(outstanding)} is outstanding.`,
        {
          amountPaise:
            outstanding <= 0 ? 'The audit fee is fully paid.' : 'More than is outstanding.',
        },
      );
    }
    const office = this.reference.get().offices.find((o) => o.id === society.officeId)!;
    const today = this.today();
    const receiptNo = this.writer.run(actorFor(user), (tx) => {
      const id = tx.newId();
      const fy = financialYearOf(today);
      const { number } = this.numbers.allocate(
        tx,
        officeNumbering('auditFeeReceipt', office.code, fy),
        'audit_fee_receipt',
        id,
      );
      const row = {
        id,
        auditId: input.id,
        receiptNo: number,
        amountPaise: input.amountPaise,
        receivedOn: today,
        mode: input.mode,
        reference: input.reference,
      };
      this.prepare(
        `INSERT INTO audit_fee_receipts (id, version, created_at, created_by, updated_at, updated_by, audit_id,
           receipt_no, amount_paise, received_on, mode, reference)
         VALUES (@id, 1, @now, @by, @now, @by, @auditId, @receiptNo, @amountPaise, @receivedOn, @mode, @reference)`,
      ).run({ ...row, now: tx.now, by: user.id });
      tx.record({
        name: 'auditFee.receive',
        entity: 'audit_fee_receipt',
        entityId: id,
        subjectId: audit.societyId,
        args: row,
        baseVersion: null,
        base: null,
      });
      return number;
    });
    return { receiptNo, audit: this.get(input.id) };
  }

  /** The fee by the rules in force when the year closed, from the balance-sheet total. */
  private feeFor(
    fy: string,
    heads: ReturnType<typeof statementHeadsFor>,
    statements: Record<string, number>,
  ): number {
    const { end } = financialYearBounds(fy);
    const rupees = (key: string) => Number(this.reference.rule(key, end)) * 100;
    return auditFee(statementTotals(heads, statements).assetsPaise, {
      perLakhPaise: rupees('audit.fee_per_lakh'),
      minimumPaise: rupees('audit.fee_min'),
      maximumPaise: rupees('audit.fee_max'),
    });
  }

  // ── internals ────────────────────────────────────────────────────────────────────────

  /**
   * Runs a named transition of the workflow: refused when someone else changed the audit
   * since it was opened (stale version) or when it is not in one of the `from` states.
   */
  private transition(
    user: SessionUser,
    audit: AuditRecord,
    baseVersion: number,
    from: readonly AuditState[],
    write: (tx: MutationTx) => void,
  ): void {
    this.writer.run(actorFor(user), (tx) => {
      const now = this.prepare('SELECT version, state FROM audits WHERE id = ?').get(audit.id) as {
        version: number;
        state: AuditState;
      };
      if (now.version !== baseVersion) {
        throw new AppError(
          'conflict',
          'This audit was changed after you opened it (perhaps in another window). Reload it.',
        );
      }
      if (!from.includes(now.state)) throw new AppError('conflict', stateRefusal(now.state));
      write(tx);
    });
  }

  private assertAssigned(user: SessionUser, audit: AuditRecord): void {
    if (audit.auditorId !== user.id) {
      throw new AppError('forbidden', 'This audit is assigned to another auditor.');
    }
  }

  private assertEditable(audit: AuditRecord): void {
    if (!editableAuditStates.includes(audit.state)) {
      throw new AppError('conflict', stateRefusal(audit.state));
    }
  }

  private assertAuditor(id: string): void {
    const user = this.prepare(
      `SELECT 1 FROM users WHERE id = ? AND role = 'auditor' AND active = 1 AND deleted_at IS NULL`,
    ).get(id);
    if (!user) {
      throw new AppError('invalid_input', 'Choose an active auditor.', {
        auditorId: 'Choose an active auditor.',
      });
    }
  }

  private assertYearClosed(fy: string): void {
    const { end } = financialYearBounds(fy);
    if (this.today() <= end) {
      throw new AppError(
        'invalid_input',
        `The accounts of ${fy} close on 31-03-${end.slice(0, 4)}; they are audited after that.`,
        { fy: `The accounts of ${fy} are audited after the year closes.` },
      );
    }
  }

  private audit(id: string): AuditRecord {
    const audit = this.prepare(
      `SELECT ${AUDIT_COLUMNS} FROM audits WHERE id = ? AND deleted_at IS NULL`,
    ).get(id) as AuditRecord | undefined;
    if (!audit) throw new AppError('not_found', 'This audit is not in the programme.');
    return audit;
  }

  private auditOf(societyId: string, fy: string): { id: string } | undefined {
    return this.prepare(
      'SELECT id FROM audits WHERE society_id = ? AND fy = ? AND deleted_at IS NULL',
    ).get(societyId, fy) as { id: string } | undefined;
  }

  private society(id: string): SocietyRecord {
    const society = this.prepare(
      `SELECT s.id, s.name, s.reg_no AS regNo, s.address, s.office_id AS officeId, s.status,
              s.registered_on AS registeredOn, t.code AS typeCode, t.name AS typeName, t.credit
       FROM societies s JOIN society_types t ON t.id = s.type_id WHERE s.id = ? AND s.deleted_at IS NULL`,
    ).get(id) as SocietyRecord | undefined;
    if (!society) throw new AppError('not_found', 'This society is not on the register.');
    return society;
  }

  private personName(userId: string): string {
    return (
      this.prepare(`SELECT ${personNameSql('@id')} AS name`).get({ id: userId }) as { name: string }
    ).name;
  }

  private today(): string {
    return indiaDate(this.clock.now());
  }
}

/** Why a transition cannot be made from `state`, in the words of the audit's stage. */
function stateRefusal(state: AuditState): string {
  switch (state) {
    case 'accepted':
      return 'This audit was accepted; it is closed.';
    case 'submitted':
      return 'This audit is submitted and waiting for the audit officer.';
    case 'returned':
      return 'This audit was returned to the auditor; it must be submitted again first.';
    case 'planned':
      return 'The field work of this audit has not started.';
    case 'in_field':
      return 'This audit is still in the field; the auditor has not submitted it.';
  }
}
