import { addDays } from '#shared/domain/dates';
import {
  addMonths,
  defectStatus,
  statementHeadsFor,
  type AuditState,
  type Grade,
} from '#shared/audits/audits';
import type { AuditDetail, AuditObservation } from '#shared/audits/contract';
import { personNameSql } from '../db/person-name';
import type { Prepare } from '../db/statement-cache';
import type { ReferenceService } from '../reference/reference-service';
import { feeByRule } from './audit-fees';
import { LIVE_OBSERVATION, type AuditRecords } from './audit-records';
import type { AuditRubrics } from './audit-rubrics';

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

/**
 * An audit as the screens read it: the society, the report, the live observations with
 * their follow-up, and the fee with its receipts. Every write returns this view.
 */
export class AuditDetails {
  constructor(
    private readonly prepare: Prepare,
    private readonly records: AuditRecords,
    private readonly reference: ReferenceService,
    private readonly rubrics: AuditRubrics,
  ) {}

  /** The whole audit; `not_found` when it is not in the programme. */
  get(id: string): AuditDetail {
    const audit = this.records.audit(id);
    const society = this.records.society(audit.societyId);
    const office = this.reference.get().offices.find((o) => o.id === society.officeId);
    const rubric = this.rubrics.rubricOf(audit, society);
    const heads = statementHeadsFor(Boolean(society.credit));
    const statements = JSON.parse(audit.statements) as Record<string, number>;
    const today = this.records.today();
    const dueOn = this.records.dueOn(audit.fy);
    const receipts = this.prepare(
      `SELECT receipt_no AS receiptNo, amount_paise AS amountPaise, received_on AS receivedOn, mode, reference,
              ${personNameSql('r.created_by')} AS receivedByName
       FROM audit_fee_receipts r WHERE r.audit_id = ? AND r.deleted_at IS NULL ORDER BY r.created_at`,
    ).all(id) as AuditDetail['fee']['receipts'];
    const paidPaise = receipts.reduce((sum, receipt) => sum + receipt.amountPaise, 0);
    const computedPaise =
      audit.feeComputedPaise ??
      (Object.keys(statements).length > 0
        ? feeByRule(this.reference, audit.fy, heads, statements)
        : null);
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
      auditorName: this.records.personName(audit.auditorId),
      auditorKind: audit.auditorKind,
      assignedByName: this.records.personName(audit.assignedBy),
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
      rubric: this.rubrics.view(rubric),
      scores: JSON.parse(audit.scores) as Record<string, number>,
      totalMarks: audit.totalMarks,
      maxMarks: audit.maxMarks,
      grade: audit.grade,
      summary: audit.summary,
      submittedOn: audit.submittedOn,
      reviewedByName: audit.reviewedBy ? this.records.personName(audit.reviewedBy) : null,
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
    this.records.society(societyId);
    const today = this.records.today();
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
      overdue: row.state !== 'accepted' && today > this.records.dueOn(row.fy),
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
}
