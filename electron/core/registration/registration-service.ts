import type { CertificateService } from '../certificates/certificate-service';
import type { Sqlite } from '../db/open-database';
import { statementCache } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import type { SocietyService } from '../societies/society-service';
import type { MutationWriter } from '../sync/mutation-writer';
import { ApplicationDecisions } from './application-decisions';
import { ApplicationScrutiny } from './application-scrutiny';
import { ApplicationSteps } from './application-steps';
import { Applications } from './applications';
import { NameReservations } from './name-reservations';
import type { NumberAllocator } from './number-allocator';

/**
 * Registration of a new society (issue #4): the application received at the counter, its
 * scrutiny, deficiency letters that stop the statutory clock, and the registrar's decision.
 * Approval puts the society on the register with the next number of its office and year
 * and issues the registration certificate, all in one transaction.
 *
 * Each part owns one of these; they share one statement cache and one change callback.
 */
export class RegistrationService {
  /** Receiving an application, opening one, and an office's list of them. */
  readonly applications: Applications;
  /** The checklist, deficiency letters and the applicants' replies. */
  readonly scrutiny: ApplicationScrutiny;
  /** Approval, refusal, deemed registration and withdrawal. */
  readonly decisions: ApplicationDecisions;
  /** Names held for promoters before they apply. */
  readonly names: NameReservations;

  constructor(
    sqlite: Sqlite,
    writer: MutationWriter,
    reference: ReferenceService,
    societies: SocietyService,
    numbers: NumberAllocator,
    certificates: CertificateService,
    clock: Clock,
    onChanged: (ids: { id: string; societyId: string | null }) => void,
  ) {
    const prepare = statementCache(sqlite);
    this.names = new NameReservations(prepare, writer, reference, societies, clock);
    this.applications = new Applications(
      prepare,
      writer,
      reference,
      this.names,
      numbers,
      clock,
      onChanged,
    );
    const steps = new ApplicationSteps(prepare, writer, reference, this.applications, onChanged);
    this.scrutiny = new ApplicationScrutiny(
      prepare,
      writer,
      reference,
      this.applications,
      steps,
      clock,
      onChanged,
    );
    this.decisions = new ApplicationDecisions(
      reference,
      this.applications,
      steps,
      societies,
      numbers,
      certificates,
      onChanged,
    );
  }
}
