import type { Sqlite } from '../db/open-database';
import { statementCache } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import type { NumberAllocator } from '../registration/number-allocator';
import type { MutationWriter } from '../sync/mutation-writer';
import type { PrintoutFiles } from '../printouts';
import { ReturnCandidates } from './return-candidates';
import { ReturnDetails } from './return-detail';
import { ReturnExport } from './return-export';
import { ReturnFilings } from './return-filing';
import { ReturnNotices } from './return-notices';
import { ReturnRecords } from './return-records';
import { ReturnRegister } from './return-register';

/**
 * Annual returns (issue #5): the register of who owes, filed and had accepted the return
 * of a year; filing at the counter by the society's secretary; the clerk's check; notices
 * to defaulters; and the candidates for non-functional status.
 *
 * Each part owns one of these; they share one statement cache and the return records.
 */
export class ReturnService {
  /** The register of a year, a page at a time, and its counts by status. */
  readonly register: ReturnRegister;
  /** One return as the screens read it, and a society's returns of the last ten years. */
  readonly details: ReturnDetails;
  /** Filing at the counter and the clerk's check. */
  readonly filings: ReturnFilings;
  /** Notices to the societies whose return is overdue. */
  readonly notices: ReturnNotices;
  /** Societies whose missing returns make them candidates for non-functional status. */
  readonly candidates: ReturnCandidates;
  /** The register written out to CSV or Excel. */
  readonly exports: ReturnExport;

  constructor(
    sqlite: Sqlite,
    writer: MutationWriter,
    reference: ReferenceService,
    numbers: NumberAllocator,
    clock: Clock,
    files: PrintoutFiles & { fontsDir: string },
  ) {
    // Preparing dominates the cost of a small query, so each SQL text is prepared once.
    const prepare = statementCache(sqlite);
    const records = new ReturnRecords(prepare, reference, clock);
    this.register = new ReturnRegister(prepare, records);
    this.details = new ReturnDetails(prepare, reference, records);
    this.filings = new ReturnFilings(prepare, writer, reference, numbers, records, this.details);
    this.notices = new ReturnNotices(
      prepare,
      writer,
      reference,
      numbers,
      records,
      this.register,
      files,
    );
    this.candidates = new ReturnCandidates(prepare, records);
    this.exports = new ReturnExport(prepare, records, this.register, files);
  }
}
