import { financialYearOf } from '#shared/domain/dates';
import { auditFee, statementTotals, type statementHeadsFor } from '#shared/audits/audits';
import { financialYearBounds } from '#shared/returns/returns';
import { formatRupees } from '#shared/domain/money';
import { AppError } from '#shared/errors';
import type { AuditDetail } from '#shared/audits/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { ReferenceService } from '../reference/reference-service';
import { officeNumbering, type NumberAllocator } from '../registration/number-allocator';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import type { AuditDetails } from './audit-detail';
import type { AuditRecords } from './audit-records';

/** The fee by the rules in force when the year closed, from the balance-sheet total. */
export function feeByRule(
  reference: ReferenceService,
  fy: string,
  heads: ReturnType<typeof statementHeadsFor>,
  statements: Record<string, number>,
): number {
  const { end } = financialYearBounds(fy);
  const rupees = (key: string) => Number(reference.rule(key, end)) * 100;
  return auditFee(statementTotals(heads, statements).assetsPaise, {
    perLakhPaise: rupees('audit.fee_per_lakh'),
    minimumPaise: rupees('audit.fee_min'),
    maximumPaise: rupees('audit.fee_max'),
  });
}

/**
 * The audit fee: fixed by rule when the audit is accepted (see AuditReports.review), set
 * by hand by the registrar, and paid at the counter against numbered receipts.
 */
export class AuditFees {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly numbers: NumberAllocator,
    private readonly records: AuditRecords,
    private readonly details: AuditDetails,
  ) {}

  /** Sets the fee by hand with a reason, or (`feePaise` null) goes back to the fee by rule. */
  setFee(
    user: SessionUser,
    id: string,
    baseVersion: number,
    feePaise: number | null,
    reason: string | null,
  ): AuditDetail {
    const audit = this.records.audit(id);
    const society = this.records.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'set the fee of this audit');
    this.records.transition(
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
    return this.details.get(id);
  }

  /**
   * Takes a payment of the fee and numbers its receipt; refuses more than is outstanding,
   * and a fee not yet fixed (by acceptance or by hand).
   */
  receiveFee(
    user: SessionUser,
    input: {
      id: string;
      amountPaise: number;
      mode: 'cash' | 'challan' | 'bank';
      reference: string | null;
    },
  ): { receiptNo: string; audit: AuditDetail } {
    const audit = this.records.audit(input.id);
    const society = this.records.society(audit.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'receive the fee of this audit');
    if (input.mode !== 'cash' && !input.reference) {
      throw new AppError('invalid_input', 'Give the challan or transfer reference.', {
        reference: 'Give the challan or transfer reference.',
      });
    }
    const detail = this.details.get(input.id);
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
    const today = this.records.today();
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
    return { receiptNo, audit: this.details.get(input.id) };
  }
}
