import type { ObservationInput } from '#shared/audits/audits';
import { AppError } from '#shared/errors';
import type { AuditDetail } from '#shared/audits/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';
import type { AuditDetails } from './audit-detail';
import { LIVE_OBSERVATION, type AuditRecord, type AuditRecords } from './audit-records';

/**
 * The auditor's observations and defects, numbered as paras of the report. An entry is
 * never changed in place: a correction or a withdrawal is a new entry that supersedes it,
 * so sync appends them without conflict (sync.md §5).
 */
export class AuditObservations {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly records: AuditRecords,
    private readonly details: AuditDetails,
  ) {}

  /** Adds an observation as the next para, while the report is open to its auditor. */
  addObservation(user: SessionUser, auditId: string, input: ObservationInput): AuditDetail {
    const audit = this.records.audit(auditId);
    this.records.assertAssigned(user, audit);
    this.records.assertEditable(audit);
    this.writer.run(actorFor(user), (tx) => {
      const para =
        (
          this.prepare(
            'SELECT coalesce(max(para), 0) AS n FROM audit_observations WHERE audit_id = ?',
          ).get(auditId) as { n: number }
        ).n + 1;
      this.insertObservation(tx, audit, para, input, null, false);
    });
    return this.details.get(auditId);
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
    const audit = this.records.audit(old.auditId);
    this.records.assertAssigned(user, audit);
    this.records.assertEditable(audit);
    this.writer.run(actorFor(user), (tx) => {
      const { id: _id, auditId: _auditId, para, ...previous } = old;
      this.insertObservation(tx, audit, para, input ?? previous, observationId, input === null);
    });
    return this.details.get(audit.id);
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
}
