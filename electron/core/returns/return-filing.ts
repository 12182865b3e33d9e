import { formatDate } from '#shared/domain/dates';
import {
  financialYearBounds,
  functioningStatuses,
  type ReturnFiling,
  type ReturnState,
} from '#shared/returns/returns';
import { AppError } from '#shared/errors';
import type { ReturnDetail } from '#shared/returns/contract';
import type { SessionUser } from '#shared/auth/contract';
import { columnOf } from '#shared/column-name';
import type { Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { ReferenceService } from '../reference/reference-service';
import { officeNumbering, type NumberAllocator } from '../registration/number-allocator';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import type { ReturnDetails } from './return-detail';
import type { ReturnRecords } from './return-records';

/**
 * A return's way through the office: filed at the counter by the society's secretary (and
 * filed again when sent back), then the clerk's check that accepts or sends it back.
 */
export class ReturnFilings {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly numbers: NumberAllocator,
    private readonly records: ReturnRecords,
    private readonly details: ReturnDetails,
  ) {}

  /**
   * Checks that the return of `fy` can be filed now for this society, by this user: it
   * owes one, the year has closed, and it is not already filed and waiting or accepted.
   */
  assertCanFile(user: SessionUser, societyId: string, fy: string): void {
    const society = this.records.society(societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'take returns of this society');
    const { end } = financialYearBounds(fy);
    if (!functioningStatuses.includes(society.status as (typeof functioningStatuses)[number])) {
      throw new AppError(
        'conflict',
        `${society.name} is ${society.status.replace('_', ' ')}; it owes no return.`,
      );
    }
    if (society.registeredOn > end) {
      throw new AppError('conflict', `${society.name} was registered after ${fy} closed.`);
    }
    if (this.records.today() <= end) {
      throw new AppError(
        'conflict',
        `The year ${fy} closes on ${formatDate(end)}; its return can be filed after that.`,
      );
    }
    this.records.dueOn(fy);
    const filed = this.records.filed(societyId, fy);
    if (filed?.state === 'accepted') {
      throw new AppError('conflict', `The return of ${fy} was accepted; it is closed.`);
    }
    if (filed?.state === 'filed') {
      throw new AppError(
        'conflict',
        `The return of ${fy} is filed and waiting for the clerk’s check. Accept it or send it back first.`,
      );
    }
  }

  /**
   * The secretary files the return at the counter (or files it again after it was sent
   * back). The acknowledgement number is given at the first filing; lateness and the late
   * fee are counted from the day of filing.
   */
  file(
    user: SessionUser,
    target: { societyId: string; fy: string },
    filing: ReturnFiling,
  ): ReturnDetail {
    this.assertCanFile(user, target.societyId, target.fy);
    const today = this.records.today();
    const errors: Record<string, string> = {};
    if (filing.items.agmOn && filing.items.agmOn > today)
      errors['items.agmOn'] = 'The date of the annual general meeting cannot be in the future.';
    if (filing.items.electionsOn && filing.items.electionsOn > today)
      errors['items.electionsOn'] = 'The date of the elections cannot be in the future.';
    if (Object.keys(errors).length > 0)
      throw new AppError('invalid_input', Object.values(errors).join(' '), errors);

    const society = this.records.society(target.societyId);
    const dueOn = this.records.dueOn(target.fy);
    const fee = this.records.lateFeeOf(dueOn, today, target.fy);
    const office = this.reference.get().offices.find((o) => o.id === society.officeId)!;
    this.writer.run(actorFor(user), (tx) => {
      const before = this.records.filed(target.societyId, target.fy);
      const fields: Record<string, unknown> = {
        state: 'filed',
        filedOn: today,
        dueOn,
        daysLate: fee.daysLate,
        lateFeePaise: fee.feePaise,
        counterClerk: user.id,
        declarantName: filing.declarantName,
        declarantDesignation: filing.declarantDesignation,
        ...filing.items,
        auditedAccounts: filing.items.auditedAccounts ? 1 : 0,
        electionsHeld: filing.items.electionsHeld ? 1 : 0,
        ...filing.snapshot,
        reviewedBy: null,
        reviewedAt: null,
        reviewReasons: null,
      };
      const columns = Object.keys(fields);
      if (before) {
        this.prepare(
          `UPDATE annual_returns SET ${columns.map((c) => `${columnOf(c)} = @${c}`).join(', ')},
             version = version + 1, updated_at = @now, updated_by = @by WHERE id = @id`,
        ).run({ ...fields, now: tx.now, by: user.id, id: before.id });
        tx.record({
          name: 'return.refile',
          entity: 'annual_return',
          entityId: before.id,
          subjectId: target.societyId,
          args: {
            ...fields,
            auditedAccounts: filing.items.auditedAccounts,
            electionsHeld: filing.items.electionsHeld,
          },
          baseVersion: before.version,
          base: { state: before.state },
        });
        return;
      }
      const id = tx.newId();
      const { number: ackNo } = this.numbers.allocate(
        tx,
        officeNumbering('returnAcknowledgement', office.code, target.fy),
        'return_acknowledgement',
        id,
      );
      const row = { ...fields, id, societyId: target.societyId, fy: target.fy, ackNo };
      const all = Object.keys(row);
      this.prepare(
        `INSERT INTO annual_returns (created_at, created_by, updated_at, updated_by, ${all.map(columnOf).join(', ')})
         VALUES (@now, @by, @now, @by, ${all.map((c) => `@${c}`).join(', ')})`,
      ).run({ ...row, now: tx.now, by: user.id });
      tx.record({
        name: 'return.file',
        entity: 'annual_return',
        entityId: id,
        subjectId: target.societyId,
        args: {
          ...row,
          auditedAccounts: filing.items.auditedAccounts,
          electionsHeld: filing.items.electionsHeld,
        },
        baseVersion: null,
        base: null,
      });
    });
    return this.details.get(target.societyId, target.fy);
  }

  /** The clerk's check: accepted (the return is closed) or sent back with the reasons. */
  review(
    user: SessionUser,
    id: string,
    baseVersion: number,
    decision: 'accept' | 'send_back',
    reasons: string | null,
  ): ReturnDetail {
    const current = this.prepare(
      `SELECT r.id, r.version, r.state, r.society_id AS societyId, r.fy FROM annual_returns r
       WHERE r.id = ? AND r.deleted_at IS NULL`,
    ).get(id) as
      | { id: string; version: number; state: ReturnState; societyId: string; fy: string }
      | undefined;
    if (!current) throw new AppError('not_found', 'This return does not exist.');
    const society = this.records.society(current.societyId);
    assertJurisdiction(this.reference, user, society.officeId, 'check returns of this society');
    this.writer.run(actorFor(user), (tx) => {
      const now = this.prepare('SELECT version, state FROM annual_returns WHERE id = ?').get(
        id,
      ) as {
        version: number;
        state: ReturnState;
      };
      if (now.version !== baseVersion) {
        throw new AppError(
          'conflict',
          'Someone else changed this return after you opened it. Reload it.',
        );
      }
      if (now.state !== 'filed') {
        throw new AppError(
          'conflict',
          now.state === 'accepted'
            ? 'This return was already accepted; it is closed.'
            : 'This return was sent back; the secretary must file it again first.',
        );
      }
      const state = decision === 'accept' ? 'accepted' : 'sent_back';
      const fields = {
        state,
        reviewedBy: user.id,
        reviewedAt: tx.now,
        reviewReasons: decision === 'accept' ? (reasons === '' ? null : reasons) : reasons,
      };
      this.prepare(
        `UPDATE annual_returns SET state = @state, reviewed_by = @reviewedBy, reviewed_at = @reviewedAt,
           review_reasons = @reviewReasons, version = version + 1, updated_at = @reviewedAt, updated_by = @reviewedBy
         WHERE id = @id`,
      ).run({ ...fields, id });
      tx.record({
        name: decision === 'accept' ? 'return.accept' : 'return.sendBack',
        entity: 'annual_return',
        entityId: id,
        subjectId: current.societyId,
        args: fields,
        baseVersion,
        base: { state: 'filed', reviewedBy: null, reviewedAt: null, reviewReasons: null },
      });
    });
    return this.details.get(current.societyId, current.fy);
  }
}
