/**
 * The fields a society's record and an application for registration share, by the same
 * names in both forms: the shared pickers read them from the form's context.
 */
export interface PlaceValues {
  typeId: string | null;
  address: string;
  districtId: string | null;
  villageId: string | null;
  officeId: string | null;
  areaVillageIds: string[];
}

export type PlaceFieldName = keyof PlaceValues;

/** The message a field shows, from the form that holds it. */
export type PlaceFieldError = (field: PlaceFieldName) => string | undefined;
