import type { SessionUser } from '#shared/auth/contract';
import { indiaDate } from '#shared/domain/dates';
import { AppError } from '#shared/errors';
import { columnOf } from '#shared/column-name';
import { ENTITY_TABLES, type SyncEntity } from '#shared/sync/entities';
import { REPLACE_PROVISIONAL, patternOfProvisional } from '#shared/sync/numbers';
import type { CertificateService } from '../certificates/certificate-service';
import type { Clock, Logger } from '../ports';
import type { SocietyService } from '../societies/society-service';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';
import { numberPattern, type NumberAllocator } from './number-allocator';

/**
 * Where each kind of number is kept, by the purpose it was given for: the record and its
 * field (a society's registration number has its own path, `SocietyCorrections.renumber`).
 */
const OWNERS: Record<string, { entity: SyncEntity; field: string }> = {
  acknowledgement: { entity: 'registration_application', field: 'ackNo' },
  return_acknowledgement: { entity: 'annual_return', field: 'ackNo' },
  return_notice: { entity: 'return_notice', field: 'letterNo' },
  audit_fee_receipt: { entity: 'audit_fee_receipt', field: 'receiptNo' },
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
      const officeId = registration ? this.societies.records.officeIdOf(provisional.ownerId) : null;
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
              ? { isTaken: (candidate: string) => this.societies.records.isNumberUsed(candidate) }
              : {}),
          },
        );
        this.numbers.void(tx, provisional.number, `Provisional; replaced by ${number} at sync`);
        if (registration) {
          this.societies.corrections.renumber(tx, provisional.ownerId, number, REPLACE_PROVISIONAL);
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
    const table = ENTITY_TABLES[owner.entity];
    const column = columnOf(owner.field);
    const current = tx.sqlite
      .prepare(`SELECT version, ${column} AS number FROM ${table} WHERE id = ?`)
      .get(id) as { version: number; number: string } | undefined;
    if (!current) throw new AppError('not_found', `The record of number ${number} is gone.`);
    tx.sqlite
      .prepare(
        `UPDATE ${table} SET ${column} = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
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
