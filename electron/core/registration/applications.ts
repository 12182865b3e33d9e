import { indiaDate, financialYearOf } from '#shared/domain/dates';
import {
  finalApplicationStates,
  statutoryClock,
  type ApplicationCreate,
  type ApplicationState,
} from '#shared/registration/registration';
import { AppError } from '#shared/errors';
import { assertJurisdiction, isStateOffice } from '../jurisdiction';
import type { ApplicationDetail, ApplicationRow } from '#shared/registration/contract';
import type { SessionUser } from '#shared/auth/contract';
import { personNameSql } from '../db/person-name';
import type { Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import {
  SELECT_APPLICATION,
  type ApplicationRecord,
  type ScrutinyEntry,
} from './application-record';
import type { NameReservations } from './name-reservations';
import { officeNumbering, type NumberAllocator } from './number-allocator';

/**
 * Applications for registration as the counter sees them: one received with its promoters
 * and acknowledgement number, one opened with its checklist and letters, and the list of
 * an office's applications with the statutory clock of each.
 */
export class Applications {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly names: NameReservations,
    private readonly numbers: NumberAllocator,
    private readonly clock: Clock,
    private readonly onChanged: (ids: { id: string; societyId: string | null }) => void,
  ) {}

  /**
   * Receives an application at the counter and gives it the next acknowledgement number of
   * its office and year. Refused with the reason per field (too few promoters, an office
   * outside the user's jurisdiction or not covering the area), saving nothing.
   */
  receive(user: SessionUser, input: ApplicationCreate): ApplicationDetail {
    const today = indiaDate(this.clock.now());
    const errors: Record<string, string> = {};
    const reference = this.reference.get();
    const type = reference.societyTypes.find((candidate) => candidate.id === input.typeId);
    const office = reference.offices.find((candidate) => candidate.id === input.officeId);
    if (!type) errors['typeId'] = 'Choose the type of society.';
    if (!office) errors['officeId'] = 'Choose the office.';
    else
      assertJurisdiction(this.reference, user, office.id, 'receive applications for that office');
    if (input.receivedOn > today)
      errors['receivedOn'] = 'The date received cannot be in the future.';
    if (type) {
      const minimum = Number(
        this.reference.rule('registration.min_promoters', input.receivedOn, type.code),
      );
      if (input.promoters.length < minimum) {
        const listed = input.promoters.length;
        // English only until the backend's refusals carry codes the renderer words (issue 28).
        errors['promoters'] =
          `A ${type.name.toLowerCase()} needs at least ${minimum} promoters; ${listed} ${listed === 1 ? 'is' : 'are'} listed.`;
      }
    }
    const chiefs = input.promoters.filter((promoter) => promoter.isChief).length;
    if (input.promoters.length > 0 && chiefs !== 1) {
      errors['promoters'] ??= 'Mark exactly one promoter as the chief promoter.';
    }
    const villages = new Set(reference.villages.map((village) => village.id));
    if (input.areaVillageIds.some((id) => !villages.has(id))) {
      errors['areaVillageIds'] = 'Choose the villages of the area of operation from the list.';
    }
    if (
      office &&
      !errors['areaVillageIds'] &&
      this.reference.officeCovers(office.id, input.districtId, input.villageId) === 'no'
    ) {
      errors['officeId'] = `${office.shortName} does not cover the society’s district.`;
    }
    if (Object.keys(errors).length > 0) {
      throw new AppError('invalid_input', Object.values(errors).join(' '), errors);
    }
    const id = this.writer.run(actorFor(user), (tx) => {
      const applicationId = tx.newId();
      const fy = financialYearOf(input.receivedOn);
      const { number: ackNo } = this.numbers.allocate(
        tx,
        officeNumbering('acknowledgement', office!.code, fy),
        'acknowledgement',
        applicationId,
      );
      const row = {
        id: applicationId,
        ackNo,
        proposedName: input.proposedName,
        proposedNameMizo: input.proposedNameMizo,
        typeId: input.typeId,
        officeId: input.officeId,
        districtId: input.districtId,
        villageId: input.villageId,
        address: input.address,
        areaVillageIds: JSON.stringify(input.areaVillageIds),
        receivedOn: input.receivedOn,
        mode: input.mode,
        shareCapitalPaise: input.shareCapitalPaise,
        bankCertificateRef: input.bankCertificateRef,
        byLaws: input.byLaws,
        feeReceiptNo: input.feeReceiptNo,
        receivedBy: user.id,
      };
      this.prepare(
        `INSERT INTO registration_applications (id, version, created_at, created_by, updated_at, updated_by, ack_no,
           proposed_name, proposed_name_mizo, type_id, office_id, district_id, village_id, address, area_village_ids,
           received_on, mode, share_capital_paise, bank_certificate_ref, by_laws, fee_receipt_no, received_by)
         VALUES (@id, 1, @now, @receivedBy, @now, @receivedBy, @ackNo, @proposedName, @proposedNameMizo, @typeId, @officeId,
           @districtId, @villageId, @address, @areaVillageIds, @receivedOn, @mode, @shareCapitalPaise,
           @bankCertificateRef, @byLaws, @feeReceiptNo, @receivedBy)`,
      ).run({ ...row, now: tx.now });
      const promoters = input.promoters.map((promoter, position) => ({
        id: tx.newId(),
        position,
        ...promoter,
      }));
      for (const promoter of promoters) {
        this.prepare(
          `INSERT INTO application_promoters (id, version, created_at, created_by, updated_at, updated_by, application_id,
             position, name, relation_name, age, occupation, address, shares, amount_paid_paise, is_chief)
           VALUES (@id, 1, @now, @by, @now, @by, @applicationId, @position, @name, @relationName, @age, @occupation,
             @address, @shares, @amountPaidPaise, @isChief)`,
        ).run({
          ...promoter,
          isChief: promoter.isChief ? 1 : 0,
          applicationId,
          now: tx.now,
          by: user.id,
        });
      }
      if (input.reservationId)
        this.names.useReservation(tx, input.reservationId, applicationId, input.proposedName);
      tx.record({
        name: 'application.receive',
        entity: 'registration_application',
        entityId: applicationId,
        // The state and checklist it starts with are said outright: the row pushed with this
        // change is the row as it stands at push time, perhaps already scrutinised and
        // decided offline, and the server must insert it as received for the later steps.
        args: {
          ...row,
          state: 'received',
          scrutiny: {},
          areaVillageIds: input.areaVillageIds,
          promoters,
        },
        baseVersion: null,
        base: null,
      });
      return applicationId;
    });
    this.onChanged({ id, societyId: null });
    return this.get(id);
  }

  /** The application with its promoters, checklist, letters and close names; `not_found` if absent. */
  get(id: string): ApplicationDetail {
    const application = this.record(id);
    const promoters = this.prepare(
      `SELECT name, relation_name AS relationName, age, occupation, address, shares, amount_paid_paise AS amountPaidPaise,
              is_chief AS isChief
       FROM application_promoters WHERE application_id = ? AND deleted_at IS NULL ORDER BY position`,
    ).all(id) as (Omit<ApplicationDetail['promoters'][number], 'isChief'> & { isChief: number })[];
    const letters = this.prepare(
      `SELECT l.id, l.issued_on AS issuedOn, ${personNameSql('l.created_by')} AS issuedByName, l.items,
                l.reply_on AS replyOn, l.reply_note AS replyNote
         FROM deficiency_letters l WHERE l.application_id = ? AND l.deleted_at IS NULL
         ORDER BY l.issued_on, l.created_at`,
    ).all(id) as {
      id: string;
      issuedOn: string;
      issuedByName: string;
      items: string;
      replyOn: string | null;
      replyNote: string | null;
    }[];
    const reference = this.reference.get();
    const type = reference.societyTypes.find((candidate) => candidate.id === application.typeId);
    const checklist = type?.scrutinyItems ?? [];
    const labelOf = (code: string) => checklist.find((item) => item.code === code)?.label ?? code;
    const lettersWithItems = letters.map((letter, index) => ({
      ...letter,
      letterNo: `${application.ackNo}/DL-${index + 1}`,
      items: (JSON.parse(letter.items) as { code: string; note: string }[]).map((item) => ({
        ...item,
        label: labelOf(item.code),
      })),
    }));
    const scrutiny = JSON.parse(application.scrutiny) as Record<string, ScrutinyEntry>;
    const userName = this.prepare(`SELECT ${personNameSql('@id')} AS name`);
    const nameOf = (userId: string) => (userName.get({ id: userId }) as { name: string }).name;
    const areaVillageIds = JSON.parse(application.areaVillageIds) as string[];
    return {
      ...this.row(application, letters),
      proposedNameMizo: application.proposedNameMizo,
      typeId: application.typeId,
      officeId: application.officeId,
      districtId: application.districtId,
      villageId: application.villageId,
      address: application.address,
      areaOfOperation: areaVillageIds.map((villageId) => ({
        id: villageId,
        name: reference.villages.find((village) => village.id === villageId)?.name ?? '—',
      })),
      mode: application.mode,
      shareCapitalPaise: application.shareCapitalPaise,
      bankCertificateRef: application.bankCertificateRef,
      byLaws: application.byLaws,
      feeReceiptNo: application.feeReceiptNo,
      minPromoters: type
        ? Number(
            this.reference.rule('registration.min_promoters', application.receivedOn, type.code),
          )
        : 0,
      promoters: promoters.map((promoter) => ({ ...promoter, isChief: Boolean(promoter.isChief) })),
      deficiencyLetters: lettersWithItems,
      checklist: checklist.map((item) => {
        const entry = scrutiny[item.code];
        return {
          code: item.code,
          label: item.label,
          result: entry?.result ?? null,
          note: entry?.note ?? null,
          checkedByName: entry ? nameOf(entry.by) : null,
          checkedOn: entry?.on ?? null,
        };
      }),
      closeNames: this.names.closeNames(application.proposedName),
      decisionReasons: application.decisionReasons,
      entryRefused: application.entryRefusedReason
        ? { reason: application.entryRefusedReason, regNo: application.entryRefusedRegNo }
        : null,
      version: application.version,
    };
  }

  /** Applications of the user's office (all offices for the state office), open ones first. */
  list(user: SessionUser, filter: { state?: ApplicationState | undefined }): ApplicationRow[] {
    const where = ['a.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (filter.state) {
      where.push('a.state = ?');
      params.push(filter.state);
    }
    if (!isStateOffice(this.reference, user.officeId)) {
      where.push('a.office_id = ?');
      params.push(user.officeId);
    }
    // Open applications first, the oldest (nearest the deemed date) first, then decided ones
    // newest first: an office with thousands never loses its most urgent from the list.
    const finals = finalApplicationStates.map((state) => `'${state}'`).join(', ');
    const records = this.prepare(
      `${SELECT_APPLICATION} WHERE ${where.join(' AND ')}
       ORDER BY a.state IN (${finals}),
                CASE WHEN a.state IN (${finals}) THEN a.received_on END DESC,
                a.received_on
       LIMIT 1000`,
    ).all(...params) as ApplicationRecord[];
    const pauses = this.prepare(
      'SELECT issued_on AS issuedOn, reply_on AS replyOn FROM deficiency_letters WHERE application_id = ? AND deleted_at IS NULL',
    );
    return records
      .map((record) =>
        this.row(record, pauses.all(record.id) as { issuedOn: string; replyOn: string | null }[]),
      )
      .sort(
        (a, b) =>
          Number(b.open) - Number(a.open) || (a.clock?.daysLeft ?? 0) - (b.clock?.daysLeft ?? 0),
      );
  }

  private row(
    record: ApplicationRecord,
    letters: { issuedOn: string; replyOn: string | null }[],
  ): ApplicationRow {
    const open = !finalApplicationStates.includes(record.state);
    const deemedAfter = Number(
      this.reference.rule('registration.deemed_after_days', record.receivedOn),
    );
    const reference = this.reference.get();
    return {
      id: record.id,
      ackNo: record.ackNo,
      proposedName: record.proposedName,
      typeName: reference.societyTypes.find((type) => type.id === record.typeId)?.name ?? '—',
      officeName:
        reference.offices.find((office) => office.id === record.officeId)?.shortName ?? '—',
      receivedOn: record.receivedOn,
      receivedBy: record.receivedBy,
      receivedByName: record.receivedByName,
      state: record.state,
      open,
      clock: open
        ? statutoryClock(
            record.receivedOn,
            letters.map((letter) => ({ from: letter.issuedOn, to: letter.replyOn })),
            indiaDate(this.clock.now()),
            deemedAfter,
          )
        : null,
      decidedByName: record.decidedByName,
      decidedAt: record.decidedAt,
      societyId: record.societyId,
    };
  }

  /** The application as stored; `not_found` when it does not exist. */
  record(id: string): ApplicationRecord {
    const record = this.prepare(
      `${SELECT_APPLICATION} WHERE a.id = ? AND a.deleted_at IS NULL`,
    ).get(id) as ApplicationRecord | undefined;
    if (!record) throw new AppError('not_found', 'This application does not exist.');
    return record;
  }
}
