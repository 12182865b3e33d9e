import {
  editableAuditStates,
  gradeOf,
  marksProblem,
  statementHeadsFor,
  statementTotals,
  type Rubric,
} from '#shared/audits/audits';
import { financialYearBounds } from '#shared/returns/returns';
import { AppError } from '#shared/errors';
import type { AuditDetail, AuditReport } from '#shared/audits/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { CertificateService } from '../certificates/certificate-service';
import { columnOf } from '#shared/column-name';
import type { Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { ReferenceService } from '../reference/reference-service';
import type { AuditDetails } from './audit-detail';
import { feeByRule } from './audit-fees';
import type { AuditRecords } from './audit-records';
import type { AuditRubrics } from './audit-rubrics';

/**
 * The auditor's report through its workflow: saved as typed in the field, submitted when
 * complete, then returned or accepted by the audit officer, who issues the certificate.
 */
export class AuditReports {
  constructor(
    private readonly prepare: Prepare,
    private readonly reference: ReferenceService,
    private readonly certificates: CertificateService,
    private readonly records: AuditRecords,
    private readonly rubrics: AuditRubrics,
    private readonly details: AuditDetails,
  ) {}

  /**
   * The auditor saves the report as typed. The first save starts the field work and fixes
   * the rubric the scores are by; the grade follows the scores.
   */
  saveReport(user: SessionUser, id: string, baseVersion: number, report: AuditReport): AuditDetail {
    const audit = this.records.audit(id);
    this.records.assertAssigned(user, audit);
    const society = this.records.society(audit.societyId);
    const rubricRow = this.rubrics.rubricOf(audit, society);
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
    this.records.transition(user, audit, baseVersion, editableAuditStates, (tx) => {
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
    return this.details.get(id);
  }

  private reportProblems(
    report: AuditReport,
    rubric: Rubric,
    heads: ReturnType<typeof statementHeadsFor>,
    fy: string,
  ): Record<string, string> {
    const errors: Record<string, string> = {};
    const today = this.records.today();
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

  /** The auditor submits: field work dated, every criterion scored, the balance sheet balanced. */
  submit(user: SessionUser, id: string, baseVersion: number): AuditDetail {
    const audit = this.records.audit(id);
    this.records.assertAssigned(user, audit);
    const detail = this.details.get(id);
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
    this.records.transition(user, audit, baseVersion, ['in_field', 'returned'], (tx) => {
      const fields = { state: 'submitted', submittedOn: this.records.today() };
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
    return this.details.get(id);
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
    const audit = this.records.audit(id);
    const society = this.records.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'decide audits of this society');
    if (audit.auditorId === user.id) {
      throw new AppError('forbidden', 'You audited this society; another officer decides on it.');
    }
    if (decision === 'accept') this.certificates.prepareSigning(society.officeId);
    const detail = this.details.get(id);
    this.records.transition(user, audit, baseVersion, ['submitted'], (tx) => {
      const today = this.records.today();
      const fields: Record<string, unknown> = {
        state: decision === 'accept' ? 'accepted' : 'returned',
        reviewedBy: user.id,
        reviewedAt: tx.now,
        reviewRemarks: remarks === '' ? null : remarks,
      };
      if (decision === 'accept') {
        fields['feeComputedPaise'] = feeByRule(
          this.reference,
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
    return this.details.get(id);
  }
}
