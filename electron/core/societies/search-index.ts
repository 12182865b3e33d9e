import { foldForSearch } from '#shared/domain/mizo-text';
import type { SocietyFields } from '#shared/societies/society';
import type { Sqlite } from '../db/open-database';
import type { Prepare } from '../db/statement-cache';
import type { PlaceLookups } from './place-lookups';

/**
 * The register's full-text index (`society_search`): one row per society with its names,
 * number and places, written beside every save and rebuilt for what sync wrote.
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
    for (const id of ids) drop.run(id);
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

  /** The index row the next new society gets. */
  nextSearchRowid(): number {
    return (
      this.prepare('SELECT coalesce(max(search_rowid), 0) + 1 AS n FROM societies').get() as {
        n: number;
      }
    ).n;
  }
}
