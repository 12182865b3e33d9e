import { AppError } from '#shared/errors';
import { indiaDate } from '#shared/domain/dates';
import { mizoSortKey } from '#shared/domain/mizo-text';
import { regNoKey, type SocietyCreate } from '#shared/societies/society';
import type { SocietyDetail } from '#shared/societies/contract';
import { liftIndexes, type Sqlite } from '../db/open-database';
import type { Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { Actor, MutationTx, MutationWriter } from '../sync/mutation-writer';
import type { LikelyDuplicates } from './likely-duplicates';
import type { SocietySearchIndex } from './search-index';
import type { SocietyRecords } from './society-records';
import { throwIfInvalid, type SocietyValidation } from './society-validation';

/** Everything that is stored for a new society besides its id and bookkeeping. */
type NewSociety = SocietyCreate;

/** The tables a bulk import writes new rows into. */
const BULK_TABLES = ['societies', 'society_area_villages', 'society_status_history'] as const;

/**
 * New societies on the register: one already registered on paper, one registered on
 * application (inside the registration's transaction), and the bulk import of legacy
 * records. Each is one named mutation with its area and first status.
 */
export class SocietyEntry {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly clock: Clock,
    private readonly validation: SocietyValidation,
    private readonly likelyDuplicates: LikelyDuplicates,
    private readonly searchIndex: SocietySearchIndex,
    private readonly records: SocietyRecords,
    private readonly onChanged: (id: string) => void,
  ) {}

  /**
   * Adds a society already registered on paper; refuses with the reason per field, saving
   * nothing, and with `conflict` naming a society whose number it likely repeats unless the
   * clerk confirmed it is a different one (`confirmedDistinctFrom`, noted in the record).
   */
  create(
    input: NewSociety,
    actor: Actor,
    confirmedDistinctFrom: readonly string[] = [],
  ): SocietyDetail {
    const id = this.writer.run(actor, (tx) => {
      throwIfInvalid(this.validation.validate(input, null, this.today()));
      const confirmed = this.likelyDuplicates.refuseUnconfirmed(null, input, confirmedDistinctFrom);
      const searchRowid = this.searchIndex.nextSearchRowid();
      const id = this.insert(tx, input, searchRowid);
      this.searchIndex.indexForSearch(searchRowid, input, false);
      this.likelyDuplicates.noteConfirmed(tx, id, confirmed);
      return id;
    });
    this.onChanged(id);
    return this.records.get(id);
  }

  /**
   * Bulk entry of legacy records (the import wizard, the demo register, the benchmark): the
   * same validation, index and outbox as `create`, in transactions of `batchSize` rows.
   * Stops at the first invalid row with its position, keeping the batches before it. A row
   * whose number only likely repeats another's (zeros, separators, case) is taken as it is:
   * there is no clerk to ask here; its folded number is indexed, so later saves are asked.
   */
  importMany(
    rows: Iterable<NewSociety>,
    actor: Actor,
    options: { batchSize?: number; onProgress?: (done: number) => void } = {},
  ): number {
    const batchSize = options.batchSize ?? 2_000;
    const today = this.today();
    let done = 0;
    let batch: NewSociety[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      const items = batch;
      this.writer.runBulk(actor, BULK_TABLES, (tx) => {
        const firstSearchRowid = this.searchIndex.nextSearchRowid();
        const numbersInBatch = new Map<string, number>();
        items.forEach((item, index) => {
          const errors = this.validation.validate(item, null, today);
          const key = regNoKey(item.regNo);
          const earlier = numbersInBatch.get(key);
          if (earlier !== undefined)
            errors['regNo'] =
              `Registration number ${item.regNo} appears twice in this import (rows ${done + earlier + 1} and ${done + index + 1}).`;
          numbersInBatch.set(key, index);
          if (Object.keys(errors).length > 0) {
            throw new AppError(
              'invalid_input',
              `Row ${done + index + 1}: ${Object.values(errors)[0]}`,
              errors,
            );
          }
          this.insert(tx, item, firstSearchRowid + index);
        });
        // The search index is written last, after every other row of the batch. FTS5 keeps
        // new entries in memory until the transaction commits, but flushes them to disk at
        // every statement savepoint, which each multi-row statement opens (the outbox's
        // attribution of rows, a trigger); written in between, the index became one tiny
        // segment per society, merged over and over.
        items.forEach((item, index) =>
          this.searchIndex.indexForSearch(firstSearchRowid + index, item, false),
        );
      });
      done += items.length;
      options.onProgress?.(done);
      batch = [];
    };
    let restoreIndexes: (() => void) | null = null;
    try {
      for (const row of rows) {
        // A row beyond the first batch makes a large import: the register's sorted indexes
        // and the folded numbers' are rebuilt once at the end instead of row by row
        // (liftIndexes; either restore puts back everything lifted).
        if (done > 0 && !restoreIndexes) {
          liftIndexes(this.sqlite, 'society_number_folds');
          restoreIndexes = liftIndexes(this.sqlite, 'societies');
        }
        batch.push(row);
        if (batch.length >= batchSize) flush();
      }
      flush();
    } catch (error) {
      try {
        restoreIndexes?.();
      } catch {
        // The clerk hears of the row that stopped the import, not of this: the indexes are
        // rebuilt the next time the database opens.
      }
      throw error;
    }
    restoreIndexes?.();
    return done;
  }

  /**
   * Puts a society registered on application on the register, inside the registration
   * service's transaction, with the same checks, search index and outbox as any other.
   */
  insertRegistered(tx: MutationTx, id: string, input: NewSociety, statusReason: string): void {
    throwIfInvalid(this.validation.validate(input, null, this.today()));
    const searchRowid = this.searchIndex.nextSearchRowid();
    this.insert(tx, input, searchRowid, { id, statusReason });
    this.searchIndex.indexForSearch(searchRowid, input, false);
  }

  private insert(
    tx: MutationTx,
    input: NewSociety,
    searchRowid: number,
    options: { id?: string; statusReason?: string } = {},
  ): string {
    const id = options.id ?? tx.newId();
    const row = {
      id,
      version: 1,
      createdAt: tx.now,
      createdBy: tx.userId,
      updatedAt: tx.now,
      updatedBy: tx.userId,
      name: input.name,
      nameMizo: input.nameMizo,
      regNo: input.regNo,
      regNoKey: regNoKey(input.regNo),
      registeredOn: input.registeredOn,
      basis: input.basis,
      typeId: input.typeId,
      tier: input.tier,
      liability: input.liability,
      address: input.address,
      districtId: input.districtId,
      villageId: input.villageId,
      officeId: input.officeId,
      shareValuePaise: input.shareValuePaise,
      admissionFeePaise: input.admissionFeePaise,
      authorisedCapitalPaise: input.authorisedCapitalPaise,
      financingBank: input.financingBank,
      federation: input.federation,
      status: input.status,
      statusSince: input.statusSince,
      contactPerson: input.contactPerson,
      phone: input.phone,
      email: input.email,
      ncdId: input.ncdId,
      remarks: input.remarks,
      sortKey: mizoSortKey(input.name),
      searchRowid,
    };
    this.prepare(
      `INSERT INTO societies (id, version, created_at, created_by, updated_at, updated_by, name, name_mizo, reg_no, reg_no_key,
         registered_on, basis, type_id, tier, liability, address, district_id, village_id, office_id, share_value_paise,
         admission_fee_paise, authorised_capital_paise, financing_bank, federation, status, status_since, contact_person,
         phone, email, ncd_id, remarks, sort_key, search_rowid)
       VALUES (@id, @version, @createdAt, @createdBy, @updatedAt, @updatedBy, @name, @nameMizo, @regNo, @regNoKey,
         @registeredOn, @basis, @typeId, @tier, @liability, @address, @districtId, @villageId, @officeId, @shareValuePaise,
         @admissionFeePaise, @authorisedCapitalPaise, @financingBank, @federation, @status, @statusSince, @contactPerson,
         @phone, @email, @ncdId, @remarks, @sortKey, @searchRowid)`,
    ).run(row);

    // A new society with its area and first status is one intent, so one named mutation:
    // the server creates all of its rows together, and a bulk import writes one outbox row
    // per society instead of one per row.
    const areaVillages = input.areaVillageIds.map((villageId) => ({ id: tx.newId(), villageId }));
    for (const area of areaVillages) {
      this.prepare(
        `INSERT INTO society_area_villages (id, version, created_at, created_by, updated_at, updated_by, society_id, village_id)
         VALUES (?, 1, ?, ?, ?, ?, ?, ?)`,
      ).run(area.id, tx.now, tx.userId, tx.now, tx.userId, id, area.villageId);
    }
    const firstStatus = {
      id: tx.newId(),
      status: input.status,
      effectiveOn: input.statusSince,
      orderRef: input.statusOrderRef,
      reason: options.statusReason ?? 'Status when the record was entered from paper',
    };
    this.prepare(
      `INSERT INTO society_status_history (id, version, created_at, created_by, updated_at, updated_by, society_id, status, effective_on, order_ref, reason)
       VALUES (@id, 1, @createdAt, @createdBy, @createdAt, @createdBy, @societyId, @status, @effectiveOn, @orderRef, @reason)`,
    ).run({ ...firstStatus, societyId: id, createdAt: tx.now, createdBy: tx.userId });

    // Derived columns stay local; the id, version, author and time travel in the outbox
    // row's own columns, so the patch carries only what the clerk entered.
    const {
      sortKey: _sortKey,
      searchRowid: _searchRowid,
      regNoKey: _regNoKey,
      id: _id,
      version: _version,
      createdAt: _createdAt,
      createdBy: _createdBy,
      updatedAt: _updatedAt,
      updatedBy: _updatedBy,
      ...fields
    } = row;
    tx.record({
      name: 'society.create',
      entity: 'society',
      entityId: id,
      args: { ...fields, areaVillages, firstStatus },
      baseVersion: null,
      base: null,
    });
    return id;
  }

  private today(): string {
    return indiaDate(this.clock.now());
  }
}
