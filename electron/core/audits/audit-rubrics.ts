import type { Rubric } from '#shared/audits/audits';
import { AppError } from '#shared/errors';
import type { RubricView } from '#shared/audits/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import type { ReferenceService } from '../reference/reference-service';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import type { AuditRecord, SocietyRecord } from './audit-records';

const RUBRIC_COLUMNS = 'id, version, scope, from_fy AS fromFy, criteria, thresholds';

/** One row of `audit_rubrics`; criteria and thresholds are JSON. */
export interface RubricRecord {
  id: string;
  version: number;
  scope: string;
  fromFy: string;
  criteria: string;
  thresholds: string;
}

/**
 * The rubrics audits are scored by, kept as reference data: one per society type (or one
 * for every type) from a year on, frozen once an audit is scored by it.
 */
export class AuditRubrics {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
  ) {}

  /** Every rubric in force or to come, the one for every type last. */
  list(): RubricView[] {
    const rows = this.prepare(
      `SELECT ${RUBRIC_COLUMNS} FROM audit_rubrics
       WHERE deleted_at IS NULL ORDER BY scope <> '', scope, from_fy`,
    ).all() as RubricRecord[];
    return rows.map((row) => this.view(row));
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
  rubricOf(audit: AuditRecord, society: SocietyRecord): RubricRecord {
    if (!audit.rubricId) return this.rubricFor(society.typeCode, audit.fy);
    return this.prepare(`SELECT ${RUBRIC_COLUMNS} FROM audit_rubrics WHERE id = ?`).get(
      audit.rubricId,
    ) as RubricRecord;
  }

  /**
   * Adds a rubric, or changes one no audit is scored by yet; refuses (`conflict`) a second
   * rubric for the same types and year, a stale version, and a rubric that graded audits.
   */
  save(
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
    return this.list();
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

  /** The rubric as the screens show it, with how many audits it graded. */
  view(row: RubricRecord): RubricView {
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
}
