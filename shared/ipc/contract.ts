import { z } from 'zod';
import {
  liabilities,
  registrationBases,
  societyCreateSchema,
  societyFieldsSchema,
  societyStatuses,
  tiers,
} from '../domain/society';
import type { Result } from '../errors';
import type { EventName, RequestName } from './channels';

/**
 * The one contract between the renderer and the backend. Every request has an input and an
 * output schema; `dispatch` parses the input before any handler runs, so a handler only
 * ever sees valid data. Wire values are JSON-safe: ISO dates, string ids, integer paise.
 */

const uuid = z.string().uuid();
const isoDate = z.string();
const isoInstant = z.string();

const districtSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  lgdCode: z.string().nullable(),
});
const blockSchema = z.object({
  id: uuid,
  districtId: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  lgdCode: z.string().nullable(),
});
const villageSchema = z.object({
  id: uuid,
  blockId: uuid,
  districtId: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  lgdCode: z.string().nullable(),
});
const officeSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  level: z.string(),
  /** Districts the office covers entirely. */
  districtIds: z.array(uuid),
  /** Villages covered one by one, where the office has only part of a district. */
  villageIds: z.array(uuid),
});
const sectorSchema = z.object({ id: uuid, code: z.string(), name: z.string() });
const societyTypeSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  sectorId: uuid,
  tier: z.enum(tiers),
  credit: z.boolean(),
  minPromoters: z.number().int(),
});
export type District = z.infer<typeof districtSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Village = z.infer<typeof villageSchema>;
export type Office = z.infer<typeof officeSchema>;
export type Sector = z.infer<typeof sectorSchema>;
export type SocietyType = z.infer<typeof societyTypeSchema>;

const referenceDataSchema = z.object({
  stateName: z.string(),
  districts: z.array(districtSchema),
  blocks: z.array(blockSchema),
  villages: z.array(villageSchema),
  offices: z.array(officeSchema),
  sectors: z.array(sectorSchema),
  societyTypes: z.array(societyTypeSchema),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;

const ruleParameterSchema = z.object({
  id: uuid,
  key: z.string(),
  /** What the value applies to: '' for everything, or e.g. a society type code. */
  scope: z.string(),
  value: z.string(),
  effectiveFrom: isoDate,
  legalReference: z.string(),
  note: z.string().nullable(),
});
export type RuleParameter = z.infer<typeof ruleParameterSchema>;

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

const societyRowSchema = z.object({
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

const statusHistoryEntrySchema = z.object({
  id: uuid,
  status: z.enum(societyStatuses),
  effectiveOn: isoDate.nullable(),
  orderRef: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: isoInstant,
  recordedBy: z.string(),
});
const nameHistoryEntrySchema = z.object({
  id: uuid,
  name: z.string(),
  nameMizo: z.string().nullable(),
  usedUntil: isoDate,
  reason: z.string().nullable(),
  recordedAt: isoInstant,
  recordedBy: z.string(),
});

const societyDetailSchema = z.object({
  id: uuid,
  name: z.string(),
  nameMizo: z.string().nullable(),
  regNo: z.string(),
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

export const contract = {
  requests: {
    /** Version, data folder and register size, for the About box and the status bar. */
    'app.info': {
      input: z.object({}).strict(),
      output: z.object({
        appVersion: z.string(),
        dataDir: z.string(),
        stateName: z.string(),
        societyCount: z.number().int(),
        schemaMigrations: z.number().int(),
      }),
    },
    /** Geography, offices with their jurisdiction, sectors and society types. */
    'reference.get': { input: z.object({}).strict(), output: referenceDataSchema },
    /** The rule parameters table (domain.md §3), every version with its effective date. */
    'reference.ruleParameters': {
      input: z.object({}).strict(),
      output: z.array(ruleParameterSchema),
    },
    /**
     * Finds societies by name, Mizo name, registration number or place as the user types.
     * Case, ṭ/t and a legacy `\` for ṭ are ignored; every word must match the start of a word.
     */
    'societies.search': {
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
      input: z.object({ id: uuid }).strict(),
      output: societyDetailSchema,
    },
    /**
     * Adds a society already registered on paper. Fails with `invalid_input` naming each field
     * (number already used, date in the future, district missing or outside the office).
     */
    'societies.create': {
      input: z.object({ society: societyCreateSchema }).strict(),
      output: societyDetailSchema,
    },
    /**
     * Corrects the master record. `baseVersion` is the version the user opened; if someone
     * saved since, fails with `conflict` and saves nothing. A new name is kept in the name history.
     */
    'societies.update': {
      input: z
        .object({
          id: uuid,
          baseVersion: z.number().int().min(1),
          fields: societyFieldsSchema,
          nameChangeReason: z.string().max(300).nullish(),
        })
        .strict(),
      output: societyDetailSchema,
    },
  },
  events: {
    /** A society was added or changed (by this user, another window, or sync). */
    'societies.changed': z.object({ id: uuid }),
  },
} as const satisfies {
  requests: Record<RequestName, { input: z.ZodType; output: z.ZodType }>;
  events: Record<EventName, z.ZodType>;
};

type Requests = (typeof contract)['requests'];
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
export type ParsedInput<N extends RequestName> = z.output<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;
export type EventPayload<N extends EventName> = z.output<(typeof contract)['events'][N]>;

/** What the backend must implement: one function per request. A missing one fails to compile. */
export type Handlers = {
  [N in RequestName]: (input: ParsedInput<N>) => RequestOutput<N> | Promise<RequestOutput<N>>;
};

/** What the renderer sees as `window.app`, whatever the transport. */
export interface AppBridge {
  invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}
