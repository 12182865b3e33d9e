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
import type { NumberAllocator, NumberSeries } from './number-allocator';
import { officeSeries } from './registration-series';

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
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    societies: SocietyService,
    private readonly numbers: NumberAllocator,
    certificates: CertificateService,
    clock: Clock,
    onChanged: (ids: { id: string; societyId: string | null }) => void,
  ) {
    const prepare = statementCache(sqlite);
    this.names = new NameReservations(prepare, this.writer, this.reference, societies, clock);
    this.applications = new Applications(
      prepare,
      this.writer,
      this.reference,
      this.names,
      this.numbers,
      clock,
      onChanged,
    );
    const steps = new ApplicationSteps(
      prepare,
      this.writer,
      this.reference,
      this.applications,
      onChanged,
    );
    this.scrutiny = new ApplicationScrutiny(
      prepare,
      this.writer,
      this.reference,
      this.applications,
      steps,
      clock,
      onChanged,
    );
    this.decisions = new ApplicationDecisions(
      this.reference,
      this.applications,
      steps,
      societies,
      this.numbers,
      certificates,
      onChanged,
    );
  }

  /** Every numbered series an office gives on `day`: what a computer keeps blocks of. */
  officeSeries(officeId: string, day: string): NumberSeries[] {
    return officeSeries(this.reference, officeId, day);
  }
}
