import type { CertificateService } from '../certificates/certificate-service';
import type { Sqlite } from '../db/open-database';
import { statementCache } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import type { NumberAllocator } from '../registration/number-allocator';
import type { MutationWriter } from '../sync/mutation-writer';
import { AuditDefects } from './audit-defects';
import { AuditDetails } from './audit-detail';
import { AuditFees } from './audit-fees';
import { AuditObservations } from './audit-observations';
import { AuditProgramme } from './audit-programme';
import { AuditRecords } from './audit-records';
import { AuditReports } from './audit-report';
import { AuditRubrics } from './audit-rubrics';

/**
 * Statutory audits (issue #6): the programme of a year, the auditor's report written in
 * the field with no network, the audit officer's decision and the audit certificate, the
 * defects followed until put right, and the fee. Every change goes through the mutation
 * writer, so the sync of issue #7 carries it as it is.
 *
 * Each part owns one of these; they share one statement cache and the audit records.
 */
export class AuditService {
  /** The rubrics audits are scored by. */
  readonly rubrics: AuditRubrics;
  /** Assignments, the auditor's own list, the year's register and its tallies. */
  readonly programme: AuditProgramme;
  /** One audit as the screens read it, and a society's audits. */
  readonly details: AuditDetails;
  /** The report: saved, submitted, returned or accepted with its certificate. */
  readonly reports: AuditReports;
  /** The auditor's observations and defects, corrected and withdrawn by new entries. */
  readonly observations: AuditObservations;
  /** Defects of accepted audits followed up, and those overdue. */
  readonly defects: AuditDefects;
  /** The fee set by hand and paid against receipts. */
  readonly fees: AuditFees;

  constructor(
    sqlite: Sqlite,
    writer: MutationWriter,
    reference: ReferenceService,
    numbers: NumberAllocator,
    certificates: CertificateService,
    clock: Clock,
  ) {
    // Preparing dominates the cost of a small query, so each SQL text is prepared once.
    const prepare = statementCache(sqlite);
    const records = new AuditRecords(prepare, writer, reference, clock);
    this.rubrics = new AuditRubrics(prepare, writer, reference);
    this.details = new AuditDetails(prepare, records, reference, this.rubrics);
    this.programme = new AuditProgramme(prepare, writer, reference, records, this.details);
    this.reports = new AuditReports(
      prepare,
      reference,
      certificates,
      records,
      this.rubrics,
      this.details,
    );
    this.observations = new AuditObservations(prepare, writer, records, this.details);
    this.defects = new AuditDefects(prepare, writer, reference, records, this.details);
    this.fees = new AuditFees(prepare, writer, reference, numbers, records, this.details);
  }
}
