import { AppError, type FieldErrors } from '#shared/errors';
import { indiaDate } from '#shared/domain/dates';
import { foldForSearch, mizoSortKey } from '#shared/domain/mizo-text';
import {
  dateRuleErrors,
  regNoKey,
  type SocietyCreate,
  type SocietyFields,
  type SocietyStatus,
} from '#shared/societies/society';
import type { ReferenceData } from '#shared/reference/contract';
import type {
  SocietyDetail,
  SocietyFilter,
  SocietyRow,
  SocietySortField,
} from '#shared/societies/contract';
import { liftIndexes, type Sqlite } from '../db/open-database';
import { personNameSql } from '../db/person-name';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { ReferenceService } from '../reference/reference-service';
import type { Actor, MutationTx, MutationWriter } from '../sync/mutation-writer';

/** The master-record columns a user edits, in contract (camelCase) and database names. */
const FIELD_COLUMNS = {
  name: 'name',
  nameMizo: 'name_mizo',
  regNo: 'reg_no',
  registeredOn: 'registered_on',
  basis: 'basis',
  typeId: 'type_id',
  tier: 'tier',
  liability: 'liability',
  address: 'address',
  districtId: 'district_id',
  villageId: 'village_id',
  officeId: 'office_id',
  shareValuePaise: 'share_value_paise',
  admissionFeePaise: 'admission_fee_paise',
  authorisedCapitalPaise: 'authorised_capital_paise',
  financingBank: 'financing_bank',
  federation: 'federation',
  contactPerson: 'contact_person',
  phone: 'phone',
  email: 'email',
  ncdId: 'ncd_id',
  remarks: 'remarks',
} as const satisfies Record<Exclude<keyof SocietyFields, 'areaVillageIds'>, string>;
type ScalarField = keyof typeof FIELD_COLUMNS;
const SCALAR_FIELDS = Object.keys(FIELD_COLUMNS) as ScalarField[];

const ROW_SELECT = `
  SELECT s.id, s.name, s.name_mizo AS nameMizo, s.reg_no AS regNo, s.registered_on AS registeredOn,
         s.status, t.name AS typeName, sec.name AS sectorName, d.name AS districtName,
         o.short_name AS officeName, v.name AS place
  FROM societies s
  JOIN society_types t ON t.id = s.type_id
  JOIN sectors sec ON sec.id = t.sector_id
  JOIN districts d ON d.id = s.district_id
  JOIN offices o ON o.id = s.office_id
  LEFT JOIN villages v ON v.id = s.village_id`;

const SORT_SQL: Record<SocietySortField, (dir: string) => string> = {
  name: (dir) => `s.sort_key ${dir}, s.id ${dir}`,
  regNo: (dir) => `s.reg_no_key ${dir}, s.id ${dir}`,
  registeredOn: (dir) => `s.registered_on ${dir}, s.sort_key ${dir}`,
  district: (dir) => `d.name ${dir}, s.sort_key ${dir}`,
  type: (dir) => `t.name ${dir}, s.sort_key ${dir}`,
  status: (dir) => `s.status ${dir}, s.sort_key ${dir}`,
};

/** Everything that is stored for a new society besides its id and bookkeeping. */
type NewSociety = SocietyCreate;

/**
 * The society register: search, list, open, add a legacy society, correct one, and bulk
 * import. Every rule a clerk can break is checked here (and again by the form for speed).
 */
export class SocietyService {
  private readonly prepare: Prepare;
  private referenceCache: {
    source: ReferenceData;
    placeNames: Map<string, string>;
    villages: Map<string, ReferenceData['villages'][number]>;
  } | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
    private readonly onChanged: (id: string) => void,
    /** Whether a registration number is provisional, waiting for sync (sync.md §6). */
    private readonly isProvisionalNumber: (regNo: string) => boolean,
  ) {
    // Preparing dominates the cost of a small query, so each SQL text is prepared once.
    this.prepare = statementCache(sqlite);
  }

  /** The office a society belongs to; null when it is not on this computer. */
  officeIdOf(id: string): string | null {
    const row = this.prepare('SELECT office_id AS officeId FROM societies WHERE id = ?').get(id) as
      { officeId: string } | undefined;
    return row?.officeId ?? null;
  }

  /** Whether a society on the register already carries this registration number. */
  isNumberUsed(regNo: string): boolean {
    return (
      this.prepare('SELECT 1 FROM societies WHERE reg_no_key = ? AND deleted_at IS NULL').get(
        regNoKey(regNo),
      ) !== undefined
    );
  }

  /** Number of societies on the register (tombstones excluded). */
  count(): number {
    return (
      this.prepare('SELECT count(*) AS n FROM societies WHERE deleted_at IS NULL').get() as {
        n: number;
      }
    ).n;
  }

  /**
   * Finds societies whose name, Mizo name, registration number or place has words starting
   * with every word typed. An exact registration number comes first.
   */
  search(query: string, limit: number, filter: SocietyFilter): SocietyRow[] {
    const tokens = foldForSearch(query).split(' ').filter(Boolean).slice(0, 10);
    if (tokens.length === 0) return [];
    // Every token is quoted: raw input such as `AND`, `"` or `*` would otherwise be FTS5 syntax.
    const match = tokens.map((token) => `"${token.replaceAll('"', '""')}"*`).join(' ');
    const where = filterSql(filter);
    const exact = this.prepare(
      `${ROW_SELECT} WHERE s.reg_no_key = ? AND s.deleted_at IS NULL${where.sql}`,
    ).all(regNoKey(query), ...where.params) as SocietyRow[];
    // Ranking every match costs ~1 µs each: fine for a few thousand, not for the 2,00,000
    // that "co" or "society" match in a big state. So the ranking looks at the first
    // BROAD_SEARCH_MATCHES matches only, which is all of them for any query that narrows
    // things down; only when a filter leaves too few of those is the whole set ranked.
    const ranked = (cap: string) =>
      this.prepare(
        `WITH candidates AS (
           SELECT rowid AS searchRowid, bm25(society_search, 10.0, 5.0, 2.0) AS rank
           FROM society_search WHERE society_search MATCH ?${cap})
         ${ROW_SELECT} JOIN candidates c ON c.searchRowid = s.search_rowid
         WHERE s.deleted_at IS NULL${where.sql}
         ORDER BY c.rank, s.sort_key LIMIT ?`,
      ).all(match, ...where.params, limit) as SocietyRow[];
    let hits = ranked(` LIMIT ${BROAD_SEARCH_MATCHES}`);
    if (hits.length < limit && where.params.length > 0) {
      const capped =
        (
          this.prepare(
            `SELECT count(*) AS n FROM (SELECT 1 FROM society_search WHERE society_search MATCH ? LIMIT ${BROAD_SEARCH_MATCHES})`,
          ).get(match) as { n: number }
        ).n >= BROAD_SEARCH_MATCHES;
      if (capped) hits = ranked('');
    }
    const seen = new Set(exact.map((row) => row.id));
    return [...exact, ...hits.filter((row) => !seen.has(row.id))].slice(0, limit);
  }

  /** One page of the register, filtered and sorted, with the total that matches. */
  list(
    filter: SocietyFilter,
    sort: { field: SocietySortField; direction: 'asc' | 'desc' },
    offset: number,
    limit: number,
  ): { rows: SocietyRow[]; total: number } {
    const where = filterSql(filter);
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const rows = this.prepare(
      `${ROW_SELECT} WHERE s.deleted_at IS NULL${where.sql} ORDER BY ${SORT_SQL[sort.field](direction)} LIMIT ? OFFSET ?`,
    ).all(...where.params, limit, offset) as SocietyRow[];
    const total = (
      this.prepare(
        `SELECT count(*) AS n FROM societies s WHERE s.deleted_at IS NULL${where.sql}`,
      ).get(...where.params) as {
        n: number;
      }
    ).n;
    return { rows, total };
  }

  /** The whole record with its area of operation and histories; `not_found` if absent. */
  get(id: string): SocietyDetail {
    const row = this.prepare(
      `SELECT s.*, t.name AS type_name, t.sector_id, sec.name AS sector_name, d.name AS district_name,
              v.name AS village_name, o.short_name AS office_name,
              ${personNameSql('s.created_by')} AS created_by_name, ${personNameSql('s.updated_by')} AS updated_by_name
       FROM societies s
       JOIN society_types t ON t.id = s.type_id
       JOIN sectors sec ON sec.id = t.sector_id
       JOIN districts d ON d.id = s.district_id
       JOIN offices o ON o.id = s.office_id
       LEFT JOIN villages v ON v.id = s.village_id
       WHERE s.id = ? AND s.deleted_at IS NULL`,
    ).get(id) as Record<string, unknown> | undefined;
    if (!row) throw new AppError('not_found', 'This society is not on the register.');
    const area = this.prepare(
      `SELECT v.id, v.name, d.name AS districtName FROM society_area_villages a
       JOIN villages v ON v.id = a.village_id JOIN districts d ON d.id = v.district_id
       WHERE a.society_id = ? AND a.deleted_at IS NULL ORDER BY v.name`,
    ).all(id) as SocietyDetail['areaOfOperation'];
    const statusHistory = this.prepare(
      `SELECT h.id, h.status, h.effective_on AS effectiveOn, h.order_ref AS orderRef, h.reason,
              h.created_at AS recordedAt, h.created_by AS recordedBy,
              ${personNameSql('h.created_by')} AS recordedByName,
              p.full_name AS proposedByName, d.full_name AS approvedByName
       FROM society_status_history h
       LEFT JOIN status_orders o ON o.id = h.order_id
       LEFT JOIN users p ON p.id = o.proposed_by
       LEFT JOIN users d ON d.id = o.decided_by
       WHERE h.society_id = ? AND h.deleted_at IS NULL
       ORDER BY coalesce(h.effective_on, substr(h.created_at, 1, 10)) DESC, h.created_at DESC`,
    ).all(id) as SocietyDetail['statusHistory'];
    const nameHistory = this.prepare(
      `SELECT n.id, n.name, n.name_mizo AS nameMizo, n.used_until AS usedUntil, n.reason,
              n.created_at AS recordedAt, ${personNameSql('n.created_by')} AS recordedBy
       FROM society_name_history n WHERE n.society_id = ? AND n.deleted_at IS NULL ORDER BY n.created_at DESC`,
    ).all(id) as SocietyDetail['nameHistory'];
    return {
      id: row['id'] as string,
      name: row['name'] as string,
      nameMizo: row['name_mizo'] as string | null,
      regNo: row['reg_no'] as string,
      regNoProvisional: this.isProvisionalNumber(row['reg_no'] as string),
      registeredOn: row['registered_on'] as string,
      basis: row['basis'] as SocietyDetail['basis'],
      typeId: row['type_id'] as string,
      typeName: row['type_name'] as string,
      sectorId: row['sector_id'] as string,
      sectorName: row['sector_name'] as string,
      tier: row['tier'] as SocietyDetail['tier'],
      liability: row['liability'] as SocietyDetail['liability'],
      address: row['address'] as string,
      districtId: row['district_id'] as string,
      districtName: row['district_name'] as string,
      villageId: row['village_id'] as string | null,
      villageName: row['village_name'] as string | null,
      officeId: row['office_id'] as string,
      officeName: row['office_name'] as string,
      areaOfOperation: area,
      shareValuePaise: row['share_value_paise'] as number | null,
      admissionFeePaise: row['admission_fee_paise'] as number | null,
      authorisedCapitalPaise: row['authorised_capital_paise'] as number | null,
      financingBank: row['financing_bank'] as string | null,
      federation: row['federation'] as string | null,
      status: row['status'] as SocietyStatus,
      statusSince: row['status_since'] as string | null,
      contactPerson: row['contact_person'] as string | null,
      phone: row['phone'] as string | null,
      email: row['email'] as string | null,
      ncdId: row['ncd_id'] as string | null,
      remarks: row['remarks'] as string | null,
      statusHistory,
      nameHistory,
      version: row['version'] as number,
      createdAt: row['created_at'] as string,
      createdBy: row['created_by_name'] as string,
      updatedAt: row['updated_at'] as string,
      updatedBy: row['updated_by_name'] as string,
    };
  }

  /** Adds a society already registered on paper; refuses with the reason per field, saving nothing. */
  create(input: NewSociety, actor: Actor): SocietyDetail {
    const id = this.writer.run(actor, (tx) => {
      throwIfInvalid(this.validate(input, null, this.today()));
      const searchRowid = this.nextSearchRowid();
      const id = this.insert(tx, input, searchRowid);
      this.indexForSearch(searchRowid, input, false);
      return id;
    });
    this.onChanged(id);
    return this.get(id);
  }

  /**
   * Saves corrections to the master record if nobody saved since `baseVersion`. Only the
   * fields that changed go to the outbox; an old name goes to the name history.
   */
  update(
    id: string,
    baseVersion: number,
    fields: SocietyFields,
    nameChangeReason: string | null,
    actor: Actor,
  ): SocietyDetail {
    const changed = this.writer.run(actor, (tx) => {
      const current = this.prepare(
        'SELECT * FROM societies WHERE id = ? AND deleted_at IS NULL',
      ).get(id) as Record<string, unknown> | undefined;
      if (!current) throw new AppError('not_found', 'This society is not on the register.');
      if (current['version'] !== baseVersion) {
        throw new AppError(
          'conflict',
          'Someone else saved this society after you opened it. Reload it to see their changes, then make yours again.',
        );
      }
      throwIfInvalid(this.validate(fields, id, this.today()));
      if (current['basis'] !== 'legacy') {
        // A society registered in this system got its number, date and basis from the
        // registrar's approval: a correction there is a legal act, not a clerk's edit.
        const fixed: Record<string, string> = {};
        if (fields.regNo !== current['reg_no'])
          fixed['regNo'] =
            'The registration number was given at registration and cannot be edited.';
        if (fields.registeredOn !== current['registered_on'])
          fixed['registeredOn'] =
            'The date of registration was given at registration and cannot be edited.';
        if (fields.basis !== current['basis'])
          fixed['basis'] = 'How the society was registered cannot be edited.';
        throwIfInvalid(fixed);
      }

      const patch: Record<string, unknown> = {};
      const base: Record<string, unknown> = {};
      for (const field of SCALAR_FIELDS) {
        const before = current[FIELD_COLUMNS[field]] ?? null;
        const after = fields[field] ?? null;
        if (before !== after) {
          patch[field] = after;
          base[field] = before;
        }
      }
      const areaChanged = this.writeAreaChanges(tx, id, fields.areaVillageIds);
      if (Object.keys(patch).length === 0) {
        if (areaChanged) this.indexForSearch(current['search_rowid'] as number, fields, true);
        return areaChanged;
      }

      const version = baseVersion + 1;
      const assignments = Object.keys(patch).map(
        (field) => `${FIELD_COLUMNS[field as ScalarField]} = @${field}`,
      );
      const params: Record<string, unknown> = {
        ...patch,
        id,
        version,
        updatedAt: tx.now,
        updatedBy: tx.userId,
      };
      if ('regNo' in patch) {
        assignments.push('reg_no_key = @regNoKey');
        params['regNoKey'] = regNoKey(fields.regNo);
      }
      if ('name' in patch) {
        assignments.push('sort_key = @sortKey');
        params['sortKey'] = mizoSortKey(fields.name);
        this.recordNameHistory(tx, id, current, nameChangeReason);
      }
      this.prepare(
        `UPDATE societies SET ${assignments.join(', ')}, version = @version, updated_at = @updatedAt, updated_by = @updatedBy
         WHERE id = @id`,
      ).run(params);
      tx.record({
        name: 'society.update',
        entity: 'society',
        entityId: id,
        args: patch,
        baseVersion,
        base,
      });
      this.indexForSearch(current['search_rowid'] as number, fields, true);
      return true;
    });
    if (changed) this.onChanged(id);
    return this.get(id);
  }

  /**
   * Gives a society registered under a provisional number its final one, in the caller's
   * transaction (sync.md §6: the computer had no leased numbers left when it registered it).
   */
  renumber(tx: MutationTx, id: string, regNo: string, mutationName: string): void {
    const current = this.prepare('SELECT reg_no AS regNo, version FROM societies WHERE id = ?').get(
      id,
    ) as { regNo: string; version: number } | undefined;
    if (!current)
      throw new AppError('not_found', 'The society of this number is not on this computer.');
    this.prepare(
      `UPDATE societies SET reg_no = ?, reg_no_key = ?, version = version + 1, updated_at = ?, updated_by = ?
       WHERE id = ?`,
    ).run(regNo, regNoKey(regNo), tx.now, tx.userId, id);
    tx.record({
      name: mutationName,
      entity: 'society',
      entityId: id,
      args: { regNo },
      baseVersion: current.version,
      base: { regNo: current.regNo },
    });
    this.reindexStored(id);
  }

  /** Tells the screens a society changed (after a change made in another service's transaction). */
  changed(id: string): void {
    this.onChanged(id);
  }

  /**
   * Bulk entry of legacy records (the import wizard, the demo register, the benchmark): the
   * same validation, index and outbox as `create`, in transactions of `batchSize` rows.
   * Stops at the first invalid row with its position, keeping the batches before it.
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
        const firstSearchRowid = this.nextSearchRowid();
        const numbersInBatch = new Map<string, number>();
        items.forEach((item, index) => {
          const errors = this.validate(item, null, today);
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
        items.forEach((item, index) => this.indexForSearch(firstSearchRowid + index, item, false));
      });
      done += items.length;
      options.onProgress?.(done);
      batch = [];
    };
    let restoreIndexes: (() => void) | null = null;
    try {
      for (const row of rows) {
        // A row beyond the first batch makes a large import: the register's sorted indexes
        // are rebuilt once at the end instead of row by row (liftIndexes).
        if (done > 0) restoreIndexes ??= liftIndexes(this.sqlite, 'societies');
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
    throwIfInvalid(this.validate(input, null, this.today()));
    const searchRowid = this.nextSearchRowid();
    this.insert(tx, input, searchRowid, { id, statusReason });
    this.indexForSearch(searchRowid, input, false);
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

  /** Makes the live area rows equal `villageIds`: adds and tombstones rows; true if anything changed. */
  private writeAreaChanges(
    tx: MutationTx,
    societyId: string,
    villageIds: readonly string[],
  ): boolean {
    const current = this.prepare(
      'SELECT id, village_id AS villageId, version FROM society_area_villages WHERE society_id = ? AND deleted_at IS NULL',
    ).all(societyId) as { id: string; villageId: string; version: number }[];
    const wanted = new Set(villageIds);
    const have = new Set(current.map((row) => row.villageId));
    let changed = false;
    for (const villageId of wanted) {
      if (have.has(villageId)) continue;
      const id = tx.newId();
      this.prepare(
        `INSERT INTO society_area_villages (id, version, created_at, created_by, updated_at, updated_by, society_id, village_id)
         VALUES (?, 1, ?, ?, ?, ?, ?, ?)`,
      ).run(id, tx.now, tx.userId, tx.now, tx.userId, societyId, villageId);
      tx.record({
        name: 'societyArea.add',
        entity: 'society_area_village',
        entityId: id,
        args: { societyId, villageId },
        baseVersion: null,
        base: null,
      });
      changed = true;
    }
    for (const row of current) {
      if (wanted.has(row.villageId)) continue;
      this.prepare(
        'UPDATE society_area_villages SET deleted_at = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
      ).run(tx.now, tx.now, tx.userId, row.id);
      tx.record({
        name: 'societyArea.remove',
        entity: 'society_area_village',
        entityId: row.id,
        args: { deletedAt: tx.now },
        baseVersion: row.version,
        base: { deletedAt: null },
      });
      changed = true;
    }
    return changed;
  }

  private recordNameHistory(
    tx: MutationTx,
    societyId: string,
    current: Record<string, unknown>,
    reason: string | null,
  ): void {
    const id = tx.newId();
    const entry = {
      id,
      societyId,
      name: current['name'] as string,
      nameMizo: (current['name_mizo'] as string | null) ?? null,
      usedUntil: indiaDate(new Date(tx.now)),
      reason: reason?.trim() || null,
      createdAt: tx.now,
      createdBy: tx.userId,
    };
    this.prepare(
      `INSERT INTO society_name_history (id, version, created_at, created_by, updated_at, updated_by, society_id, name, name_mizo, used_until, reason)
       VALUES (@id, 1, @createdAt, @createdBy, @createdAt, @createdBy, @societyId, @name, @nameMizo, @usedUntil, @reason)`,
    ).run(entry);
    tx.record({
      name: 'societyName.record',
      entity: 'society_name',
      entityId: id,
      args: entry,
      baseVersion: null,
      base: null,
    });
  }

  /**
   * Rebuilds the full-text rows of societies that sync wrote (a pulled page), from their
   * rows as they now stand, and tells the screens.
   */
  reindexSynced(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    this.sqlite.transaction(() => {
      for (const id of ids) this.reindexStored(id);
    })();
    for (const id of ids) this.onChanged(id);
  }

  /** Takes societies out of the full-text index, before sync forgets their rows. */
  dropFromSearch(ids: readonly string[]): void {
    const drop = this.prepare(
      'DELETE FROM society_search WHERE rowid = (SELECT search_rowid FROM societies WHERE id = ?)',
    );
    for (const id of ids) drop.run(id);
  }

  /** Rewrites a society's row in the full-text index from what is stored now. */
  private reindexStored(id: string): void {
    const society = this.prepare(
      `SELECT search_rowid AS searchRowid, name, name_mizo AS nameMizo, reg_no AS regNo,
              village_id AS villageId, district_id AS districtId
       FROM societies WHERE id = ?`,
    ).get(id) as
      | (Pick<SocietyFields, 'name' | 'nameMizo' | 'regNo' | 'villageId' | 'districtId'> & {
          searchRowid: number;
        })
      | undefined;
    if (!society) return;
    const areaVillageIds = (
      this.prepare(
        'SELECT village_id AS villageId FROM society_area_villages WHERE society_id = ? AND deleted_at IS NULL',
      ).all(id) as { villageId: string }[]
    ).map((row) => row.villageId);
    this.indexForSearch(society.searchRowid, { ...society, areaVillageIds }, true);
  }

  /**
   * Writes the society's row in the full-text index from the values just saved. Place names
   * come from the reference data in memory, so a bulk import pays no query per row.
   */
  private indexForSearch(
    searchRowid: number,
    values: Pick<
      SocietyFields,
      'name' | 'nameMizo' | 'regNo' | 'villageId' | 'districtId' | 'areaVillageIds'
    >,
    replacing: boolean,
  ): void {
    const places = this.placeNames();
    const placeText = [
      values.villageId ? places.get(values.villageId) : '',
      places.get(values.districtId),
      ...values.areaVillageIds.map((villageId) => places.get(villageId)),
    ].join(' ');
    if (replacing) this.prepare('DELETE FROM society_search WHERE rowid = ?').run(searchRowid);
    this.prepare(
      'INSERT INTO society_search (rowid, names, reg_no, places) VALUES (?, ?, ?, ?)',
    ).run(
      searchRowid,
      foldForSearch(`${values.name} ${values.nameMizo ?? ''}`),
      foldForSearch(values.regNo),
      foldForSearch(placeText),
    );
  }

  /** Village and district id → name, from the cached reference data. */
  private placeNames(): Map<string, string> {
    return this.referenceIndex().placeNames;
  }

  private villageById(): Map<string, ReferenceData['villages'][number]> {
    return this.referenceIndex().villages;
  }

  /** Lookups over the reference data, rebuilt only when the reference service reloads it. */
  private referenceIndex(): NonNullable<SocietyService['referenceCache']> {
    const reference = this.reference.get();
    if (this.referenceCache?.source !== reference) {
      this.referenceCache = {
        source: reference,
        placeNames: new Map(
          [...reference.villages, ...reference.districts].map((place) => [place.id, place.name]),
        ),
        villages: new Map(reference.villages.map((village) => [village.id, village])),
      };
    }
    return this.referenceCache;
  }

  private validate(
    fields: SocietyFields & { statusSince?: string | null },
    selfId: string | null,
    today: string,
  ): FieldErrors {
    const errors: FieldErrors = dateRuleErrors(fields, today);
    const reference = this.reference.get();
    const district = reference.districts.find((d) => d.id === fields.districtId);
    if (!district) errors['districtId'] = 'Choose the district.';
    if (!reference.societyTypes.some((t) => t.id === fields.typeId))
      errors['typeId'] = 'Choose the type of society.';
    const village = fields.villageId ? this.villageById().get(fields.villageId) : null;
    if (fields.villageId && !village) errors['villageId'] = 'Choose the village from the list.';
    if (village && district && village.districtId !== district.id) {
      errors['villageId'] = `${village.name} is not in ${district.name} district.`;
    }
    const office = reference.offices.find((o) => o.id === fields.officeId);
    if (!office) {
      errors['officeId'] = 'Choose the registrar office.';
    } else if (district && !errors['villageId']) {
      const covers = this.reference.officeCovers(office.id, district.id, fields.villageId);
      if (covers === 'no') {
        errors['officeId'] =
          `${office.shortName} does not cover ${village ? village.name : `${district.name} district`}.`;
      } else if (covers === 'partly') {
        errors['villageId'] =
          `${office.shortName} covers only part of ${district.name} district: choose the village.`;
      }
    }
    const places = this.placeNames();
    const unknown = fields.areaVillageIds.findIndex(
      (id) => !places.has(id) || id === fields.districtId,
    );
    if (unknown >= 0)
      errors['areaVillageIds'] = 'Choose the villages of the area of operation from the list.';
    if (new Set(fields.areaVillageIds).size !== fields.areaVillageIds.length) {
      errors['areaVillageIds'] = 'A village is listed twice in the area of operation.';
    }
    const holder = this.prepare(
      'SELECT id, name FROM societies WHERE reg_no_key = ? AND deleted_at IS NULL',
    ).get(regNoKey(fields.regNo)) as { id: string; name: string } | undefined;
    if (holder && holder.id !== selfId) {
      errors['regNo'] =
        `Registration number ${fields.regNo} is already used by ${holder.name.replace(/\.+$/, '')}.`;
    }
    return errors;
  }

  private nextSearchRowid(): number {
    return (
      this.prepare('SELECT coalesce(max(search_rowid), 0) + 1 AS n FROM societies').get() as {
        n: number;
      }
    ).n;
  }

  private today(): string {
    return indiaDate(this.clock.now());
  }
}

/** A search ranks at most this many matches (the first found), so broad searches stay fast. */
const BROAD_SEARCH_MATCHES = 2_000;

/** The tables a bulk import writes new rows into. */
const BULK_TABLES = ['societies', 'society_area_villages', 'society_status_history'] as const;

function filterSql(filter: SocietyFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.districtId) {
    parts.push('s.district_id = ?');
    params.push(filter.districtId);
  }
  if (filter.officeId) {
    parts.push('s.office_id = ?');
    params.push(filter.officeId);
  }
  if (filter.typeId) {
    parts.push('s.type_id = ?');
    params.push(filter.typeId);
  }
  if (filter.sectorId) {
    parts.push('s.type_id IN (SELECT id FROM society_types WHERE sector_id = ?)');
    params.push(filter.sectorId);
  }
  if (filter.status) {
    parts.push('s.status = ?');
    params.push(filter.status);
  }
  return { sql: parts.map((part) => ` AND ${part}`).join(''), params };
}

function throwIfInvalid(errors: FieldErrors): void {
  const messages = Object.values(errors);
  if (messages.length === 0) return;
  const message =
    messages.length === 1
      ? (messages[0] as string)
      : `${messages.length} fields need attention: ${messages.join(' ')}`;
  throw new AppError('invalid_input', message, errors);
}
