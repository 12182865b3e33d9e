import { daysBetween } from '#shared/domain/dates';
import { defectStatus, defectVerifierRoles, type DefectActionKind } from '#shared/audits/audits';
import { AppError } from '#shared/errors';
import type { AuditDetail, OverdueDefectRow } from '#shared/audits/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { ReferenceService } from '../reference/reference-service';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import type { AuditDetails } from './audit-detail';
import { LAST_ACTION, LIVE_OBSERVATION, type AuditRecords } from './audit-records';

/** Defects of accepted audits followed until put right: the society's reply, then the verdict. */
export class AuditDefects {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly records: AuditRecords,
    private readonly details: AuditDetails,
  ) {}

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
    const audit = this.records.audit(observation.auditId);
    const society = this.records.society(audit.societyId);
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
    if (input.actedOn > this.records.today()) {
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
    return this.details.get(audit.id);
  }

  /** Defects of accepted audits not rectified after their due date, oldest first. */
  overdueDefects(officeId?: string): OverdueDefectRow[] {
    const today = this.records.today();
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
}
