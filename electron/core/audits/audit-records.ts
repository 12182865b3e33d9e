import { indiaDate } from '#shared/domain/dates';
import {
  auditDueOn,
  editableAuditStates,
  type AuditorKind,
  type AuditState,
  type Grade,
} from '#shared/audits/audits';
import { financialYearBounds } from '#shared/returns/returns';
import { AppError } from '#shared/errors';
import type { SessionUser } from '#shared/auth/contract';
import { personNameSql } from '../db/person-name';
import type { Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';

/** One row of `audits`, as AUDIT_COLUMNS reads it. */
export interface AuditRecord {
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

export const AUDIT_COLUMNS = `id, version, state, society_id AS societyId, fy, auditor_id AS auditorId,
  auditor_kind AS auditorKind, assigned_by AS assignedBy, assigned_on AS assignedOn,
  fieldwork_from AS fieldworkFrom, fieldwork_to AS fieldworkTo, statements,
  balance_sheet_paise AS balanceSheetPaise, net_profit_paise AS netProfitPaise, rubric_id AS rubricId, scores,
  total_marks AS totalMarks, max_marks AS maxMarks, grade, summary, submitted_on AS submittedOn,
  reviewed_by AS reviewedBy, reviewed_at AS reviewedAt, review_remarks AS reviewRemarks,
  certificate_serial AS certificateSerial, fee_computed_paise AS feeComputedPaise,
  fee_override_paise AS feeOverridePaise, fee_override_reason AS feeOverrideReason`;

/** The audited society, with the facts of its type the audit depends on. */
export interface SocietyRecord {
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

/** Observations nobody has corrected or withdrawn (the `o` alias), as a WHERE clause. */
export const LIVE_OBSERVATION = `o.deleted_at IS NULL AND o.withdrawn = 0
  AND NOT EXISTS (SELECT 1 FROM audit_observations later WHERE later.supersedes = o.id)`;

/** The kind of the last follow-up entry of observation `o`, or NULL. */
export const LAST_ACTION = `(SELECT a.kind FROM audit_defect_actions a WHERE a.observation_id = o.id AND a.deleted_at IS NULL
  ORDER BY a.created_at DESC, a.id DESC LIMIT 1)`;

/**
 * What every part of the audits reads and checks the same way: an audit and its society,
 * today's date and the due date, the guards on who may write, and the named transition of
 * the workflow.
 */
export class AuditRecords {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
  ) {}

  /** The due date of the audit of `fy`, from the rule parameter in force when the year closed. */
  dueOn(fy: string): string {
    return auditDueOn(fy, this.reference.rule('audit.due', financialYearBounds(fy).end));
  }

  /**
   * Runs a named transition of the workflow: refused when someone else changed the audit
   * since it was opened (stale version) or when it is not in one of the `from` states.
   */
  transition(
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

  /** Refuses (`forbidden`) anyone but the auditor the audit is assigned to. */
  assertAssigned(user: SessionUser, audit: AuditRecord): void {
    if (audit.auditorId !== user.id) {
      throw new AppError('forbidden', 'This audit is assigned to another auditor.');
    }
  }

  /** Refuses (`conflict`) an audit whose report is no longer open to the auditor. */
  assertEditable(audit: AuditRecord): void {
    if (!editableAuditStates.includes(audit.state)) {
      throw new AppError('conflict', stateRefusal(audit.state));
    }
  }

  /** The audit's row; `not_found` when it is not in the programme. */
  audit(id: string): AuditRecord {
    const audit = this.prepare(
      `SELECT ${AUDIT_COLUMNS} FROM audits WHERE id = ? AND deleted_at IS NULL`,
    ).get(id) as AuditRecord | undefined;
    if (!audit) throw new AppError('not_found', 'This audit is not in the programme.');
    return audit;
  }

  /** The society with its type; `not_found` when it is not on the register. */
  society(id: string): SocietyRecord {
    const society = this.prepare(
      `SELECT s.id, s.name, s.reg_no AS regNo, s.address, s.office_id AS officeId, s.status,
              s.registered_on AS registeredOn, t.code AS typeCode, t.name AS typeName, t.credit
       FROM societies s JOIN society_types t ON t.id = s.type_id WHERE s.id = ? AND s.deleted_at IS NULL`,
    ).get(id) as SocietyRecord | undefined;
    if (!society) throw new AppError('not_found', 'This society is not on the register.');
    return society;
  }

  /** The name a user is shown by. */
  personName(userId: string): string {
    return (
      this.prepare(`SELECT ${personNameSql('@id')} AS name`).get({ id: userId }) as { name: string }
    ).name;
  }

  /** Today in India, `YYYY-MM-DD`. */
  today(): string {
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
