import { indiaDate } from '#shared/domain/dates';
import {
  applicationStateWords,
  type ScrutinyItem,
  type ScrutinyResult,
} from '#shared/registration/registration';
import { AppError } from '#shared/errors';
import type { ApplicationDetail } from '#shared/registration/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';
import { checklistOf, type ApplicationRecord, type ScrutinyEntry } from './application-record';
import type { ApplicationSteps } from './application-steps';
import type { Applications } from './applications';

/**
 * The scrutiny of an application: its checklist, the deficiency letters that stop the
 * statutory clock, and the applicants' replies that start it again.
 */
export class ApplicationScrutiny {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly applications: Applications,
    private readonly steps: ApplicationSteps,
    private readonly clock: Clock,
    private readonly onChanged: (ids: { id: string; societyId: string | null }) => void,
  ) {}

  /** The clerk starts checking the application; refused once it is past being received. */
  startScrutiny(user: SessionUser, id: string, baseVersion: number): ApplicationDetail {
    return this.steps.step(user, id, baseVersion, 'startScrutiny', () => ({}));
  }

  /**
   * Records what the scrutiny found for items of the type's checklist. An item marked
   * wanting keeps its note for the deficiency letter; a null result clears the item.
   */
  recordScrutiny(
    user: SessionUser,
    id: string,
    baseVersion: number,
    items: { code: string; result: ScrutinyResult | null; note: string | null }[],
  ): ApplicationDetail {
    const checklist = checklistOf(this.reference, this.applications.record(id).typeId);
    this.assertOnChecklist(
      checklist,
      items.map((item) => item.code),
    );
    this.writer.run(actorFor(user), (tx) => {
      const current = this.steps.current(user, id, baseVersion);
      if (current.state !== 'under_scrutiny') {
        throw new AppError(
          'conflict',
          current.state === 'received'
            ? 'Start the scrutiny before recording the checklist.'
            : `The application is ${applicationStateWords[current.state]}, so its checklist cannot be changed.`,
        );
      }
      const before = JSON.parse(current.scrutiny) as Record<string, ScrutinyEntry>;
      const after = { ...before };
      const today = indiaDate(new Date(tx.now));
      for (const item of items) {
        const previous = before[item.code];
        if (item.result === null) delete after[item.code];
        else if (previous?.result !== item.result || (previous.note ?? null) !== item.note)
          after[item.code] = { result: item.result, note: item.note, by: user.id, on: today };
      }
      this.writeScrutiny(tx, current, before, after);
    });
    this.onChanged({ id, societyId: null });
    return this.applications.get(id);
  }

  /** A deficiency letter listing what is missing; the clock stops from its date. */
  issueDeficiency(
    user: SessionUser,
    id: string,
    baseVersion: number,
    items: { code: string; note: string }[],
  ): ApplicationDetail {
    this.assertOnChecklist(
      checklistOf(this.reference, this.applications.record(id).typeId),
      items.map((item) => item.code),
    );
    return this.steps.step(user, id, baseVersion, 'issueDeficiency', (tx, current) => {
      // The letter's items are wanting on the checklist too, until the reply is checked.
      const before = JSON.parse(current.scrutiny) as Record<string, ScrutinyEntry>;
      const after = { ...before };
      const today = indiaDate(new Date(tx.now));
      for (const item of items)
        after[item.code] = { result: 'wanting', note: item.note, by: user.id, on: today };
      this.writeScrutiny(tx, current, before, after);
      const letterId = tx.newId();
      const letter = {
        id: letterId,
        applicationId: id,
        issuedOn: indiaDate(new Date(tx.now)),
        items: JSON.stringify(items),
      };
      this.prepare(
        `INSERT INTO deficiency_letters (id, version, created_at, created_by, updated_at, updated_by, application_id, issued_on, items)
         VALUES (@id, 1, @now, @by, @now, @by, @applicationId, @issuedOn, @items)`,
      ).run({ ...letter, now: tx.now, by: user.id });
      tx.record({
        name: 'deficiency.issue',
        entity: 'deficiency_letter',
        entityId: letterId,
        subjectId: id,
        args: { ...letter, items },
        baseVersion: null,
        base: null,
      });
      return {};
    });
  }

  /** The applicants answered the letter: the clock runs again from the reply's date. */
  recordReply(
    user: SessionUser,
    id: string,
    baseVersion: number,
    replyOn: string,
    note: string,
  ): ApplicationDetail {
    const today = indiaDate(this.clock.now());
    return this.steps.step(user, id, baseVersion, 'recordReply', (tx) => {
      const letter = this.prepare(
        `SELECT id, version, issued_on AS issuedOn FROM deficiency_letters
         WHERE application_id = ? AND reply_on IS NULL ORDER BY issued_on DESC LIMIT 1`,
      ).get(id) as { id: string; version: number; issuedOn: string };
      if (replyOn > today || replyOn < letter.issuedOn) {
        const message =
          replyOn > today
            ? 'The reply date cannot be in the future.'
            : 'The reply cannot be dated before the deficiency letter.';
        throw new AppError('invalid_input', message, { replyOn: message });
      }
      this.prepare(
        'UPDATE deficiency_letters SET reply_on = ?, reply_note = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
      ).run(replyOn, note, tx.now, user.id, letter.id);
      tx.record({
        name: 'deficiency.reply',
        entity: 'deficiency_letter',
        entityId: letter.id,
        subjectId: id,
        args: { replyOn, replyNote: note },
        baseVersion: letter.version,
        base: { replyOn: null, replyNote: null },
      });
      return {};
    });
  }

  private assertOnChecklist(checklist: ScrutinyItem[], codes: string[]): void {
    const known = new Set(checklist.map((item) => item.code));
    const unknown = codes.find((code) => !known.has(code));
    if (unknown !== undefined) {
      throw new AppError(
        'invalid_input',
        `“${unknown}” is not an item of the scrutiny checklist for this type of society.`,
      );
    }
    if (new Set(codes).size !== codes.length) {
      throw new AppError('invalid_input', 'An item of the checklist is listed twice.');
    }
  }

  /** Saves the checklist as one change of the application, with what it was before. */
  private writeScrutiny(
    tx: MutationTx,
    current: ApplicationRecord,
    before: Record<string, ScrutinyEntry>,
    after: Record<string, ScrutinyEntry>,
  ): void {
    const baseVersion = this.applications.record(current.id).version;
    this.prepare(
      'UPDATE registration_applications SET scrutiny = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
    ).run(JSON.stringify(after), tx.now, tx.userId, current.id);
    tx.record({
      name: 'application.recordScrutiny',
      entity: 'registration_application',
      entityId: current.id,
      args: { scrutiny: after },
      baseVersion,
      base: { scrutiny: before },
    });
  }
}
