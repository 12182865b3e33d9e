import { AppError } from '#shared/errors';
import { formatDate } from '#shared/domain/dates';
import {
  isLikelyDuplicate,
  likelyDuplicateFields,
  regNoFold,
  type DuplicateFacts,
  type LikelyDuplicate,
} from '#shared/societies/likely-duplicate';
import type { Prepare } from '../db/statement-cache';
import type { ReferenceService } from '../reference/reference-service';
import type { MutationTx } from '../sync/mutation-writer';
import type { PlaceLookups } from './place-lookups';

type StoredFacts = DuplicateFacts & { id: string; name: string };

/**
 * The check for a registration number already on the register in another spelling
 * ("RCS/0363/1990" for "RCS/363/1990") with the same date or place: such a save is refused
 * naming the other society until the clerk confirms the two are different societies.
 * Found by the folded-number index, so it costs one lookup at 2,50,000 societies.
 */
export class LikelyDuplicates {
  constructor(
    private readonly prepare: Prepare,
    private readonly reference: ReferenceService,
    private readonly places: PlaceLookups,
  ) {}

  /**
   * Inside the save's transaction: refuses with `conflict` naming the first society that
   * `fields` likely repeats and that is not in `confirmedDistinctFrom` (the refusal's
   * `fields` carry it, see likelyDuplicateFields), so nothing is written. Returns those the
   * clerk confirmed, for `noteConfirmed`. `id` is the society being corrected (null for a new one).
   */
  refuseUnconfirmed(
    id: string | null,
    fields: DuplicateFacts,
    confirmedDistinctFrom: readonly string[],
  ): StoredFacts[] {
    const found = this.find(fields, id);
    const unconfirmed = found.find((other) => !confirmedDistinctFrom.includes(other.id));
    if (unconfirmed) {
      const other = this.describe(unconfirmed);
      const place = other.districtName
        ? `${other.place}, ${other.districtName} district`
        : other.place;
      const message =
        `Registration number ${fields.regNo} looks like ${other.regNo} of ${other.name}, ` +
        `registered on ${formatDate(other.registeredOn)} at ${place}. ` +
        'If this is a different society, confirm it to save.';
      throw new AppError('conflict', message, likelyDuplicateFields(other, message));
    }
    return found;
  }

  /**
   * Writes the record-of-changes entry that the clerk confirmed society `id` is not the
   * `others` it looked like; nothing when there were none.
   */
  noteConfirmed(tx: MutationTx, id: string, others: readonly StoredFacts[]): void {
    if (others.length === 0) return;
    tx.note({
      name: 'society.confirmDistinct',
      entity: 'society',
      entityId: id,
      args: {
        distinctFrom: others.map((other) => `${other.name} (${other.regNo})`).join('; '),
      },
      baseVersion: null,
      base: null,
    });
  }

  /** The live societies but `selfId` whose numbers `fields` likely repeats, by name. */
  private find(fields: DuplicateFacts, selfId: string | null): StoredFacts[] {
    const sameFold = this.prepare(
      `SELECT s.id, s.name, s.reg_no AS regNo, s.registered_on AS registeredOn,
              s.district_id AS districtId, s.village_id AS villageId, s.address
       FROM society_number_folds f JOIN societies s ON s.search_rowid = f.search_rowid
       WHERE f.reg_no_fold = ? AND s.deleted_at IS NULL
       ORDER BY s.sort_key, s.id`,
    ).all(regNoFold(fields.regNo)) as StoredFacts[];
    return sameFold.filter((other) => other.id !== selfId && isLikelyDuplicate(fields, other));
  }

  private describe(other: StoredFacts): LikelyDuplicate {
    const places = this.places.placeNames();
    const district = this.reference.get().districts.find((d) => d.id === other.districtId);
    return {
      id: other.id,
      name: other.name,
      regNo: other.regNo,
      registeredOn: other.registeredOn,
      place: (other.villageId ? places.get(other.villageId) : undefined) ?? other.address,
      districtName: district?.name ?? '',
    };
  }
}
