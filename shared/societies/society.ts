import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { dropHiddenControls, hasDirectionControls, normalizeText } from '../domain/mizo-text';

/** Status of a society on the register (domain.md §4). */
export const societyStatuses = [
  'registered',
  'functional',
  'non_functional',
  'under_liquidation',
  'deregistered',
  'merged',
] as const;
export type SocietyStatus = (typeof societyStatuses)[number];

/** How the society came onto the register. */
export const registrationBases = ['normal', 'deemed', 'legacy'] as const;
export type RegistrationBasis = (typeof registrationBases)[number];

export const tiers = ['primary', 'central', 'apex'] as const;
export type Tier = (typeof tiers)[number];

export const liabilities = ['limited', 'unlimited'] as const;
export type Liability = (typeof liabilities)[number];

export const id = z.string().uuid({ message: 'Choose a value from the list.' });

/** Free text as a clerk types it: normalised (NFC, legacy ṭ), no direction-control characters. */
export function text(label: string, { min = 1, max = 200 } = {}) {
  return z
    .string({ message: `Enter the ${label}.` })
    .transform(normalizeText)
    .refine((value) => value.length > 0, { message: `Enter the ${label}.`, abort: true })
    .refine((value) => value.length >= min, {
      message: `The ${label} needs at least ${min} letters.`,
    })
    .refine((value) => value.length <= max, {
      message: `The ${label} can have at most ${max} characters.`,
    })
    .refine((value) => !hasDirectionControls(value), {
      message: `The ${label} contains hidden direction-control characters; retype it.`,
    });
}

/**
 * Text kept as typed (notes, reasons, descriptions): trimmed, line breaks kept, hidden control
 * characters dropped (the state server cannot store a NUL).
 */
export function typedText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(dropHiddenControls).trim();
}

/** Optional free text: empty becomes null. */
export function optionalText(label: string, max = 200) {
  return z
    .string()
    .nullish()
    .transform((value) => {
      const cleaned = value == null ? '' : normalizeText(value);
      return cleaned === '' ? null : cleaned;
    })
    .refine((value) => value === null || value.length <= max, {
      message: `The ${label} can have at most ${max} characters.`,
    })
    .refine((value) => value === null || !hasDirectionControls(value), {
      message: `The ${label} contains hidden direction-control characters; retype it.`,
    });
}

export function isoDate(label: string) {
  return z
    .string({ message: `Enter the ${label}.` })
    .refine((value) => value !== '', { message: `Enter the ${label}.` })
    .refine((value) => value === '' || isIsoDate(value), {
      message: `The ${label} is not a real date.`,
    });
}

export const paise = (label: string) =>
  z
    .number({ message: `Enter the ${label} in rupees.` })
    .int({ message: `The ${label} must be in whole paise.` })
    .min(0, { message: `The ${label} cannot be negative.` })
    .max(Number.MAX_SAFE_INTEGER, { message: `The ${label} is too large.` })
    .nullable();

const email = z
  .string()
  .nullish()
  .transform((value) => (value == null || value.trim() === '' ? null : value.trim()))
  .refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(value), {
    message: 'The e-mail address is not valid (example: secretary@example.org).',
  });

const phone = z
  .string()
  .nullish()
  .transform((value) => (value == null || value.trim() === '' ? null : value.trim()))
  .refine((value) => value === null || /^\+?[0-9 ()-]{6,20}$/u.test(value), {
    message: 'The phone number may contain only digits, spaces, + - and brackets.',
  });

/**
 * The editable fields of the master record, as entered for a society already registered
 * on paper (a legacy record) or corrected later. Structure only: rules that need the
 * database or today's date (number already used, date in the future, office jurisdiction)
 * are checked by the society service, and by the form through `societyFieldRules`.
 */
export const societyFieldsSchema = z.object({
  name: text('registered name', { min: 3, max: 200 }),
  nameMizo: optionalText('Mizo name'),
  regNo: text('registration number', { max: 60 }),
  registeredOn: isoDate('date of registration'),
  basis: z.enum(registrationBases, { message: 'Choose how the society was registered.' }),
  typeId: z
    .string({ message: 'Choose the type of society.' })
    .uuid({ message: 'Choose the type of society.' }),
  tier: z.enum(tiers, { message: 'Choose the tier.' }),
  liability: z.enum(liabilities, { message: 'Choose the liability.' }),
  address: text('registered address', { max: 300 }),
  districtId: z
    .string({ message: 'Choose the district.' })
    .uuid({ message: 'Choose the district.' }),
  villageId: z.string().uuid({ message: 'Choose the village from the list.' }).nullable(),
  officeId: z
    .string({ message: 'Choose the registrar office.' })
    .uuid({ message: 'Choose the registrar office.' }),
  areaVillageIds: z
    .array(z.string().uuid({ message: 'Choose villages from the list.' }))
    .max(500, { message: 'At most 500 villages can be listed in the area of operation.' }),
  shareValuePaise: paise('value of one share'),
  admissionFeePaise: paise('admission fee'),
  authorisedCapitalPaise: paise('authorised share capital'),
  financingBank: optionalText('financing bank'),
  federation: optionalText('federation'),
  contactPerson: optionalText('contact person'),
  phone,
  email,
  ncdId: optionalText('NCD id', 40),
  remarks: optionalText('remarks', 2000),
});
export type SocietyFields = z.output<typeof societyFieldsSchema>;
export type SocietyFieldsInput = z.input<typeof societyFieldsSchema>;

/** A legacy society entered from paper: its fields plus its status at the time of entry. */
export const societyCreateSchema = societyFieldsSchema.extend({
  status: z.enum(societyStatuses, { message: 'Choose the current status.' }),
  statusSince: isoDate('date of the current status').nullable(),
  statusOrderRef: optionalText('order reference', 120),
});
export type SocietyCreate = z.output<typeof societyCreateSchema>;
export type SocietyCreateInput = z.input<typeof societyCreateSchema>;

/** Rules that need today's date; shared by the form and the service so both say the same. */
export function dateRuleErrors(
  values: { registeredOn?: string | null; statusSince?: string | null },
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.registeredOn && isIsoDate(values.registeredOn) && values.registeredOn > today) {
    errors['registeredOn'] = 'The date of registration cannot be in the future.';
  }
  if (values.statusSince && isIsoDate(values.statusSince)) {
    if (values.statusSince > today) {
      errors['statusSince'] = 'The date of the current status cannot be in the future.';
    } else if (values.registeredOn && values.statusSince < values.registeredOn) {
      errors['statusSince'] = 'The status cannot start before the society was registered.';
    }
  }
  return errors;
}

/** Key under which registration numbers are compared: "rcs/aiz/2024-25/0001 " = "RCS/AIZ/2024-25/0001". */
export function regNoKey(regNo: string): string {
  return normalizeText(regNo).toUpperCase().replace(/\s+/gu, '');
}

/**
 * The first number of an office's series, to show a clerk what issued numbers look like:
 * `pattern` is the `registration_no.pattern` rule parameter, so "RCS/{office}/{fy}/{serial:4}"
 * for AIZ in 2025-26 gives "RCS/AIZ/2025-26/0001".
 */
export function registrationNumberExample(pattern: string, office: string, fy: string): string {
  return pattern
    .replaceAll('{office}', office)
    .replaceAll('{fy}', fy)
    .replace(/\{serial(?::(\d+))?\}/u, (_serial, width?: string) =>
      '1'.padStart(Number(width ?? 1), '0'),
    );
}
