import type { SessionUser } from '#shared/auth/contract';
import type { StatusOrderRow } from '#shared/status-orders/contract';
import { dateRuleErrors } from '#shared/societies/society';
import { indiaDate } from '#shared/domain/dates';
import type { SocietyStatus } from '#shared/societies/society';
import {
  canOrderStatus,
  type StatusOrderProposal,
  type StatusOrderState,
} from '#shared/status-orders/status-order';
import { AppError } from '#shared/errors';
import { assertJurisdiction, isStateOffice } from '../jurisdiction';
import type { Sqlite } from '../db/open-database';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { CertificateService } from '../certificates/certificate-service';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';

const statusWords: Record<SocietyStatus, string> = {
  registered: 'registered',
  functional: 'functional',
  non_functional: 'non-functional',
  under_liquidation: 'under liquidation',
  deregistered: 'deregistered',
  merged: 'merged',
};

const SELECT_ORDERS = `
  SELECT o.id, o.society_id AS societyId, s.name AS societyName, s.reg_no AS societyRegNo,
         o.office_id AS officeId, f.short_name AS officeName, o.from_status AS fromStatus,
         o.to_status AS toStatus, o.effective_on AS effectiveOn, o.order_ref AS orderRef, o.reason,
         o.state, o.proposed_by AS proposedBy, p.full_name AS proposedByName, o.proposed_at AS proposedAt,
         d.full_name AS decidedByName, o.decided_at AS decidedAt, o.decision_note AS decisionNote, o.version
  FROM status_orders o
  JOIN societies s ON s.id = o.society_id
  JOIN offices f ON f.id = o.office_id
  JOIN users p ON p.id = o.proposed_by
  LEFT JOIN users d ON d.id = o.decided_by`;

/**
 * Status orders: the first use of maker ≠ checker (issue #3). A clerk proposes; a
 * registrar of the society's office (or of the state office) approves or rejects; the
 * proposer can never decide, which the database's CHECK constraint enforces as well.
 * Registration and audits reuse `assertCanDecide` for their own approvals.
 */
export class StatusOrderService {
  private readonly prepare: Prepare;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
    private readonly certificates: Pick<CertificateService, 'revokeForSociety'>,
    private readonly onChanged: (order: { id: string; societyId: string }) => void,
  ) {
    // Preparing dominates the cost of a small query, so each SQL text is prepared once.
    this.prepare = statementCache(sqlite);
  }

  propose(user: SessionUser, proposal: StatusOrderProposal): StatusOrderRow {
    const id = this.writer.run(actorFor(user), (tx) => {
      const society = this.society(proposal.societyId);
      assertJurisdiction(
        this.reference,
        user,
        society.officeId,
        'propose a status order for this society',
      );
      const errors: Record<string, string> = {};
      if (!canOrderStatus(society.status, proposal.toStatus)) {
        errors['toStatus'] =
          society.status === proposal.toStatus
            ? `The society is already ${statusWords[society.status]}.`
            : `A ${statusWords[society.status]} society cannot be made ${statusWords[proposal.toStatus]} by a status order.`;
      }
      const dateErrors = dateRuleErrors(
        { registeredOn: society.registeredOn, statusSince: proposal.effectiveOn },
        indiaDate(this.clock.now()),
      );
      if (dateErrors['statusSince']) {
        errors['effectiveOn'] = dateErrors['statusSince'].replace(
          'The date of the current status',
          'The date the order takes effect',
        );
      }
      const pending = this.prepare(
        "SELECT 1 FROM status_orders WHERE society_id = ? AND state = 'proposed' AND deleted_at IS NULL",
      ).get(proposal.societyId);
      if (pending) {
        throw new AppError(
          'conflict',
          'A status order for this society is already waiting for a decision. It must be approved or rejected first.',
        );
      }
      if (Object.keys(errors).length > 0) {
        throw new AppError('invalid_input', Object.values(errors).join(' '), errors);
      }
      const orderId = tx.newId();
      const row = {
        id: orderId,
        societyId: society.id,
        officeId: society.officeId,
        fromStatus: society.status,
        toStatus: proposal.toStatus,
        effectiveOn: proposal.effectiveOn,
        orderRef: proposal.orderRef,
        reason: proposal.reason,
        state: 'proposed' as StatusOrderState,
        proposedBy: user.id,
        proposedAt: tx.now,
      };
      this.prepare(
        `INSERT INTO status_orders (id, version, created_at, created_by, updated_at, updated_by, society_id, office_id,
           from_status, to_status, effective_on, order_ref, reason, state, proposed_by, proposed_at)
         VALUES (@id, 1, @proposedAt, @proposedBy, @proposedAt, @proposedBy, @societyId, @officeId,
           @fromStatus, @toStatus, @effectiveOn, @orderRef, @reason, @state, @proposedBy, @proposedAt)`,
      ).run(row);
      tx.record({
        name: 'statusOrder.propose',
        entity: 'status_order',
        entityId: orderId,
        subjectId: society.id,
        args: row,
        baseVersion: null,
        base: null,
      });
      return orderId;
    });
    const order = this.get(id);
    this.onChanged({ id, societyId: order.societyId });
    return order;
  }

  /**
   * Approves (the society takes the new status, with a history entry naming both people)
   * or rejects with a note. Only a proposed order can be decided, once.
   */
  decide(
    user: SessionUser,
    id: string,
    decision: 'approve' | 'reject',
    note: string | null,
  ): StatusOrderRow {
    this.writer.run(actorFor(user), (tx) => {
      const order = this.get(id);
      if (order.state !== 'proposed') {
        throw new AppError(
          'conflict',
          `This order was already ${order.state} by ${order.decidedByName ?? 'someone else'}.`,
        );
      }
      assertCanDecide(user, order.proposedBy);
      assertJurisdiction(
        this.reference,
        user,
        order.officeId,
        'decide a status order for this society',
      );
      const state: StatusOrderState = decision === 'approve' ? 'approved' : 'rejected';
      this.prepare(
        `UPDATE status_orders SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?,
           version = version + 1, updated_at = ?, updated_by = ?
         WHERE id = ? AND state = 'proposed'`,
      ).run(state, user.id, tx.now, note, tx.now, user.id, id);
      tx.record({
        name: decision === 'approve' ? 'statusOrder.approve' : 'statusOrder.reject',
        entity: 'status_order',
        entityId: id,
        subjectId: order.societyId,
        args: { state, decidedBy: user.id, decidedAt: tx.now, decisionNote: note },
        baseVersion: order.version,
        base: { state: 'proposed', decidedBy: null, decidedAt: null, decisionNote: null },
      });
      if (decision === 'reject') return;

      const society = this.society(order.societyId);
      if (society.status !== order.fromStatus) {
        throw new AppError(
          'conflict',
          `The society's status changed to ${statusWords[society.status]} after this order was proposed. Reject it and propose a new one.`,
        );
      }
      this.prepare(
        `UPDATE societies SET status = ?, status_since = ?, version = version + 1, updated_at = ?, updated_by = ?
         WHERE id = ?`,
      ).run(order.toStatus, order.effectiveOn, tx.now, user.id, society.id);
      tx.record({
        name: 'society.changeStatus',
        entity: 'society',
        entityId: society.id,
        args: { status: order.toStatus, statusSince: order.effectiveOn },
        baseVersion: society.version,
        base: { status: society.status, statusSince: society.statusSince },
      });
      const historyId = tx.newId();
      const history = {
        id: historyId,
        societyId: society.id,
        status: order.toStatus,
        effectiveOn: order.effectiveOn,
        orderRef: order.orderRef,
        reason: order.reason,
        orderId: order.id,
      };
      this.prepare(
        `INSERT INTO society_status_history (id, version, created_at, created_by, updated_at, updated_by, society_id, status,
           effective_on, order_ref, reason, order_id)
         VALUES (@id, 1, @now, @by, @now, @by, @societyId, @status, @effectiveOn, @orderRef, @reason, @orderId)`,
      ).run({ ...history, now: tx.now, by: user.id });
      if (order.toStatus === 'deregistered') {
        // A deregistered society's certificates no longer certify anything.
        this.certificates.revokeForSociety(
          tx,
          society.id,
          `Society deregistered by order ${order.orderRef}`,
        );
      }
      tx.record({
        name: 'societyStatus.record',
        entity: 'society_status',
        entityId: historyId,
        subjectId: society.id,
        args: history,
        baseVersion: null,
        base: null,
      });
    });
    const order = this.get(id);
    this.onChanged({ id, societyId: order.societyId });
    return order;
  }

  list(
    filter: { state?: StatusOrderState; societyId?: string },
    user: SessionUser,
  ): StatusOrderRow[] {
    const where: string[] = ['o.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (filter.state) {
      where.push('o.state = ?');
      params.push(filter.state);
    }
    if (filter.societyId) {
      where.push('o.society_id = ?');
      params.push(filter.societyId);
    } else if (!isStateOffice(this.reference, user.officeId)) {
      // Lists of pending work show the user's own office; one society's orders show to all.
      where.push('o.office_id = ?');
      params.push(user.officeId);
    }
    return this.prepare(
      `${SELECT_ORDERS} WHERE ${where.join(' AND ')} ORDER BY o.proposed_at DESC LIMIT 500`,
    ).all(...params) as StatusOrderRow[];
  }

  get(id: string): StatusOrderRow {
    const row = this.prepare(`${SELECT_ORDERS} WHERE o.id = ? AND o.deleted_at IS NULL`).get(id) as
      StatusOrderRow | undefined;
    if (!row) throw new AppError('not_found', 'This status order does not exist.');
    return row;
  }

  private society(id: string): {
    id: string;
    status: SocietyStatus;
    statusSince: string | null;
    officeId: string;
    registeredOn: string;
    version: number;
  } {
    const row = this.prepare(
      `SELECT id, status, status_since AS statusSince, office_id AS officeId, registered_on AS registeredOn, version
       FROM societies WHERE id = ? AND deleted_at IS NULL`,
    ).get(id) as ReturnType<StatusOrderService['society']> | undefined;
    if (!row) throw new AppError('not_found', 'This society is not on the register.');
    return row;
  }
}

/**
 * Maker ≠ checker (domain.md §1): whoever prepared a record never approves it. Registration
 * and audit approvals call this too; each of their tables repeats it as a CHECK constraint.
 */
export function assertCanDecide(user: { id: string }, preparedBy: string): void {
  if (user.id === preparedBy) {
    throw new AppError(
      'forbidden',
      'You prepared this yourself, so another officer must approve or reject it.',
    );
  }
}
