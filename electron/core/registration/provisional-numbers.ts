import type { SessionUser } from '../../../shared/ipc/contract';
import { indiaDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';
import type { SyncEntity } from '../../../shared/sync/entities';
import { REPLACE_PROVISIONAL, patternOfProvisional } from '../../../shared/sync/numbers';
import type { CertificateService } from '../certificates/certificate-service';
import type { Clock, Logger } from '../ports';
import type { SocietyService } from '../societies/society-service';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';
import { numberPattern, type NumberAllocator } from './number-allocator';

/** Where each kind of number is kept, by the purpose it was given for. */
const OWNERS: Record<string, { entity: SyncEntity; table: string; column: string; field: string }> =
  {
    acknowledgement: {
      entity: 'registration_application',
      table: 'registration_applications',
      column: 'ack_no',
      field: 'ackNo',
    },
    return_acknowledgement: {
      entity: 'annual_return',
      table: 'annual_returns',
      column: 'ack_no',
      field: 'ackNo',
    },
    return_notice: {
      entity: 'return_notice',
      table: 'return_notices',
      column: 'letter_no',
      field: 'letterNo',
    },
    audit_fee_receipt: {
      entity: 'audit_fee_receipt',
      table: 'audit_fee_receipts',
      column: 'receipt_no',
      field: 'receiptNo',
    },
  };

/**
 * Replaces the provisional numbers this computer gave while it had no leased numbers left
 * (sync.md §6) once the state server has leased it a block: each record gets its final
 * number under the name of whoever gave the provisional one, the provisional number is
 * voided with the number that replaced it, and a society registered meanwhile gets the
 * registration certificate it could not have before.
 */
export class ProvisionalNumbers {
  constructor(
    private readonly writer: MutationWriter,
    private readonly numbers: NumberAllocator,
    private readonly societies: SocietyService,
    private readonly certificates: CertificateService,
    private readonly userById: (id: string) => SessionUser | null,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Replaces every provisional number a leased one is there for; returns how many. */
  replaceAll(): number {
    let replaced = 0;
    for (const provisional of this.numbers.provisionalInUse()) {
      const user = this.userById(provisional.createdBy);
      const known = provisional.purpose === 'registration' || provisional.purpose in OWNERS;
      if (!user || !known) {
        this.logger.warn('numbers.provisional_left', {
          number: provisional.number,
          reason: user ? `unknown purpose ${provisional.purpose}` : 'its user is not here',
        });
        continue;
      }
      const numbering = numberPattern(patternOfProvisional(provisional.series));
      // None leased of this series yet: it waits for the next sync.
      if (!this.numbers.hasLeasedLeft(numbering.series)) continue;
      const registration = provisional.purpose === 'registration';
      const officeId = registration ? this.societies.officeIdOf(provisional.ownerId) : null;
      if (officeId) this.certificates.prepareSigning(officeId);
      this.writer.run(actorFor(user), (tx) => {
        const { number } = this.numbers.allocate(
          tx,
          numbering,
          provisional.purpose,
          provisional.ownerId,
          {
            final: true,
            ...(registration
              ? { isTaken: (candidate: string) => this.societies.isNumberUsed(candidate) }
              : {}),
          },
        );
        this.numbers.void(tx, provisional.number, `Provisional; replaced by ${number} at sync`);
        if (registration) {
          this.societies.renumber(tx, provisional.ownerId, number, REPLACE_PROVISIONAL);
          this.certificates.issueRegistration(
            tx,
            user,
            provisional.ownerId,
            indiaDate(this.clock.now()),
          );
        } else {
          this.renumberRecord(tx, OWNERS[provisional.purpose]!, provisional.ownerId, number);
        }
      });
      if (registration) this.societies.changed(provisional.ownerId);
      replaced++;
    }
    return replaced;
  }

  private renumberRecord(
    tx: MutationTx,
    owner: (typeof OWNERS)[string],
    id: string,
    number: string,
  ): void {
    const current = tx.sqlite
      .prepare(`SELECT version, ${owner.column} AS number FROM ${owner.table} WHERE id = ?`)
      .get(id) as { version: number; number: string } | undefined;
    if (!current) throw new AppError('not_found', `The record of number ${number} is gone.`);
    tx.sqlite
      .prepare(
        `UPDATE ${owner.table} SET ${owner.column} = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(number, tx.now, tx.userId, id);
    tx.record({
      name: REPLACE_PROVISIONAL,
      entity: owner.entity,
      entityId: id,
      args: { [owner.field]: number },
      baseVersion: current.version,
      base: { [owner.field]: current.number },
    });
  }
}
