import { z } from 'zod';
import {
  liabilities,
  registrationBases,
  societyCreateSchema,
  societyFieldsSchema,
  societyStatuses,
  tiers,
} from './society';
import { registerReaders } from '../auth/roles';
import { type EventSpecs, type RequestSpecs, isoDate, isoInstant, uuid } from '../ipc/wire';
import { changeEntrySchema } from '../changes/contract';

/**
 * The societies the clerk confirmed this one is not, after a save was refused as a likely
 * duplicate of each (a number differing only in zeros, separators or case, with the same
 * date or place: see likely-duplicate.ts).
 */
const confirmedDistinctFrom = z.array(uuid).max(20).optional();

export const societyFilterSchema = z.object({
  districtId: uuid.optional(),
  officeId: uuid.optional(),
  typeId: uuid.optional(),
  sectorId: uuid.optional(),
  status: z.enum(societyStatuses).optional(),
});
export type SocietyFilter = z.infer<typeof societyFilterSchema>;

export const societySortFields = [
  'name',
  'regNo',
  'registeredOn',
  'district',
  'type',
  'status',
] as const;
export type SocietySortField = (typeof societySortFields)[number];

export const societyRowSchema = z.object({
  id: uuid,
  name: z.string(),
  nameMizo: z.string().nullable(),
  regNo: z.string(),
  registeredOn: isoDate,
  status: z.enum(societyStatuses),
  typeName: z.string(),
  sectorName: z.string(),
  districtName: z.string(),
  officeName: z.string(),
  place: z.string().nullable(),
});
export type SocietyRow = z.infer<typeof societyRowSchema>;

export const statusHistoryEntrySchema = z.object({
  id: uuid,
  status: z.enum(societyStatuses),
  effectiveOn: isoDate.nullable(),
  orderRef: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: isoInstant,
  recordedBy: z.string(),
  /** Display name of the person who recorded it. */
  recordedByName: z.string(),
  /** Who proposed and who approved the status order behind this entry, when there was one. */
  proposedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
});
export const nameHistoryEntrySchema = z.object({
  id: uuid,
  name: z.string(),
  nameMizo: z.string().nullable(),
  usedUntil: isoDate,
  reason: z.string().nullable(),
  recordedAt: isoInstant,
  recordedBy: z.string(),
});

export const societyDetailSchema = z.object({
  id: uuid,
  name: z.string(),
  nameMizo: z.string().nullable(),
  regNo: z.string(),
  /** Given offline with no leased numbers left: the next sync replaces it (sync.md §6). */
  regNoProvisional: z.boolean(),
  registeredOn: isoDate,
  basis: z.enum(registrationBases),
  typeId: uuid,
  typeName: z.string(),
  sectorId: uuid,
  sectorName: z.string(),
  tier: z.enum(tiers),
  liability: z.enum(liabilities),
  address: z.string(),
  districtId: uuid,
  districtName: z.string(),
  villageId: uuid.nullable(),
  villageName: z.string().nullable(),
  officeId: uuid,
  officeName: z.string(),
  areaOfOperation: z.array(z.object({ id: uuid, name: z.string(), districtName: z.string() })),
  shareValuePaise: z.number().int().nullable(),
  admissionFeePaise: z.number().int().nullable(),
  authorisedCapitalPaise: z.number().int().nullable(),
  financingBank: z.string().nullable(),
  federation: z.string().nullable(),
  status: z.enum(societyStatuses),
  statusSince: isoDate.nullable(),
  contactPerson: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  ncdId: z.string().nullable(),
  remarks: z.string().nullable(),
  statusHistory: z.array(statusHistoryEntrySchema),
  nameHistory: z.array(nameHistoryEntrySchema),
  version: z.number().int(),
  createdAt: isoInstant,
  createdBy: z.string(),
  updatedAt: isoInstant,
  updatedBy: z.string(),
});
export type SocietyDetail = z.infer<typeof societyDetailSchema>;

export const societyRequests = {
  /**
   * Finds societies by name, Mizo name, registration number or place as the user types.
   * Case, ṭ/t and a legacy `\` for ṭ are ignored; every word must match the start of a word.
   */
  'societies.search': {
    access: registerReaders,
    input: z
      .object({
        query: z.string().max(200, { message: 'The search text is too long.' }),
        limit: z.number().int().min(1).max(100).default(20),
        filter: societyFilterSchema.default({}),
      })
      .strict(),
    output: z.array(societyRowSchema),
  },
  /** One page of the register, filtered and sorted. */
  'societies.list': {
    access: registerReaders,
    input: z
      .object({
        filter: societyFilterSchema.default({}),
        sort: z
          .object({ field: z.enum(societySortFields), direction: z.enum(['asc', 'desc']) })
          .default({ field: 'name', direction: 'asc' }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(societyRowSchema), total: z.number().int() }),
  },
  /** The whole master record with area of operation, status history and name history. Fails with `not_found`. */
  'societies.get': {
    access: registerReaders,
    input: z.object({ id: uuid }).strict(),
    output: societyDetailSchema,
  },
  /**
   * Adds a society already registered on paper. Fails with `invalid_input` naming each field
   * (number already used, date in the future, district missing or outside the office), and
   * with `conflict` naming a society whose number it likely repeats (likelyDuplicateIn)
   * unless that society is in `confirmedDistinctFrom`.
   */
  'societies.create': {
    access: ['clerk', 'registrar'],
    input: z.object({ society: societyCreateSchema, confirmedDistinctFrom }).strict(),
    output: societyDetailSchema,
  },
  /**
   * Corrects the master record. `baseVersion` is the version the user opened; if someone
   * saved since, fails with `conflict` and saves nothing. A new name is kept in the name history.
   * A new registration number is checked as `societies.create` checks it.
   */
  'societies.update': {
    access: ['clerk', 'registrar'],
    input: z
      .object({
        id: uuid,
        baseVersion: z.number().int().min(1),
        fields: societyFieldsSchema,
        nameChangeReason: z.string().max(300).nullish(),
        confirmedDistinctFrom,
      })
      .strict(),
    output: societyDetailSchema,
  },

  /** A society's History tab: every change to it and its child records, newest first. */
  'societies.history': {
    access: registerReaders,
    input: z
      .object({
        societyId: uuid,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ entries: z.array(changeEntrySchema), total: z.number().int() }),
  },
} as const satisfies RequestSpecs<'societies'>;

export const societyEvents = {
  /** A society was added or changed (by this user, another window, or sync). */
  'societies.changed': z.object({ id: uuid }),
} as const satisfies EventSpecs<'societies'>;
