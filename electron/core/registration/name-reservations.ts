import { addDays, formatDate, indiaDate } from '#shared/domain/dates';
import { distinctiveName } from '#shared/registration/registration';
import { AppError } from '#shared/errors';
import type { NameReservationRow } from '#shared/registration/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import { isStateOffice } from '../jurisdiction';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import type { SocietyService } from '../societies/society-service';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';

const SELECT_RESERVATION = `
  SELECT r.id, r.name, r.type_id AS typeId, t.name AS typeName, o.short_name AS officeName, r.applicant_name AS applicantName,
         r.reserved_on AS reservedOn, r.expires_on AS expiresOn, r.application_id AS applicationId
  FROM name_reservations r JOIN society_types t ON t.id = r.type_id JOIN offices o ON o.id = r.office_id`;

/**
 * Names held for promoters before they apply (rule parameter
 * `registration.name_reservation_days`), and the warning about names already registered
 * or held that an application shows the clerk.
 */
export class NameReservations {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly societies: SocietyService,
    private readonly clock: Clock,
  ) {}

  /**
   * Registered societies whose name is the same or close, and names reserved for someone
   * else, for the clerk's warning.
   */
  closeNames(name: string): string[] {
    const key = distinctiveName(name);
    if (key === '') return [];
    const registered = this.societies.finder
      .search(key, 5, {})
      .map((society) => `${society.name} (${society.regNo})`);
    const reserved = this.activeReservations(key).map(
      (reservation) => `${reservation.name} (reserved until ${formatDate(reservation.expiresOn)})`,
    );
    return [...registered, ...reserved];
  }

  /** Unexpired reservations of the same distinctive name, not yet used by an application. */
  private activeReservations(key: string): NameReservationRow[] {
    return this.prepare(
      `${SELECT_RESERVATION} WHERE r.name_key = ? AND r.expires_on >= ? AND r.application_id IS NULL AND r.deleted_at IS NULL`,
    ).all(key, indiaDate(this.clock.now())) as NameReservationRow[];
  }

  /**
   * Holds a name for promoters until the reservation expires (rule parameter
   * `registration.name_reservation_days`). Refused when the name is registered or held.
   */
  reserveName(
    user: SessionUser,
    input: { name: string; typeId: string; applicantName: string },
  ): NameReservationRow {
    const key = distinctiveName(input.name);
    const today = indiaDate(this.clock.now());
    const refuse = (message: string) => {
      throw new AppError('invalid_input', message, { name: message });
    };
    if (key === '') refuse('The name needs a word of its own besides “cooperative society”.');
    if (!this.reference.get().societyTypes.some((type) => type.id === input.typeId)) {
      throw new AppError('invalid_input', 'Choose the type of society.', {
        typeId: 'Choose the type of society.',
      });
    }
    const [held] = this.activeReservations(key);
    if (held) refuse(`${held.name} is reserved until ${formatDate(held.expiresOn)}.`);
    const registered = this.societies.finder
      .search(key, 20, {})
      .find((society) => distinctiveName(society.name) === key);
    if (registered) refuse(`${registered.name} is already registered (${registered.regNo}).`);
    const days = Number(this.reference.rule('registration.name_reservation_days', today));
    const expiresOn = addDays(today, days);
    const id = this.writer.run(actorFor(user), (tx) => {
      const row = {
        id: tx.newId(),
        name: input.name,
        nameKey: key,
        typeId: input.typeId,
        officeId: user.officeId,
        applicantName: input.applicantName,
        reservedOn: today,
        expiresOn,
      };
      this.prepare(
        `INSERT INTO name_reservations (id, version, created_at, created_by, updated_at, updated_by, name, name_key, type_id,
           office_id, applicant_name, reserved_on, expires_on)
         VALUES (@id, 1, @now, @by, @now, @by, @name, @nameKey, @typeId, @officeId, @applicantName, @reservedOn, @expiresOn)`,
      ).run({ ...row, now: tx.now, by: user.id });
      tx.record({
        name: 'nameReservation.create',
        entity: 'name_reservation',
        entityId: row.id,
        args: row,
        baseVersion: null,
        base: null,
      });
      return row.id;
    });
    return this.prepare(`${SELECT_RESERVATION} WHERE r.id = ?`).get(id) as NameReservationRow;
  }

  /** The promoters apply under the name they reserved: the reservation is used up. */
  useReservation(tx: MutationTx, reservationId: string, applicationId: string, name: string): void {
    const reservation = this.prepare(
      `SELECT id, version, name_key AS nameKey, expires_on AS expiresOn, application_id AS applicationId
       FROM name_reservations WHERE id = ? AND deleted_at IS NULL`,
    ).get(reservationId) as
      | {
          id: string;
          version: number;
          nameKey: string;
          expiresOn: string;
          applicationId: string | null;
        }
      | undefined;
    const refuse = (message: string) => {
      throw new AppError('invalid_input', message, { reservationId: message });
    };
    if (!reservation) return refuse('That name reservation does not exist.');
    if (reservation.applicationId)
      refuse('That name reservation was already used by another application.');
    if (reservation.expiresOn < indiaDate(new Date(tx.now)))
      refuse('That name reservation has expired.');
    if (reservation.nameKey !== distinctiveName(name)) {
      refuse('The proposed name is not the name that was reserved.');
    }
    this.prepare(
      'UPDATE name_reservations SET application_id = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
    ).run(applicationId, tx.now, tx.userId, reservation.id);
    tx.record({
      name: 'nameReservation.use',
      entity: 'name_reservation',
      entityId: reservation.id,
      subjectId: applicationId,
      args: { applicationId },
      baseVersion: reservation.version,
      base: { applicationId: null },
    });
  }

  /** Reservations of the user's office (all for the state office), unexpired first. */
  listReservations(user: SessionUser): NameReservationRow[] {
    const own = isStateOffice(this.reference, user.officeId) ? '' : 'AND r.office_id = ?';
    return this.prepare(
      `${SELECT_RESERVATION} WHERE r.deleted_at IS NULL ${own} ORDER BY r.expires_on < ?, r.expires_on DESC LIMIT 500`,
    ).all(...(own ? [user.officeId] : []), indiaDate(this.clock.now())) as NameReservationRow[];
  }
}
