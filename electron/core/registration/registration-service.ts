import { addDays, formatDate, indiaDate, financialYearOf } from '#shared/domain/dates';
import {
  applicationStateWords,
  applicationTransitions,
  distinctiveName,
  finalApplicationStates,
  statutoryClock,
  stepRefusal,
  type ApplicationCreate,
  type ApplicationState,
  type ApplicationStep,
  type ScrutinyItem,
  type ScrutinyResult,
} from '#shared/registration/registration';
import { AppError } from '#shared/errors';
import { assertJurisdiction, isStateOffice } from '../jurisdiction';
import type {
  ApplicationDetail,
  ApplicationRow,
  NameReservationRow,
} from '#shared/registration/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { CertificateService } from '../certificates/certificate-service';
import type { Sqlite } from '../db/open-database';
import { personNameSql } from '../db/person-name';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import type { SocietyService } from '../societies/society-service';
import { assertCanDecide } from '../status-orders/status-order-service';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';
import {
  SERIES_PATTERNS,
  officeNumbering,
  numberPattern,
  type NumberAllocator,
  type NumberSeries,
} from './number-allocator';

interface ApplicationRecord {
  id: string;
  version: number;
  ackNo: string;
  proposedName: string;
  proposedNameMizo: string | null;
  typeId: string;
  officeId: string;
  districtId: string;
  villageId: string | null;
  address: string;
  areaVillageIds: string;
  receivedOn: string;
  mode: 'counter' | 'post';
  shareCapitalPaise: number;
  bankCertificateRef: string | null;
  byLaws: 'model' | 'own';
  feeReceiptNo: string | null;
  /** JSON object: item code → what the scrutiny found (`ScrutinyEntry`). */
  scrutiny: string;
  state: ApplicationState;
  receivedBy: string;
  receivedByName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReasons: string | null;
  societyId: string | null;
  entryRefusedReason: string | null;
  entryRefusedRegNo: string | null;
}

const SELECT_APPLICATION = `
  SELECT a.id, a.version, a.ack_no AS ackNo, a.proposed_name AS proposedName, a.proposed_name_mizo AS proposedNameMizo,
         a.type_id AS typeId, a.office_id AS officeId, a.district_id AS districtId, a.village_id AS villageId,
         a.address, a.area_village_ids AS areaVillageIds, a.received_on AS receivedOn, a.mode,
         a.share_capital_paise AS shareCapitalPaise, a.bank_certificate_ref AS bankCertificateRef, a.by_laws AS byLaws,
         a.fee_receipt_no AS feeReceiptNo, a.scrutiny, a.state, a.received_by AS receivedBy,
         ${personNameSql('a.received_by')} AS receivedByName,
         (SELECT full_name FROM users WHERE id = a.decided_by) AS decidedByName, a.decided_at AS decidedAt,
         a.decision_reasons AS decisionReasons, a.society_id AS societyId,
         a.entry_refused_reason AS entryRefusedReason, a.entry_refused_reg_no AS entryRefusedRegNo
  FROM registration_applications a`;

/** What the scrutiny found for one item of the checklist, by whom and when. */
interface ScrutinyEntry {
  result: ScrutinyResult;
  note: string | null;
  by: string;
  on: string;
}

const SELECT_RESERVATION = `
  SELECT r.id, r.name, r.type_id AS typeId, t.name AS typeName, o.short_name AS officeName, r.applicant_name AS applicantName,
         r.reserved_on AS reservedOn, r.expires_on AS expiresOn, r.application_id AS applicationId
  FROM name_reservations r JOIN society_types t ON t.id = r.type_id JOIN offices o ON o.id = r.office_id`;

/**
 * Registration of a new society (issue #4): the application received at the counter, its
 * scrutiny, deficiency letters that stop the statutory clock, and the registrar's decision.
 * Approval puts the society on the register with the next number of its office and year
 * and issues the registration certificate, all in one transaction.
 */
export class RegistrationService {
  private readonly prepare: Prepare;

  constructor(
    sqlite: Sqlite,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly societies: SocietyService,
    private readonly numbers: NumberAllocator,
    private readonly certificates: CertificateService,
    private readonly clock: Clock,
    private readonly onChanged: (ids: { id: string; societyId: string | null }) => void,
  ) {
    this.prepare = statementCache(sqlite);
  }

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
        errors['promoters'] =
          `A ${type.name.toLowerCase()} needs at least ${minimum} promoters; ${input.promoters.length} are listed.`;
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
        this.useReservation(tx, input.reservationId, applicationId, input.proposedName);
      tx.record({
        name: 'application.receive',
        entity: 'registration_application',
        entityId: applicationId,
        args: { ...row, areaVillageIds: input.areaVillageIds, promoters },
        baseVersion: null,
        base: null,
      });
      return applicationId;
    });
    this.onChanged({ id, societyId: null });
    return this.get(id);
  }

  startScrutiny(user: SessionUser, id: string, baseVersion: number): ApplicationDetail {
    return this.step(user, id, baseVersion, 'startScrutiny', () => ({}));
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
    const checklist = this.checklistOf(this.record(id).typeId);
    this.assertOnChecklist(
      checklist,
      items.map((item) => item.code),
    );
    this.writer.run(actorFor(user), (tx) => {
      const current = this.current(user, id, baseVersion);
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
    return this.get(id);
  }

  /** A deficiency letter listing what is missing; the clock stops from its date. */
  issueDeficiency(
    user: SessionUser,
    id: string,
    baseVersion: number,
    items: { code: string; note: string }[],
  ): ApplicationDetail {
    this.assertOnChecklist(
      this.checklistOf(this.record(id).typeId),
      items.map((item) => item.code),
    );
    return this.step(user, id, baseVersion, 'issueDeficiency', (tx, current) => {
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
    return this.step(user, id, baseVersion, 'recordReply', (tx) => {
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

  /**
   * The registrar's decision (never the clerk who received it). Approval registers the
   * society with the next number of its office and year, and issues its certificate.
   */
  decide(
    user: SessionUser,
    id: string,
    baseVersion: number,
    decision: 'approve' | 'refuse',
    reasons: string | null,
  ): ApplicationDetail {
    const application = this.record(id);
    assertCanDecide(user, application.receivedBy);
    assertJurisdiction(this.reference, user, application.officeId, 'decide this application');
    // The office's signing key is made (once) before the approval's transaction.
    if (decision === 'approve') this.certificates.prepareSigning(application.officeId);
    let societyId: string | null = null;
    const detail = this.step(
      user,
      id,
      baseVersion,
      decision === 'approve' ? 'approve' : 'refuse',
      (tx, current) => {
        if (decision === 'approve') {
          const checklist = this.checklistOf(current.typeId);
          const scrutiny = JSON.parse(current.scrutiny) as Record<string, ScrutinyEntry>;
          const wanting = checklist.filter((item) => scrutiny[item.code]?.result === 'wanting');
          if (wanting.length > 0) {
            throw new AppError(
              'conflict',
              `The scrutiny found ${wanting.length === 1 ? 'an item' : 'items'} wanting: ${wanting
                .map((item) => item.label.split(':')[0])
                .join('; ')}. Approve once the checklist is in order, or refuse.`,
            );
          }
        }
        const fields: Record<string, unknown> = {
          decidedBy: user.id,
          decidedAt: tx.now,
          decisionReasons: reasons,
        };
        if (decision === 'approve') {
          societyId = this.register(tx, user, application);
          fields['societyId'] = societyId;
        }
        return fields;
      },
    );
    if (societyId) this.onChanged({ id, societyId });
    return detail;
  }

  /**
   * The statutory period ran out without a decision: the society is registered by law
   * (deemed registration). Recorded by a registrar of the office once the clock reaches
   * zero; the society is registered and its certificate issued as on approval.
   */
  recordDeemed(user: SessionUser, id: string, baseVersion: number): ApplicationDetail {
    const detail = this.get(id);
    assertJurisdiction(
      this.reference,
      user,
      detail.officeId,
      'record deemed registration for this application',
    );
    if (!detail.clock || detail.clock.daysLeft > 0) {
      const message = detail.clock
        ? `The statutory period ends on ${formatDate(detail.clock.dueOn)}; deemed registration can be recorded only after it.`
        : 'This application is already decided.';
      throw new AppError('conflict', message);
    }
    const application = this.record(id);
    this.certificates.prepareSigning(application.officeId);
    let societyId: string | null = null;
    const result = this.step(user, id, baseVersion, 'recordDeemed', (tx) => {
      societyId = this.register(tx, user, application, 'deemed');
      return {
        decidedAt: tx.now,
        decisionReasons: `Not decided within the statutory period, which ended on ${formatDate(detail.clock!.dueOn)}.`,
        societyId,
      };
    });
    if (societyId) this.onChanged({ id, societyId });
    return result;
  }

  /**
   * The promoters withdraw the application. Its acknowledgement number is voided with the
   * reason, so the number register says why it leads nowhere; it is never given again.
   */
  withdraw(user: SessionUser, id: string, baseVersion: number, reason: string): ApplicationDetail {
    return this.step(user, id, baseVersion, 'withdraw', (tx, current) => {
      this.numbers.void(tx, current.ackNo, `Application withdrawn: ${reason}`);
      return { decisionReasons: reason };
    });
  }

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
      closeNames: this.closeNames(application.proposedName),
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

  /** Takes a named step if the state allows it and nobody saved since `baseVersion`. */
  private step(
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
      const version = this.record(id).version;
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
    return this.get(id);
  }

  /**
   * The application as it is inside a write: refused when someone saved since the user
   * opened it, or when it belongs to an office outside the user's jurisdiction.
   */
  private current(user: SessionUser, id: string, baseVersion: number): ApplicationRecord {
    const current = this.record(id);
    if (current.version !== baseVersion) {
      throw new AppError(
        'conflict',
        'Someone else changed this application after you opened it. Reload it.',
      );
    }
    assertJurisdiction(this.reference, user, current.officeId, 'act on this application');
    return current;
  }

  /** The checklist of a society type: the common items, then the type's own. */
  private checklistOf(typeId: string): ScrutinyItem[] {
    return (
      this.reference.get().societyTypes.find((type) => type.id === typeId)?.scrutinyItems ?? []
    );
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
    const baseVersion = this.record(current.id).version;
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

  /**
   * Puts the approved society on the register and issues its certificate (once its number is
   * final); returns its id.
   */
  private register(
    tx: MutationTx,
    registrar: SessionUser,
    application: ApplicationRecord,
    basis: 'normal' | 'deemed' = 'normal',
  ): string {
    const today = indiaDate(new Date(tx.now));
    const office = this.reference
      .get()
      .offices.find((candidate) => candidate.id === application.officeId);
    const type = this.reference
      .get()
      .societyTypes.find((candidate) => candidate.id === application.typeId);
    if (!office || !type)
      throw new AppError('not_found', 'The office or type of this application is gone.');
    const pattern = this.registrationSeries(office.code, today);
    const societyId = tx.newId();
    const { number: regNo, provisional } = this.numbers.allocate(
      tx,
      pattern,
      'registration',
      societyId,
      // A society entered from paper may already carry a number of this series.
      { isTaken: (number) => this.societies.isNumberUsed(number) },
    );
    this.societies.insertRegistered(
      tx,
      societyId,
      {
        name: application.proposedName,
        nameMizo: application.proposedNameMizo,
        regNo,
        registeredOn: today,
        basis,
        typeId: application.typeId,
        tier: type.tier,
        liability: 'limited',
        address: application.address,
        districtId: application.districtId,
        villageId: application.villageId,
        officeId: application.officeId,
        areaVillageIds: JSON.parse(application.areaVillageIds) as string[],
        shareValuePaise: null,
        admissionFeePaise: null,
        authorisedCapitalPaise: null,
        financingBank: null,
        federation: null,
        contactPerson: null,
        phone: null,
        email: null,
        ncdId: null,
        remarks: null,
        status: 'registered',
        statusSince: today,
        statusOrderRef: application.ackNo,
      },
      `Registered on approval of application ${application.ackNo}`,
    );
    // A provisional number prints on no certificate: the sync that replaces it issues one.
    if (!provisional) this.certificates.issueRegistration(tx, registrar, societyId, today);
    return societyId;
  }

  /** The series of registration numbers an office gives on `day` (rule parameter pattern). */
  registrationSeries(officeCode: string, day: string): NumberSeries {
    return numberPattern(this.reference.rule('registration_no.pattern', day), {
      office: officeCode,
      fy: financialYearOf(day),
    });
  }

  /** Every numbered series an office gives on `day`: what a computer keeps blocks of. */
  officeSeries(officeId: string, day: string): NumberSeries[] {
    const office = this.reference.get().offices.find((candidate) => candidate.id === officeId);
    if (!office) return [];
    const fy = financialYearOf(day);
    return [
      this.registrationSeries(office.code, day),
      ...Object.keys(SERIES_PATTERNS).map((kind) =>
        officeNumbering(kind as keyof typeof SERIES_PATTERNS, office.code, fy),
      ),
    ];
  }

  /**
   * Registered societies whose name is the same or close, and names reserved for someone
   * else, for the clerk's warning.
   */
  private closeNames(name: string): string[] {
    const key = distinctiveName(name);
    if (key === '') return [];
    const registered = this.societies
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
    const registered = this.societies
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
  private useReservation(
    tx: MutationTx,
    reservationId: string,
    applicationId: string,
    name: string,
  ): void {
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

  private record(id: string): ApplicationRecord {
    const record = this.prepare(
      `${SELECT_APPLICATION} WHERE a.id = ? AND a.deleted_at IS NULL`,
    ).get(id) as ApplicationRecord | undefined;
    if (!record) throw new AppError('not_found', 'This application does not exist.');
    return record;
  }
}
