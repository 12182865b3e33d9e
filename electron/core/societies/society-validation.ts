import { AppError, type FieldErrors } from '#shared/errors';
import { dateRuleErrors, regNoKey, type SocietyFields } from '#shared/societies/society';
import type { Prepare } from '../db/statement-cache';
import type { ReferenceService } from '../reference/reference-service';
import type { PlaceLookups } from './place-lookups';

/**
 * Every rule a clerk can break in a society's master record (and again checked by the form
 * for speed): dates, places the office covers, the area of operation, a number in use.
 */
export class SocietyValidation {
  constructor(
    private readonly prepare: Prepare,
    private readonly reference: ReferenceService,
    private readonly places: PlaceLookups,
  ) {}

  /** What is wrong with `fields`, per field; empty when nothing is. `selfId` may keep its own number. */
  validate(
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
    const village = fields.villageId ? this.places.villageById().get(fields.villageId) : null;
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
    const places = this.places.placeNames();
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
}

/** Refuses with `invalid_input` naming each field that needs attention; nothing when none does. */
export function throwIfInvalid(errors: FieldErrors): void {
  const messages = Object.values(errors);
  if (messages.length === 0) return;
  const message =
    messages.length === 1
      ? (messages[0] as string)
      : `${messages.length} fields need attention: ${messages.join(' ')}`;
  throw new AppError('invalid_input', message, errors);
}
