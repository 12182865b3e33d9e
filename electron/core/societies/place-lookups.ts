import type { ReferenceData } from '#shared/reference/contract';
import type { ReferenceService } from '../reference/reference-service';

/**
 * Village and district lookups over the reference data, for the search index and the
 * checks of a society's places: a bulk import pays no query per row.
 */
export class PlaceLookups {
  private referenceCache: {
    source: ReferenceData;
    placeNames: Map<string, string>;
    villages: Map<string, ReferenceData['villages'][number]>;
  } | null = null;

  constructor(private readonly reference: ReferenceService) {}

  /** Village and district id → name, from the cached reference data. */
  placeNames(): Map<string, string> {
    return this.referenceIndex().placeNames;
  }

  /** Village id → village (with its district), from the cached reference data. */
  villageById(): Map<string, ReferenceData['villages'][number]> {
    return this.referenceIndex().villages;
  }

  /** Lookups over the reference data, rebuilt only when the reference service reloads it. */
  private referenceIndex(): NonNullable<PlaceLookups['referenceCache']> {
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
}
