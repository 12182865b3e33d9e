import {
  applicationTransitions,
  stepRefusal,
  type ApplicationStep,
} from '#shared/registration/registration';
import { AppError } from '#shared/errors';
import type { ApplicationDetail } from '#shared/registration/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { ReferenceService } from '../reference/reference-service';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';
import type { ApplicationRecord } from './application-record';
import type { Applications } from './applications';

/**
 * The named steps of an application's life (`applicationTransitions`): each checks the
 * state allows it and that nobody saved since the user opened the application, then moves
 * it on with the change recorded. Scrutiny and decisions both walk through here.
 */
export class ApplicationSteps {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly applications: Applications,
    private readonly onChanged: (ids: { id: string; societyId: string | null }) => void,
  ) {}

  /** Takes a named step if the state allows it and nobody saved since `baseVersion`. */
  step(
    user: SessionUser,
    id: string,
    baseVersion: number,
    step: ApplicationStep,
    work: (tx: MutationTx, current: ApplicationRecord) => Record<string, unknown>,
  ): ApplicationDetail {
    this.writer.run(actorFor(user), (tx) => {
      const current = this.current(user, id, baseVersion);
      const refusal = stepRefusal(step, current.state);
      if (refusal) throw new AppError('conflict', refusal);
      const fields = work(tx, current);
      // `work` may have saved the checklist, which counts as a change of its own.
      const version = this.applications.record(id).version;
      const to = applicationTransitions[step].to;
      const columns: Record<string, string> = {
        decidedBy: 'decided_by',
        decidedAt: 'decided_at',
        decisionReasons: 'decision_reasons',
        societyId: 'society_id',
      };
      const assignments = Object.keys(fields).map((field) => `${columns[field]} = @${field}`);
      this.prepare(
        `UPDATE registration_applications SET state = @state, ${[...assignments, ''].join(', ')}version = version + 1,
           updated_at = @now, updated_by = @by WHERE id = @id`,
      ).run({ ...fields, state: to, now: tx.now, by: user.id, id });
      tx.record({
        name: `application.${step}`,
        entity: 'registration_application',
        entityId: id,
        args: { state: to, ...fields },
        baseVersion: version,
        base: { state: current.state },
      });
    });
    this.onChanged({ id, societyId: null });
    return this.applications.get(id);
  }

  /**
   * The application as it is inside a write: refused when someone saved since the user
   * opened it, or when it belongs to an office outside the user's jurisdiction.
   */
  current(user: SessionUser, id: string, baseVersion: number): ApplicationRecord {
    const current = this.applications.record(id);
    if (current.version !== baseVersion) {
      throw new AppError(
        'conflict',
        'Someone else changed this application after you opened it. Reload it.',
      );
    }
    assertJurisdiction(this.reference, user, current.officeId, 'act on this application');
    return current;
  }
}
