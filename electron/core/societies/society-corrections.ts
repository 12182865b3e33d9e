import { AppError } from '#shared/errors';
import { indiaDate } from '#shared/domain/dates';
import { mizoSortKey } from '#shared/domain/mizo-text';
import { regNoKey, type SocietyFields } from '#shared/societies/society';
import type { SocietyDetail } from '#shared/societies/contract';
import type { Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import type { Actor, MutationTx, MutationWriter } from '../sync/mutation-writer';
import type { LikelyDuplicates } from './likely-duplicates';
import type { SocietySearchIndex } from './search-index';
import type { SocietyRecords } from './society-records';
import { throwIfInvalid, type SocietyValidation } from './society-validation';

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

/**
 * Corrections to a society's master record: only what changed goes to the outbox, an old
 * name to the name history, and the area of operation row by row. Also the final number
 * that replaces a provisional one.
 */
export class SocietyCorrections {
  constructor(
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
   * Saves corrections to the master record if nobody saved since `baseVersion`. Only the
   * fields that changed go to the outbox; an old name goes to the name history. A new
   * registration number is refused with `conflict` when it likely repeats another society's,
   * unless the clerk confirmed it is a different one (`confirmedDistinctFrom`), as on entry.
   */
  update(
    id: string,
    baseVersion: number,
    fields: SocietyFields,
    nameChangeReason: string | null,
    actor: Actor,
    confirmedDistinctFrom: readonly string[] = [],
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
      throwIfInvalid(this.validation.validate(fields, id, this.today()));
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
      // Asked only when the number changes: a society confirmed different before is not
      // asked again at every later correction.
      const confirmed =
        regNoKey(fields.regNo) !== current['reg_no_key']
          ? this.likelyDuplicates.refuseUnconfirmed(id, fields, confirmedDistinctFrom)
          : [];

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
        if (areaChanged)
          this.searchIndex.indexForSearch(current['search_rowid'] as number, fields, true);
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
      this.searchIndex.indexForSearch(current['search_rowid'] as number, fields, true);
      this.likelyDuplicates.noteConfirmed(tx, id, confirmed);
      return true;
    });
    if (changed) this.onChanged(id);
    return this.records.get(id);
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
    this.searchIndex.reindexStored(id);
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

  private today(): string {
    return indiaDate(this.clock.now());
  }
}
