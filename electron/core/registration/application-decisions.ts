import { formatDate, indiaDate } from '#shared/domain/dates';
import { AppError } from '#shared/errors';
import type { ApplicationDetail } from '#shared/registration/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { CertificateService } from '../certificates/certificate-service';
import { assertJurisdiction } from '../jurisdiction';
import type { ReferenceService } from '../reference/reference-service';
import type { SocietyService } from '../societies/society-service';
import { assertCanDecide } from '../status-orders/status-order-service';
import type { MutationTx } from '../sync/mutation-writer';
import { checklistOf, type ApplicationRecord, type ScrutinyEntry } from './application-record';
import type { ApplicationSteps } from './application-steps';
import type { Applications } from './applications';
import type { NumberAllocator } from './number-allocator';
import { registrationSeries } from './registration-series';
import { decisionBar, itemShortName, type DecisionBar } from '#shared/registration/scrutiny';

/**
 * How an application ends: the registrar's approval or refusal, deemed registration once
 * the statutory period has run out, or the promoters' withdrawal. Approval and deemed
 * registration put the society on the register with the next number of its office and
 * year and issue its certificate, in the step's transaction.
 */
export class ApplicationDecisions {
  constructor(
    private readonly reference: ReferenceService,
    private readonly applications: Applications,
    private readonly steps: ApplicationSteps,
    private readonly societies: SocietyService,
    private readonly numbers: NumberAllocator,
    private readonly certificates: CertificateService,
    private readonly onChanged: (ids: { id: string; societyId: string | null }) => void,
  ) {}

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
    const application = this.applications.record(id);
    assertCanDecide(user, application.receivedBy);
    assertJurisdiction(this.reference, user, application.officeId, 'decide this application');
    // The office's signing key is made (once) before the approval's transaction.
    if (decision === 'approve') this.certificates.prepareSigning(application.officeId);
    let societyId: string | null = null;
    const detail = this.steps.step(
      user,
      id,
      baseVersion,
      decision === 'approve' ? 'approve' : 'refuse',
      (tx, current) => {
        const checklist = checklistOf(this.reference, current.typeId);
        const scrutiny = JSON.parse(current.scrutiny) as Record<string, ScrutinyEntry>;
        const bar = decisionBar(
          decision,
          checklist.map((item) => ({ ...item, result: scrutiny[item.code]?.result ?? null })),
        );
        if (bar) throw new AppError('conflict', decisionBarMessage(decision, bar));
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
    const detail = this.applications.get(id);
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
    const application = this.applications.record(id);
    this.certificates.prepareSigning(application.officeId);
    let societyId: string | null = null;
    const result = this.steps.step(user, id, baseVersion, 'recordDeemed', (tx) => {
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
    return this.steps.step(user, id, baseVersion, 'withdraw', (tx, current) => {
      this.numbers.void(tx, current.ackNo, `Application withdrawn: ${reason}`);
      return { decisionReasons: reason };
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
    const pattern = registrationSeries(this.reference, office.code, today);
    const societyId = tx.newId();
    const { number: regNo, provisional } = this.numbers.allocate(
      tx,
      pattern,
      'registration',
      societyId,
      // A society entered from paper may already carry a number of this series.
      { isTaken: (number) => this.societies.records.isNumberUsed(number) },
    );
    this.societies.entry.insertRegistered(
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
}

/** Why the scrutiny does not allow the decision yet, in a registrar's words. */
function decisionBarMessage(decision: 'approve' | 'refuse', bar: NonNullable<DecisionBar>): string {
  const names = bar.items.map(itemShortName).join('; ');
  if (bar.reason === 'wanting')
    return `The scrutiny found ${bar.items.length === 1 ? 'an item' : 'items'} wanting: ${names}. Approve once the checklist is in order, or refuse.`;
  return decision === 'approve'
    ? `The scrutiny is not finished: ${names} ${bar.items.length === 1 ? 'is' : 'are'} not yet checked. Approve once every item is recorded as in order.`
    : `The scrutiny is not finished: ${names} ${bar.items.length === 1 ? 'is' : 'are'} not yet checked. Refuse once every item is checked, or cite an item found wanting.`;
}
