import type { Sqlite } from '../db/open-database';
import { statementCache } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import type { MutationWriter } from '../sync/mutation-writer';
import { LikelyDuplicates } from './likely-duplicates';
import { PlaceLookups } from './place-lookups';
import { SocietySearchIndex } from './search-index';
import { SocietyCorrections } from './society-corrections';
import { SocietyEntry } from './society-entry';
import { SocietyFinder } from './society-finder';
import { SocietyRecords } from './society-records';
import { SocietyValidation } from './society-validation';

/**
 * The society register: search, list, open, add a legacy society, correct one, and bulk
 * import. Every rule a clerk can break is checked in the backend (`SocietyValidation`), and
 * again by the form for speed.
 *
 * Each part owns one of these; they share one statement cache, the search index and the
 * change callback.
 */
export class SocietyService {
  /** The full-text search and the register list. */
  readonly finder: SocietyFinder;
  /** One society's whole record, and facts about the register (count, numbers in use). */
  readonly records: SocietyRecords;
  /** New societies: from paper, on registration, and bulk imports. */
  readonly entry: SocietyEntry;
  /** Corrections to a master record and final numbers for provisional ones. */
  readonly corrections: SocietyCorrections;
  /** The full-text index, kept in step with what sync writes and forgets. */
  readonly searchIndex: SocietySearchIndex;

  constructor(
    sqlite: Sqlite,
    writer: MutationWriter,
    reference: ReferenceService,
    clock: Clock,
    private readonly onChanged: (id: string) => void,
    /** Whether a registration number is provisional, waiting for sync (sync.md §6). */
    isProvisionalNumber: (regNo: string) => boolean,
  ) {
    // Preparing dominates the cost of a small query, so each SQL text is prepared once.
    const prepare = statementCache(sqlite);
    const places = new PlaceLookups(reference);
    const validation = new SocietyValidation(prepare, reference, places);
    const likelyDuplicates = new LikelyDuplicates(prepare, reference, places);
    this.finder = new SocietyFinder(prepare);
    this.records = new SocietyRecords(prepare, isProvisionalNumber);
    this.searchIndex = new SocietySearchIndex(sqlite, prepare, places, onChanged);
    // Once, after the upgrade that added folded numbers: the societies entered before it.
    this.searchIndex.fillNumberFolds();
    this.entry = new SocietyEntry(
      sqlite,
      prepare,
      writer,
      clock,
      validation,
      likelyDuplicates,
      this.searchIndex,
      this.records,
      onChanged,
    );
    this.corrections = new SocietyCorrections(
      prepare,
      writer,
      clock,
      validation,
      likelyDuplicates,
      this.searchIndex,
      this.records,
      onChanged,
    );
  }

  /** Tells the screens a society changed (after a change made in another service's transaction). */
  changed(id: string): void {
    this.onChanged(id);
  }
}
