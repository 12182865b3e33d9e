import { addDays } from '#shared/domain/dates';
import type { AuditorKind } from '#shared/audits/audits';
import { financialYearBounds, functioningStatuses } from '#shared/returns/returns';
import { AppError } from '#shared/errors';
import type {
  AuditDetail,
  AuditFilter,
  AuditRegisterRow,
  GradeCounts,
  MyAuditRow,
} from '#shared/audits/contract';
import type { SessionUser } from '#shared/auth/contract';
import { personNameSql } from '../db/person-name';
import type { Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { ReferenceService } from '../reference/reference-service';
import { FUNCTIONING_SQL, yearlyRegisterScope } from '../societies/yearly-register';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import type { AuditDetails } from './audit-detail';
import type { AuditRecords, SocietyRecord } from './audit-records';

/**
 * The audit programme of a year: which auditor audits which society, the auditor's own
 * list, and the register of every functioning society with its audit and the tallies.
 */
export class AuditProgramme {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly records: AuditRecords,
    private readonly details: AuditDetails,
  ) {}

  /** The active auditors an audit can be assigned to, by name. */
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
    const societies = input.societyIds.map((id) => this.records.society(id));
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
      ids.map((id) => this.records.society(id)),
    );
  }

  private writeAssignments(
    user: SessionUser,
    input: { fy: string; auditorId: string; auditorKind: AuditorKind },
    societies: SocietyRecord[],
  ): { assigned: number; skipped: number } {
    const today = this.records.today();
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

  /** Gives an audit not yet submitted (or returned) to another auditor. */
  reassign(
    user: SessionUser,
    id: string,
    baseVersion: number,
    auditorId: string,
    auditorKind: AuditorKind,
  ): AuditDetail {
    const audit = this.records.audit(id);
    const society = this.records.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'programme audits of this society');
    this.assertAuditor(auditorId);
    this.records.transition(user, audit, baseVersion, ['planned', 'in_field', 'returned'], (tx) => {
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
    return this.details.get(id);
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
    ).all({ auditorId: user.id, since: addDays(this.records.today(), -365) }) as Omit<
      MyAuditRow,
      'dueOn'
    >[];
    return rows.map((row) => ({ ...row, dueOn: this.records.dueOn(row.fy) }));
  }

  // ── the register ─────────────────────────────────────────────────────────────────────

  /** One page of the year's register, and how many societies match the filter. */
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
    const overdue = this.records.today() > this.records.dueOn(filter.fy);
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

  /** The year's due date and how many societies are at each stage, and overdue. */
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
    const dueOn = this.records.dueOn(filter.fy);
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
      overdue: this.records.today() > dueOn ? counts.total - counts.accepted : 0,
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
        if (this.records.today() <= this.records.dueOn(filter.fy)) return null;
        where.push(`(a.id IS NULL OR a.state <> 'accepted')`);
        break;
      case 'planned':
      case 'in_field':
      case 'submitted':
      case 'returned':
      case 'accepted':
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
    if (this.records.today() <= end) {
      throw new AppError(
        'invalid_input',
        `The accounts of ${fy} close on 31-03-${end.slice(0, 4)}; they are audited after that.`,
        { fy: `The accounts of ${fy} are audited after the year closes.` },
      );
    }
  }

  private auditOf(societyId: string, fy: string): { id: string } | undefined {
    return this.prepare(
      'SELECT id FROM audits WHERE society_id = ? AND fy = ? AND deleted_at IS NULL',
    ).get(societyId, fy) as { id: string } | undefined;
  }
}
