import { foldForSearch } from '#shared/domain/mizo-text';
import { regNoFold } from '#shared/societies/likely-duplicate';
import type { SocietyFields } from '#shared/societies/society';
import { getMeta, setMeta } from '../db/app-meta';
import type { Sqlite } from '../db/open-database';
import type { Prepare } from '../db/statement-cache';
import type { PlaceLookups } from './place-lookups';

/** app_meta key: every society entered before the folded numbers existed has its row. */
const FOLDS_FILLED_KEY = 'number_folds_filled';

/**
 * The register's full-text index (`society_search`): one row per society with its names,
 * number and places, written beside every save and rebuilt for what sync wrote. Beside it,
 * each society's folded registration number (`society_number_folds`), kept the same way.
 */
export class SocietySearchIndex {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly prepare: Prepare,
    private readonly places: PlaceLookups,
    private readonly onChanged: (id: string) => void,
  ) {}

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
    const dropFold = this.prepare(
      'DELETE FROM society_number_folds WHERE search_rowid = (SELECT search_rowid FROM societies WHERE id = ?)',
    );
    for (const id of ids) {
      drop.run(id);
      dropFold.run(id);
    }
  }

  /**
   * Folds the numbers of the societies entered before the folded numbers were kept (once,
   * after the upgrade that added them): a number repeated in another spelling is then found
   * among those too.
   */
  fillNumberFolds(): void {
    if (getMeta(this.sqlite, FOLDS_FILLED_KEY)) return;
    this.sqlite
      .transaction(() => {
        const missing = this.prepare(
          `SELECT s.search_rowid AS searchRowid, s.reg_no AS regNo FROM societies s
           WHERE NOT EXISTS (SELECT 1 FROM society_number_folds f WHERE f.search_rowid = s.search_rowid)`,
        ).all() as { searchRowid: number; regNo: string }[];
        for (const society of missing) this.indexNumber(society.searchRowid, society.regNo, false);
        setMeta(this.sqlite, FOLDS_FILLED_KEY, '1');
      })
      .immediate();
  }

  /** Rewrites a society's row in the full-text index from what is stored now. */
  reindexStored(id: string): void {
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
  indexForSearch(
    searchRowid: number,
    values: Pick<
      SocietyFields,
      'name' | 'nameMizo' | 'regNo' | 'villageId' | 'districtId' | 'areaVillageIds'
    >,
    replacing: boolean,
  ): void {
    const places = this.places.placeNames();
    const placeText = [
      values.villageId ? places.get(values.villageId) : '',
      places.get(values.districtId),
      ...values.areaVillageIds.map((villageId) => places.get(villageId)),
    ].join(' ');
    // Before the full-text row: a plain single-row insert opens no statement savepoint, so
    // FTS5 keeps a bulk import's pending entries in memory (see SocietyEntry.importMany).
    this.indexNumber(searchRowid, values.regNo, replacing);
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

  /** Writes the society's folded registration number (regNoFold). */
  private indexNumber(searchRowid: number, regNo: string, replacing: boolean): void {
    if (replacing)
      this.prepare('DELETE FROM society_number_folds WHERE search_rowid = ?').run(searchRowid);
    this.prepare('INSERT INTO society_number_folds (search_rowid, reg_no_fold) VALUES (?, ?)').run(
      searchRowid,
      regNoFold(regNo),
    );
  }

  /** The index row the next new society gets. */
  nextSearchRowid(): number {
    return (
      this.prepare('SELECT coalesce(max(search_rowid), 0) + 1 AS n FROM societies').get() as {
        n: number;
      }
    ).n;
  }
}
