import { z } from 'zod';
import { syncIssueSchema } from '../sync/protocol';
import {
  liabilities,
  registrationBases,
  societyCreateSchema,
  societyFieldsSchema,
  societyStatuses,
  tiers,
  typedText,
} from '../domain/society';
import { roles, registerReaders, type Access } from '../auth/roles';
import { enteredPasswordSchema, newPasswordSchema, usernameSchema } from '../auth/credentials';
import {
  statusOrderDecisionNoteSchema,
  statusOrderProposalSchema,
  statusOrderStates,
} from '../domain/status-order';
import {
  applicationCreateSchema,
  applicationModes,
  applicationStates,
  scrutinyResults,
} from '../domain/registration';
import { isIsoDate } from '../domain/dates';
import {
  isFinancialYear,
  returnFilingSchema,
  returnItemsSchema,
  returnSnapshotSchema,
  returnStates,
  returnStatuses,
} from '../domain/returns';
import {
  auditorKinds,
  auditStates,
  auditStatuses,
  defectActionKinds,
  defectCategories,
  defectStatuses,
  grades,
  observationInputSchema,
  observationKinds,
  rubricSchema,
  SUMMARY_MAX_LENGTH,
} from '../domain/audits';
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
  /** The scrutiny checklist of an application of this type: the common items, then its own. */
  scrutinyItems: z.array(z.object({ code: z.string(), label: z.string() })),
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
  /** Display name of the person who recorded it. */
  recordedByName: z.string(),
  /** Who proposed and who approved the status order behind this entry, when there was one. */
  proposedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
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

const sessionUserSchema = z.object({
  id: uuid,
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  officeId: uuid,
  officeName: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

const authStatusSchema = z.object({
  /** No user exists yet: the first start asks for the administrator account. */
  setupNeeded: z.boolean(),
  session: z
    .object({
      user: sessionUserSchema,
      /** The screen is locked after idle time; only unlock or sign out work. */
      locked: z.boolean(),
      /** Set by an administrator's reset: only a password change works until it is done. */
      mustChangePassword: z.boolean(),
      idleLockMinutes: z.number().int(),
      /** Counter mode: the secretary of this society files this year's return, nothing else. */
      counter: z.object({ societyId: uuid, fy: z.string() }).nullable(),
    })
    .nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

const userRowSchema = sessionUserSchema.extend({
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: isoInstant.nullable(),
  version: z.number().int(),
});
export type UserRow = z.infer<typeof userRowSchema>;

const fullNameSchema = z
  .string({ message: 'Enter the full name.' })
  .trim()
  .min(1, { message: 'Enter the full name.' })
  .max(120, { message: 'A name can have at most 120 characters.' });

const statusOrderRowSchema = z.object({
  id: uuid,
  societyId: uuid,
  societyName: z.string(),
  societyRegNo: z.string(),
  officeId: uuid,
  officeName: z.string(),
  fromStatus: z.enum(societyStatuses),
  toStatus: z.enum(societyStatuses),
  effectiveOn: isoDate,
  orderRef: z.string(),
  reason: z.string(),
  state: z.enum(statusOrderStates),
  proposedBy: uuid,
  proposedByName: z.string(),
  proposedAt: isoInstant,
  decidedByName: z.string().nullable(),
  decidedAt: isoInstant.nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
});
export type StatusOrderRow = z.infer<typeof statusOrderRowSchema>;

/** One entry of the record of changes: who changed what, when, from where, before and after. */
const changeEntrySchema = z.object({
  seq: z.number().int(),
  at: isoInstant,
  userId: z.string(),
  userName: z.string(),
  role: z.string(),
  officeName: z.string().nullable(),
  deviceId: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  subjectId: z.string().nullable(),
  /** The society's or user's name today, so an entry says whom it concerns. */
  subjectName: z.string().nullable(),
  /** Field → [before, after]; before is null for a new record. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;

const chainVerdictSchema = z.object({
  intact: z.boolean(),
  /** Entries checked. */
  checked: z.number().int(),
  /** Intact: the last entry. Broken: the last good entry before the first bad one (0 if none). */
  intactUpTo: z.number().int(),
  firstBad: z
    .object({
      seq: z.number().int(),
      problem: z.enum(['altered', 'removed', 'inserted', 'reordered', 'truncated']),
      message: z.string(),
    })
    .nullable(),
  ms: z.number(),
});
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;

const clockSchema = z.object({
  daysElapsed: z.number().int(),
  daysPaused: z.number().int(),
  /** Negative once the deemed date has passed. */
  daysLeft: z.number().int(),
  paused: z.boolean(),
  dueOn: isoDate,
});

const applicationRowSchema = z.object({
  id: uuid,
  ackNo: z.string(),
  proposedName: z.string(),
  typeName: z.string(),
  officeName: z.string(),
  receivedOn: isoDate,
  receivedBy: uuid,
  receivedByName: z.string(),
  state: z.enum(applicationStates),
  open: z.boolean(),
  /** The statutory clock while the application is open; null once decided. */
  clock: clockSchema.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: isoInstant.nullable(),
  societyId: uuid.nullable(),
});
export type ApplicationRow = z.infer<typeof applicationRowSchema>;

const applicationDetailSchema = applicationRowSchema.extend({
  proposedNameMizo: z.string().nullable(),
  typeId: uuid,
  officeId: uuid,
  districtId: uuid,
  villageId: uuid.nullable(),
  address: z.string(),
  areaOfOperation: z.array(z.object({ id: uuid, name: z.string() })),
  mode: z.enum(applicationModes),
  shareCapitalPaise: z.number().int(),
  bankCertificateRef: z.string().nullable(),
  byLaws: z.enum(['model', 'own']),
  feeReceiptNo: z.string().nullable(),
  minPromoters: z.number().int(),
  promoters: z.array(
    z.object({
      name: z.string(),
      relationName: z.string(),
      age: z.number().int(),
      occupation: z.string(),
      address: z.string(),
      shares: z.number().int(),
      amountPaidPaise: z.number().int(),
      isChief: z.boolean(),
    }),
  ),
  deficiencyLetters: z.array(
    z.object({
      id: uuid,
      issuedOn: isoDate,
      /** The reference of the printed letter: the acknowledgement number and its order. */
      letterNo: z.string(),
      issuedByName: z.string(),
      items: z.array(z.object({ code: z.string(), label: z.string(), note: z.string() })),
      replyOn: isoDate.nullable(),
      replyNote: z.string().nullable(),
    }),
  ),
  /** The scrutiny checklist of the application's type, with what was found for each item. */
  checklist: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      result: z.enum(scrutinyResults).nullable(),
      note: z.string().nullable(),
      checkedByName: z.string().nullable(),
      checkedOn: isoDate.nullable(),
    }),
  ),
  /** Registered societies with the same or a close name: a warning for the clerk. */
  closeNames: z.array(z.string()),
  decisionReasons: z.string().nullable(),
  /**
   * The society this office entered from the application was refused at the state server as
   * the same as one already registered, which `societyId` now names: why, and the number it
   * had been given here, never used.
   */
  entryRefused: z.object({ reason: z.string(), regNo: z.string().nullable() }).nullable(),
  version: z.number().int(),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

const certificateRowSchema = z.object({
  id: uuid,
  serial: z.string(),
  kind: z.enum(['registration', 'duplicate', 'audit']),
  societyId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  issuedOn: isoDate,
  officeName: z.string(),
  registrarName: z.string(),
  duplicateOf: z.string().nullable(),
  revokedAt: isoInstant.nullable(),
  revokedReason: z.string().nullable(),
  /**
   * Why the state server refused this certificate, which made it not valid (its serial is
   * kept as void there): set aside by a registrar, or printed for an entry refused as a
   * duplicate. Null for one that stands.
   */
  voidReason: z.string().nullable(),
  keyId: z.string(),
  /** It can be printed again: neither revoked nor refused by the state server. */
  printable: z.boolean(),
  /** A duplicate of it can be issued: printable, and not an audit certificate. */
  duplicable: z.boolean(),
});
export type CertificateRow = z.infer<typeof certificateRowSchema>;

const claimsSchema = z.object({
  serial: z.string(),
  kind: z.enum(['registration', 'duplicate', 'audit']),
  officeCode: z.string(),
  regNo: z.string(),
  societyName: z.string(),
  registeredOn: isoDate,
  issuedOn: isoDate,
  keyId: z.string(),
  /** Audit certificates: the year audited and the grade given. */
  auditFy: z.string().nullable(),
  grade: z.enum(grades).nullable(),
});

const verificationSchema = z.object({
  /**
   * valid; altered (signature or text changed); unknown_key; revoked; void (the state server
   * did not take it in, and kept its serial as void); unreadable (not a certificate code).
   */
  status: z.enum(['valid', 'altered', 'unknown_key', 'revoked', 'void', 'unreadable']),
  claims: claimsSchema.nullable(),
  revokedReason: z.string().nullable(),
  /** Why the state server refused a void certificate. */
  voidReason: z.string().nullable(),
});
export type Verification = z.infer<typeof verificationSchema>;

const nameReservationRowSchema = z.object({
  id: uuid,
  name: z.string(),
  typeId: uuid,
  typeName: z.string(),
  officeName: z.string(),
  applicantName: z.string(),
  reservedOn: isoDate,
  expiresOn: isoDate,
  /** The application that used it; null while it only holds the name. */
  applicationId: uuid.nullable(),
});
export type NameReservationRow = z.infer<typeof nameReservationRowSchema>;

/** What the status bar and the sync screen show. */
const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  officeId: z.string().nullable(),
  /** The last request reached the server. Null before any attempt. */
  online: z.boolean().nullable(),
  running: z.boolean(),
  lastSyncAt: isoInstant.nullable(),
  lastAttemptAt: isoInstant.nullable(),
  /** Changes made here that the server has not decided yet. */
  pending: z.number().int(),
  oldestPendingAt: isoInstant.nullable(),
  /** Conflicts, rejections and held changes waiting for the registrar. */
  issues: z.number().int(),
  /** What stopped the last run, in a sentence for the user; null when it went through. */
  problem: z.string().nullable(),
  /** The database was restored from a backup: enrol again before syncing. */
  mustReenrol: z.boolean(),
  /** A field laptop's auditor: it holds only the societies assigned to them. */
  fieldLaptopOf: z.string().nullable(),
  /**
   * When the status was taken (ms since the epoch). Answers and events may arrive out of
   * order: of two statuses, the one taken later is the truth.
   */
  takenAt: z.number(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A sync issue as the inbox shows it: the server's record with names a person reads. */
const syncIssueRowSchema = syncIssueSchema.extend({
  /** "Society: Ṭlangnuam MPCS Ltd." — what the record is, for the list. */
  recordLabel: z.string(),
  madeByName: z.string(),
  theirsByName: z.string().nullable(),
  /** This computer made the change (the inbox marks it "from this computer"). */
  fromThisDevice: z.boolean(),
});

const financialYear = z
  .string()
  .refine(isFinancialYear, { message: 'Choose a financial year such as 2025-26.' });

/** Filters of the returns register; the year is always chosen. */
export const returnFilterSchema = z
  .object({
    fy: financialYear,
    officeId: uuid.optional(),
    districtId: uuid.optional(),
    typeId: uuid.optional(),
    status: z.enum(returnStatuses).optional(),
  })
  .strict();
export type ReturnFilter = z.infer<typeof returnFilterSchema>;

const returnRegisterRowSchema = z.object({
  societyId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  officeName: z.string(),
  districtName: z.string(),
  typeName: z.string(),
  status: z.enum(returnStatuses),
  ackNo: z.string().nullable(),
  filedOn: isoDate.nullable(),
  daysLate: z.number().int().nullable(),
  /** Defaulter notices sent for this year. */
  notices: z.number().int(),
});
export type ReturnRegisterRow = z.infer<typeof returnRegisterRowSchema>;

const filedReturnSchema = z.object({
  id: uuid,
  version: z.number().int(),
  state: z.enum(returnStates),
  ackNo: z.string(),
  filedOn: isoDate,
  daysLate: z.number().int(),
  lateFeePaise: z.number().int(),
  counterClerkName: z.string(),
  declarantName: z.string(),
  declarantDesignation: z.string(),
  items: returnItemsSchema,
  snapshot: returnSnapshotSchema,
  reviewedByName: z.string().nullable(),
  reviewedAt: isoInstant.nullable(),
  reviewReasons: z.string().nullable(),
});

const returnDetailSchema = z.object({
  societyId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  officeId: uuid,
  officeName: z.string(),
  address: z.string(),
  fy: z.string(),
  dueOn: isoDate,
  status: z.enum(returnStatuses),
  /** What filing today would cost in late fee. */
  lateIfFiledToday: z.object({ daysLate: z.number().int(), feePaise: z.number().int() }),
  filed: filedReturnSchema.nullable(),
  notices: z.array(z.object({ letterNo: z.string(), sentOn: isoDate })),
});
export type ReturnDetail = z.infer<typeof returnDetailSchema>;

/** Filters of the audit register; the year is always chosen. */
export const auditFilterSchema = z
  .object({
    fy: financialYear,
    officeId: uuid.optional(),
    districtId: uuid.optional(),
    typeId: uuid.optional(),
    status: z.enum(auditStatuses).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

const auditRegisterRowSchema = z.object({
  societyId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  officeName: z.string(),
  districtName: z.string(),
  typeName: z.string(),
  /** Null while the society is not in the year's programme. */
  auditId: uuid.nullable(),
  state: z.enum(auditStates).nullable(),
  /** Not accepted, and the audit's due date has passed. */
  overdue: z.boolean(),
  auditorName: z.string().nullable(),
  auditorKind: z.enum(auditorKinds).nullable(),
  grade: z.enum(grades).nullable(),
  submittedOn: isoDate.nullable(),
});
export type AuditRegisterRow = z.infer<typeof auditRegisterRowSchema>;

const myAuditRowSchema = z.object({
  auditId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  address: z.string(),
  officeName: z.string(),
  fy: z.string(),
  state: z.enum(auditStates),
  dueOn: isoDate,
  fieldworkFrom: isoDate.nullable(),
  fieldworkTo: isoDate.nullable(),
  grade: z.enum(grades).nullable(),
  reviewRemarks: z.string().nullable(),
});
export type MyAuditRow = z.infer<typeof myAuditRowSchema>;

const statementHeadSchema = z.object({ code: z.string(), label: z.string() });

const rubricViewSchema = z.object({
  id: uuid,
  version: z.number().int(),
  /** '' for every type without its own, else the type's code. */
  scope: z.string(),
  scopeName: z.string(),
  fromFy: z.string(),
  criteria: rubricSchema.shape.criteria,
  thresholds: rubricSchema.shape.thresholds,
  /** Audits submitted or accepted under it: such a rubric is changed from a later year only. */
  gradedAudits: z.number().int(),
});
export type RubricView = z.infer<typeof rubricViewSchema>;

const defectActionSchema = z.object({
  kind: z.enum(defectActionKinds),
  actedOn: isoDate,
  note: z.string(),
  byName: z.string(),
  at: isoInstant,
});

const observationSchema = z.object({
  id: uuid,
  para: z.number().int(),
  kind: z.enum(observationKinds),
  category: z.enum(defectCategories),
  amountPaise: z.number().int().nullable(),
  description: z.string(),
  recommendation: z.string(),
  rectificationDueOn: isoDate.nullable(),
  status: z.enum(defectStatuses),
  /** A defect not rectified after its due date. */
  overdue: z.boolean(),
  actions: z.array(defectActionSchema),
  recordedByName: z.string(),
});
export type AuditObservation = z.infer<typeof observationSchema>;

const feeReceiptSchema = z.object({
  receiptNo: z.string(),
  amountPaise: z.number().int(),
  receivedOn: isoDate,
  mode: z.enum(['cash', 'challan', 'bank']),
  reference: z.string().nullable(),
  receivedByName: z.string(),
});
export type FeeReceipt = z.infer<typeof feeReceiptSchema>;

const auditDetailSchema = z.object({
  id: uuid,
  version: z.number().int(),
  state: z.enum(auditStates),
  fy: z.string(),
  dueOn: isoDate,
  overdue: z.boolean(),
  society: z.object({
    id: uuid,
    name: z.string(),
    regNo: z.string(),
    address: z.string(),
    officeId: uuid,
    officeName: z.string(),
    typeName: z.string(),
    credit: z.boolean(),
  }),
  auditorId: uuid,
  auditorName: z.string(),
  auditorKind: z.enum(auditorKinds),
  assignedByName: z.string(),
  assignedOn: isoDate,
  fieldworkFrom: isoDate.nullable(),
  fieldworkTo: isoDate.nullable(),
  /** Field work ended: the report is due so many days later (rule parameter). */
  reportDueOn: isoDate.nullable(),
  statementHeads: z.object({
    liabilities: z.array(statementHeadSchema),
    assets: z.array(statementHeadSchema),
    income: z.array(statementHeadSchema),
    expenditure: z.array(statementHeadSchema),
  }),
  statements: z.record(z.string(), z.number().int()),
  rubric: rubricViewSchema,
  scores: z.record(z.string(), z.number().int()),
  totalMarks: z.number().int().nullable(),
  maxMarks: z.number().int().nullable(),
  grade: z.enum(grades).nullable(),
  summary: z.string().nullable(),
  submittedOn: isoDate.nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: isoInstant.nullable(),
  reviewRemarks: z.string().nullable(),
  certificateSerial: z.string().nullable(),
  /** The default date by which a defect found today is to be put right (rule parameter). */
  rectificationDueDefault: isoDate,
  observations: z.array(observationSchema),
  fee: z.object({
    /** By rule from the balance-sheet total; null until the statements are entered. */
    computedPaise: z.number().int().nullable(),
    overridePaise: z.number().int().nullable(),
    overrideReason: z.string().nullable(),
    /** What the society owes in all: the override if any, else the computed fee. */
    duePaise: z.number().int().nullable(),
    paidPaise: z.number().int(),
    /** Due less paid, never below nothing; null while nothing is due yet. */
    outstandingPaise: z.number().int().nullable(),
    receipts: z.array(feeReceiptSchema),
  }),
});
export type AuditDetail = z.infer<typeof auditDetailSchema>;

const auditReportSchema = z
  .object({
    fieldworkFrom: isoDate.nullable(),
    fieldworkTo: isoDate.nullable(),
    statements: z.record(
      z.string().regex(/^[a-z_]{1,40}$/u),
      z.number().int().min(0, 'Amounts cannot be negative.').max(10_000_000_000_000),
    ),
    scores: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/u), z.number().int().min(0).max(100)),
    summary: z
      .string()
      .trim()
      .max(SUMMARY_MAX_LENGTH, 'Keep the general remarks within 3,000 letters.')
      .nullable(),
  })
  .strict();
export type AuditReport = z.infer<typeof auditReportSchema>;

const overdueDefectRowSchema = z.object({
  observationId: uuid,
  auditId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  officeName: z.string(),
  fy: z.string(),
  para: z.number().int(),
  category: z.enum(defectCategories),
  description: z.string(),
  amountPaise: z.number().int().nullable(),
  rectificationDueOn: isoDate,
  daysOverdue: z.number().int(),
  status: z.enum(defectStatuses),
});
export type OverdueDefectRow = z.infer<typeof overdueDefectRowSchema>;

const gradeCountsSchema = z.object({
  name: z.string(),
  A: z.number().int(),
  B: z.number().int(),
  C: z.number().int(),
  D: z.number().int(),
});
export type GradeCounts = z.infer<typeof gradeCountsSchema>;

const printedFileSchema = z.object({ fileName: z.string(), url: z.string().nullable() });

const documentRowSchema = z.object({
  id: uuid,
  sha256: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  ownerEntity: z.string(),
  ownerId: uuid,
  purpose: z.string(),
  addedAt: isoInstant,
  addedBy: z.string(),
});
export type DocumentRow = z.infer<typeof documentRowSchema>;

/** What a document attached to a record is for. */
export const documentPurposes = [
  'bank_certificate',
  'bye_laws',
  'fee_receipt',
  'audited_accounts',
  'annual_report',
  'audit_photo',
  'audit_working_paper',
  'other',
] as const;

const versioned = { id: uuid, baseVersion: z.number().int().min(1) };

const empty = z.object({}).strict();

export const contract = {
  requests: {
    /** Version, data folder and register size, for the About box and the status bar. */
    'app.info': {
      access: 'public',
      input: z.object({}).strict(),
      output: z.object({
        appVersion: z.string(),
        /** Null before sign-in: nobody learns the machine's folders from the login screen. */
        dataDir: z.string().nullable(),
        stateName: z.string(),
        /** Null before sign-in: the login screen shows no figures from the register. */
        societyCount: z.number().int().nullable(),
        schemaMigrations: z.number().int(),
      }),
    },
    /** Geography, offices with their jurisdiction, sectors and society types. */
    'reference.get': {
      access: 'public',
      input: z.object({}).strict(),
      output: referenceDataSchema,
    },
    /** The rule parameters table (domain.md §3), every version with its effective date. */
    'reference.ruleParameters': {
      access: registerReaders,
      input: z.object({}).strict(),
      output: z.array(ruleParameterSchema),
    },
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
     * (number already used, date in the future, district missing or outside the office).
     */
    'societies.create': {
      access: ['clerk', 'registrar'],
      input: z.object({ society: societyCreateSchema }).strict(),
      output: societyDetailSchema,
    },
    /**
     * Corrects the master record. `baseVersion` is the version the user opened; if someone
     * saved since, fails with `conflict` and saves nothing. A new name is kept in the name history.
     */
    'societies.update': {
      access: ['clerk', 'registrar'],
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

    /** Who is signed in here, and whether the first start still needs an administrator. */
    'auth.status': { access: 'public', input: empty, output: authStatusSchema },
    /**
     * First start only: creates the administrator account and signs it in. Refused with
     * `forbidden` once any user exists.
     */
    'auth.setup': {
      access: 'public',
      input: z
        .object({
          username: usernameSchema,
          fullName: fullNameSchema,
          officeId: z.string().uuid({ message: 'Choose the office.' }),
          password: newPasswordSchema,
        })
        .strict(),
      output: authStatusSchema,
    },
    /**
     * Signs in. A wrong user name or password gives `unauthenticated` with the same message
     * either way; after 5 failures the account waits (`too_many_attempts`), longer each time.
     */
    'auth.login': {
      access: 'public',
      input: z.object({ username: z.string().max(64), password: enteredPasswordSchema }).strict(),
      output: authStatusSchema,
    },
    'auth.logout': { access: 'session', input: empty, output: authStatusSchema },
    /** Locks the screen now (idle timer or the user's own Lock button). */
    'auth.lock': { access: 'session', input: empty, output: authStatusSchema },
    /** Unlocks with the signed-in user's password; counts towards the lockout like a sign-in. */
    'auth.unlock': {
      access: 'session',
      input: z.object({ password: enteredPasswordSchema }).strict(),
      output: authStatusSchema,
    },
    /** The user is active in the window: keeps the backend's idle clock in step. */
    'auth.touch': { access: 'session', input: empty, output: authStatusSchema },
    'auth.changePassword': {
      access: 'session',
      input: z
        .object({ currentPassword: enteredPasswordSchema, newPassword: newPasswordSchema })
        .strict(),
      output: authStatusSchema,
    },
    /** The administrator's settings: minutes of idle time before the screen locks. */
    'settings.update': {
      access: ['administrator'],
      input: z
        .object({
          idleLockMinutes: z
            .number({ message: 'Enter the minutes.' })
            .int({ message: 'Enter whole minutes.' })
            .min(1, { message: 'Lock after at least 1 minute.' })
            .max(60, { message: 'Lock after at most 60 minutes.' }),
        })
        .strict(),
      output: authStatusSchema,
    },
    'users.list': { access: ['administrator'], input: empty, output: z.array(userRowSchema) },
    /** Adds a user with a temporary password, which they must change at first sign-in. */
    'users.create': {
      access: ['administrator'],
      input: z
        .object({
          username: usernameSchema,
          fullName: fullNameSchema,
          role: z.enum(roles, { message: 'Choose the role.' }),
          officeId: z.string().uuid({ message: 'Choose the office.' }),
          temporaryPassword: newPasswordSchema,
        })
        .strict(),
      output: userRowSchema,
    },
    'users.update': {
      access: ['administrator'],
      input: z
        .object({
          id: uuid,
          baseVersion: z.number().int().min(1),
          fullName: fullNameSchema,
          role: z.enum(roles, { message: 'Choose the role.' }),
          officeId: z.string().uuid({ message: 'Choose the office.' }),
        })
        .strict(),
      output: userRowSchema,
    },
    /** Deactivates (the user can no longer sign in; their records keep their name) or reactivates. */
    'users.setActive': {
      access: ['administrator'],
      input: z.object({ id: uuid, active: z.boolean() }).strict(),
      output: userRowSchema,
    },
    /** Sets a temporary password that the user must change at next sign-in; clears a lockout. */
    'users.resetPassword': {
      access: ['administrator'],
      input: z.object({ id: uuid, temporaryPassword: newPasswordSchema }).strict(),
      output: userRowSchema,
    },
    /**
     * A clerk (or a registrar) proposes a change of a society's status, with the reason and
     * order reference; someone else decides it.
     */
    'statusOrders.propose': {
      access: ['clerk', 'registrar'],
      input: statusOrderProposalSchema.strict(),
      output: statusOrderRowSchema,
    },
    /**
     * A registrar of the society's office approves or rejects a proposed order, confirming
     * with their password. The proposer can never decide (`forbidden`).
     */
    'statusOrders.decide': {
      access: ['registrar'],
      confirmPassword: true,
      input: z
        .object({
          id: uuid,
          decision: z.enum(['approve', 'reject'], { message: 'Choose approve or reject.' }),
          note: statusOrderDecisionNoteSchema,
          password: enteredPasswordSchema,
        })
        .strict()
        .refine((value) => value.decision === 'approve' || value.note !== null, {
          message: 'Say why the order is rejected.',
          path: ['note'],
        }),
      output: statusOrderRowSchema,
    },
    /** Status orders, newest first: those awaiting a decision, or those of one society. */
    'statusOrders.list': {
      access: registerReaders,
      input: z
        .object({
          state: z.enum(statusOrderStates).optional(),
          societyId: uuid.optional(),
        })
        .strict(),
      output: z.array(statusOrderRowSchema),
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
    /** The administrator's list of all changes, filtered, newest first. */
    'changes.list': {
      access: ['administrator'],
      input: z
        .object({
          userId: uuid.optional(),
          entity: z.string().max(40).optional(),
          officeId: uuid.optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          offset: z.number().int().min(0).default(0),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .strict(),
      output: z.object({ entries: z.array(changeEntrySchema), total: z.number().int() }),
    },
    /** "Verify the record of changes": walks the hash chain and names the first bad entry. */
    'changes.verify': { access: ['administrator'], input: empty, output: chainVerdictSchema },

    /** A clerk records an application received at the counter or by post; the acknowledgement number is given at once. */
    'applications.receive': {
      access: ['clerk', 'registrar'],
      input: z.object({ application: applicationCreateSchema }).strict(),
      output: applicationDetailSchema,
    },
    'applications.get': {
      access: registerReaders,
      input: z.object({ id: uuid }).strict(),
      output: applicationDetailSchema,
    },
    /** Applications of the user's office, open ones first by days left before deemed registration. */
    'applications.list': {
      access: registerReaders,
      input: z.object({ state: z.enum(applicationStates).optional() }).strict(),
      output: z.array(applicationRowSchema),
    },
    'applications.startScrutiny': {
      access: ['clerk', 'registrar'],
      input: z.object(versioned).strict(),
      output: applicationDetailSchema,
    },
    /**
     * What the scrutiny found for items of the type's checklist: in order, wanting (with a
     * note saying what), or not yet looked at (result null). Only while under scrutiny.
     */
    'applications.recordScrutiny': {
      access: ['clerk', 'registrar'],
      input: z
        .object({
          ...versioned,
          items: z
            .array(
              z
                .object({
                  code: z.string().min(1).max(40),
                  result: z.enum(scrutinyResults).nullable(),
                  note: typedText().max(1000).nullable(),
                })
                .refine((item) => item.result !== 'wanting' || (item.note ?? '') !== '', {
                  message: 'Say what is wanting; it goes into the deficiency letter.',
                  path: ['note'],
                }),
            )
            .min(1, { message: 'Mark at least one item of the checklist.' })
            .max(100),
        })
        .strict(),
      output: applicationDetailSchema,
    },
    /** A deficiency letter listing what is missing; the statutory clock stops until the reply. */
    'applications.issueDeficiency': {
      access: ['clerk', 'registrar'],
      input: z
        .object({
          ...versioned,
          items: z
            .array(
              z.object({
                code: z.string().min(1).max(40),
                note: typedText().min(1, { message: 'Say what is missing.' }).max(1000),
              }),
            )
            .min(1, { message: 'List at least one deficiency.' }),
        })
        .strict(),
      output: applicationDetailSchema,
    },
    'applications.recordReply': {
      access: ['clerk', 'registrar'],
      input: z
        .object({
          ...versioned,
          replyOn: z
            .string()
            .refine(isIsoDate, { message: 'Enter the date of the reply as DD-MM-YYYY.' }),
          note: typedText().min(1, { message: 'Say what the applicants sent.' }).max(2000),
        })
        .strict(),
      output: applicationDetailSchema,
    },
    /**
     * The registrar approves (the society is registered, numbered and its certificate
     * issued) or refuses with reasons, confirming with their password; never the clerk who
     * received the application.
     */
    'applications.decide': {
      access: ['registrar'],
      confirmPassword: true,
      input: z
        .object({
          ...versioned,
          decision: z.enum(['approve', 'refuse'], { message: 'Choose approve or refuse.' }),
          reasons: typedText().max(4000).nullable(),
          password: enteredPasswordSchema,
        })
        .strict()
        .refine((value) => value.decision === 'approve' || (value.reasons ?? '') !== '', {
          message: 'Give the reasons for the refusal; they are printed on the order.',
          path: ['reasons'],
        }),
      output: applicationDetailSchema,
    },
    /**
     * The registrar records deemed registration of an application not decided within the
     * statutory period; the society is registered and its certificate issued.
     */
    'applications.recordDeemed': {
      access: ['registrar'],
      input: z.object(versioned).strict(),
      output: applicationDetailSchema,
    },
    'applications.withdraw': {
      access: ['clerk', 'registrar'],
      input: z
        .object({
          ...versioned,
          reason: typedText().min(1, { message: 'Say why it is withdrawn.' }).max(1000),
        })
        .strict(),
      output: applicationDetailSchema,
    },
    /**
     * Holds a proposed name for promoters until it expires (rule parameter
     * `registration.name_reservation_days`); refused when registered or already held.
     */
    'names.reserve': {
      access: ['clerk', 'registrar'],
      input: z
        .object({
          name: typedText().min(3, { message: 'Enter the name to reserve.' }).max(200),
          typeId: z.string().uuid({ message: 'Choose the type of society.' }),
          applicantName: typedText().min(1, { message: 'Enter who asks for it.' }).max(120),
        })
        .strict(),
      output: nameReservationRowSchema,
    },
    'names.list': {
      access: registerReaders,
      input: empty,
      output: z.array(nameReservationRowSchema),
    },
    /** The offices' public signing keys, for anyone checking a certificate by other means. */
    'certificates.keys': {
      access: registerReaders,
      input: empty,
      output: z.array(
        z.object({
          keyId: z.string(),
          officeCode: z.string(),
          officeName: z.string(),
          publicKey: z.string(),
          createdAt: isoInstant,
          retiredAt: isoInstant.nullable(),
        }),
      ),
    },
    /**
     * Attaches a PDF, JPEG or PNG (at most 10 MB, sent as base64) to an application, a
     * society, a return or an audit (the auditor: to their own audit only); kept under its
     * SHA-256, never overwritten.
     */
    'documents.add': {
      access: ['clerk', 'registrar', 'auditor'],
      input: z
        .object({
          ownerEntity: z.enum(['registration_application', 'society', 'annual_return', 'audit']),
          ownerId: uuid,
          purpose: z.enum(documentPurposes, { message: 'Choose what the document is.' }),
          fileName: typedText().min(1).max(200),
          contentBase64: z.string().max(14_000_000, {
            message: 'The file is larger than 10 MB; scan it at a lower resolution.',
          }),
        })
        .strict(),
      output: documentRowSchema,
    },
    'documents.list': {
      access: registerReaders,
      input: z.object({ ownerId: uuid }).strict(),
      output: z.array(documentRowSchema),
    },
    /** One page of the returns register for a year: every functioning society and its return. */
    'returns.register': {
      access: registerReaders,
      input: returnFilterSchema.extend({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      }),
      output: z.object({ rows: z.array(returnRegisterRowSchema), total: z.number().int() }),
    },
    /** How many societies' returns are due, overdue, filed, incomplete and accepted. */
    'returns.counts': {
      access: registerReaders,
      input: returnFilterSchema.omit({ status: true }),
      output: z.object({
        dueOn: isoDate,
        due: z.number().int(),
        overdue: z.number().int(),
        filed: z.number().int(),
        incomplete: z.number().int(),
        accepted: z.number().int(),
      }),
    },
    /** A society's returns of the last ten closed years since it was registered, newest first. */
    'returns.ofSociety': {
      access: registerReaders,
      input: z.object({ societyId: uuid }).strict(),
      output: z.array(
        z.object({
          fy: z.string(),
          dueOn: isoDate,
          status: z.enum(returnStatuses),
          ackNo: z.string().nullable(),
          filedOn: isoDate.nullable(),
          daysLate: z.number().int().nullable(),
        }),
      ),
    },
    /** One society's return for one year, filed or not. */
    'returns.get': {
      access: registerReaders,
      input: z.object({ societyId: uuid, fy: financialYear }).strict(),
      output: returnDetailSchema,
    },
    /**
     * The clerk opens a filing session for one society and year and hands over the
     * keyboard: the session then reaches that return only, until the clerk closes it.
     */
    'returns.openCounter': {
      access: ['clerk', 'registrar'],
      input: z.object({ societyId: uuid, fy: financialYear }).strict(),
      output: authStatusSchema,
    },
    /** What the secretary at the counter sees: the society, the year, and a return sent back. */
    'returns.counterForm': {
      access: ['counter_secretary'],
      input: empty,
      output: returnDetailSchema,
    },
    /** The secretary files the return, signing the declaration by typing their name. */
    'returns.file': {
      access: ['counter_secretary'],
      input: z.object({ filing: returnFilingSchema }).strict(),
      output: returnDetailSchema,
    },
    /** The clerk takes the keyboard back with their own password. */
    'returns.closeCounter': {
      access: 'session',
      input: z.object({ password: enteredPasswordSchema }).strict(),
      output: authStatusSchema,
    },
    /** The clerk accepts a filed return (it is then closed) or sends it back with reasons. */
    'returns.review': {
      access: ['clerk', 'registrar'],
      input: z
        .object({
          id: uuid,
          baseVersion: z.number().int().min(1),
          decision: z.enum(['accept', 'send_back'], { message: 'Choose accept or send back.' }),
          reasons: typedText().max(4000).nullable(),
        })
        .strict()
        .refine((value) => value.decision === 'accept' || (value.reasons ?? '') !== '', {
          message: 'Say what must be corrected; the secretary is told these reasons.',
          path: ['reasons'],
        }),
      output: returnDetailSchema,
    },
    /**
     * A notice to every society of the office whose return for the year is overdue, one
     * page each in one PDF, and a record that each was sent.
     */
    'returns.defaulterNotices': {
      access: ['clerk', 'registrar'],
      input: z.object({ officeId: uuid, fy: financialYear }).strict(),
      output: printedFileSchema.extend({ count: z.number().int() }),
    },
    /** The register as filtered, to Excel or CSV (cells that could be formulas neutralised). */
    'returns.export': {
      access: registerReaders,
      input: returnFilterSchema.extend({ format: z.enum(['csv', 'xlsx']) }),
      output: printedFileSchema.extend({ count: z.number().int() }),
    },
    /**
     * Functioning societies with no return for the last two years whose returns are
     * overdue: candidates for non-functional status.
     */
    'returns.nonFunctionalCandidates': {
      access: registerReaders,
      input: z.object({ officeId: uuid.optional() }).strict(),
      output: z.object({
        years: z.array(z.string()),
        rows: z.array(
          z.object({
            societyId: uuid,
            societyName: z.string(),
            regNo: z.string(),
            officeName: z.string(),
            lastFiledFy: z.string().nullable(),
            /** A status order for it is already waiting for a registrar. */
            pendingOrder: z.boolean(),
          }),
        ),
      }),
    },
    /** One page of the audit register for a year: every functioning society and its audit. */
    'audits.register': {
      access: registerReaders,
      input: auditFilterSchema.extend({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      }),
      output: z.object({ rows: z.array(auditRegisterRowSchema), total: z.number().int() }),
    },
    /** How many societies' audits of the year are at each stage, and how many are overdue. */
    'audits.counts': {
      access: registerReaders,
      input: auditFilterSchema.omit({ status: true }),
      output: z.object({
        dueOn: isoDate,
        not_programmed: z.number().int(),
        planned: z.number().int(),
        in_field: z.number().int(),
        submitted: z.number().int(),
        returned: z.number().int(),
        accepted: z.number().int(),
        overdue: z.number().int(),
      }),
    },
    /** The auditor's own audits not yet accepted, and those accepted in the last year. */
    'audits.mine': {
      access: ['auditor'],
      input: empty,
      output: z.array(myAuditRowSchema),
    },
    /** Active auditors who can be given audits. */
    'audits.auditors': {
      access: ['registrar', 'clerk'],
      input: empty,
      output: z.array(z.object({ id: uuid, fullName: z.string(), officeName: z.string() })),
    },
    /** Puts societies in the year's programme with an auditor; those already in it are skipped. */
    'audits.assign': {
      access: ['registrar'],
      input: z
        .object({
          fy: financialYear,
          societyIds: z.array(uuid).min(1, 'Choose at least one society.').max(5000),
          auditorId: uuid,
          auditorKind: z.enum(auditorKinds),
        })
        .strict(),
      output: z.object({ assigned: z.number().int(), skipped: z.number().int() }),
    },
    /** Every society of an office (of a district and a type, if given) not yet in the year's programme, to one auditor. */
    'audits.assignMatching': {
      access: ['registrar'],
      input: z
        .object({
          fy: financialYear,
          officeId: uuid,
          districtId: uuid.optional(),
          typeId: uuid.optional(),
          auditorId: uuid,
          auditorKind: z.enum(auditorKinds),
        })
        .strict(),
      output: z.object({ assigned: z.number().int(), skipped: z.number().int() }),
    },
    /** Gives an audit not yet submitted to another auditor. */
    'audits.reassign': {
      access: ['registrar'],
      input: z
        .object({ ...versioned, auditorId: uuid, auditorKind: z.enum(auditorKinds) })
        .strict(),
      output: auditDetailSchema,
    },
    /** One audit: the programme entry, the report, the decision, defects and fee. */
    'audits.get': {
      access: registerReaders,
      input: z.object({ id: uuid }).strict(),
      output: auditDetailSchema,
    },
    /** A society's audits, newest year first. */
    'audits.ofSociety': {
      access: registerReaders,
      input: z.object({ societyId: uuid }).strict(),
      output: z.array(
        z.object({
          auditId: uuid,
          fy: z.string(),
          state: z.enum(auditStates),
          overdue: z.boolean(),
          auditorName: z.string(),
          grade: z.enum(grades).nullable(),
          certificateSerial: z.string().nullable(),
        }),
      ),
    },
    /** The assigned auditor saves the report as typed (also saved as they type, so nothing is lost). */
    'audits.saveReport': {
      access: ['auditor'],
      input: z.object({ ...versioned, report: auditReportSchema }).strict(),
      output: auditDetailSchema,
    },
    /** The assigned auditor records an observation or defect. */
    'audits.addObservation': {
      access: ['auditor'],
      input: z.object({ auditId: uuid, observation: observationInputSchema }).strict(),
      output: auditDetailSchema,
    },
    /** Corrects an observation (a new entry replaces it) or withdraws it (`observation` null). */
    'audits.reviseObservation': {
      access: ['auditor'],
      input: z
        .object({ observationId: uuid, observation: observationInputSchema.nullable() })
        .strict(),
      output: auditDetailSchema,
    },
    /** The auditor submits the report to the audit officer. */
    'audits.submit': {
      access: ['auditor'],
      input: z.object(versioned).strict(),
      output: auditDetailSchema,
    },
    /**
     * The audit officer accepts a submitted report (the certificate is issued and the
     * audit closed) or returns it to the auditor with remarks; confirmed with the password.
     */
    'audits.review': {
      access: ['registrar'],
      confirmPassword: true,
      input: z
        .object({
          ...versioned,
          decision: z.enum(['accept', 'return'], { message: 'Choose accept or return.' }),
          remarks: typedText().max(4000).nullable(),
          password: enteredPasswordSchema,
        })
        .strict()
        .refine((value) => value.decision === 'accept' || (value.remarks ?? '') !== '', {
          message: 'Say what the auditor must correct; they see these remarks.',
          path: ['remarks'],
        }),
      output: auditDetailSchema,
    },
    /** Follow-up of a defect: the society's reply, or the verdict rectified / not accepted. */
    'audits.followUp': {
      access: ['clerk', 'registrar', 'inspector'],
      input: z
        .object({
          observationId: uuid,
          kind: z.enum(defectActionKinds),
          actedOn: isoDate.refine(isIsoDate, 'Give the date as DD-MM-YYYY.'),
          note: typedText().min(3, 'Write what the society said or what was seen.').max(4000),
        })
        .strict(),
      output: auditDetailSchema,
    },
    /** Defects not rectified after their due date, oldest first, for one office or all. */
    'audits.overdueDefects': {
      access: registerReaders,
      input: z.object({ officeId: uuid.optional() }).strict(),
      output: z.array(overdueDefectRowSchema),
    },
    /** The registrar overrides the fee by rule (null goes back to the rule), with the reason. */
    'audits.setFee': {
      access: ['registrar'],
      input: z
        .object({
          ...versioned,
          feePaise: z.number().int().min(0).max(10_000_000_000).nullable(),
          reason: typedText().max(2000).nullable(),
        })
        .strict()
        .refine((value) => value.feePaise === null || (value.reason ?? '').length >= 3, {
          message: 'Give the reason for the fee set by hand.',
          path: ['reason'],
        }),
      output: auditDetailSchema,
    },
    /** Records the fee paid and gives a numbered receipt. */
    'audits.receiveFee': {
      access: ['clerk', 'registrar'],
      input: z
        .object({
          id: uuid,
          amountPaise: z.number().int().min(1, 'Enter the amount received.').max(10_000_000_000),
          mode: z.enum(['cash', 'challan', 'bank']),
          reference: typedText().max(200).nullable(),
        })
        .strict(),
      output: z.object({ receiptNo: z.string(), audit: auditDetailSchema }),
    },
    /** Accepted audits of the year by grade, per district and per society type. */
    'audits.grades': {
      access: registerReaders,
      input: z.object({ fy: financialYear, officeId: uuid.optional() }).strict(),
      output: z.object({
        byDistrict: z.array(gradeCountsSchema),
        byType: z.array(gradeCountsSchema),
      }),
    },
    /** Every rubric: for which types, from which year, its criteria and cut-offs. */
    'audits.rubrics': {
      access: registerReaders,
      input: empty,
      output: z.array(rubricViewSchema),
    },
    /**
     * The administrator adds a rubric (no `id`) or changes one no submitted audit was
     * graded by; a rubric in use is changed by adding one from a later year.
     */
    'audits.saveRubric': {
      access: ['administrator'],
      input: z
        .object({
          id: uuid.optional(),
          baseVersion: z.number().int().min(1).optional(),
          scope: z.string().max(40),
          fromFy: financialYear,
          rubric: rubricSchema,
        })
        .strict(),
      output: z.array(rubricViewSchema),
    },
    /** Opens a document in the system viewer (desktop) or answers a URL to open (browser mode). */
    'documents.open': {
      access: registerReaders,
      input: z.object({ id: uuid }).strict(),
      output: z.object({ fileName: z.string(), url: z.string().nullable() }),
    },
    /** The certificate register: every certificate issued, newest first, or one society's. */
    'certificates.list': {
      access: registerReaders,
      input: z.object({ societyId: uuid.optional() }).strict(),
      output: z.array(certificateRowSchema),
    },
    /** Checks the text of a certificate's QR code offline: valid, altered, unknown key or revoked. */
    'certificates.verify': {
      access: registerReaders,
      input: z
        .object({ text: z.string().min(1, { message: 'Paste or scan the code.' }).max(4000) })
        .strict(),
      output: verificationSchema,
    },
    /**
     * Makes the certificate's PDF (the same bytes at every reprint) and hands it to the
     * printer's side: the desktop app opens it in the PDF viewer (`url` null); browser mode
     * answers a same-origin `url` for the page to open.
     */
    'certificates.print': {
      access: ['clerk', 'registrar'],
      input: z.object({ serial: z.string().min(1).max(80) }).strict(),
      output: z.object({ fileName: z.string(), url: z.string().nullable() }),
    },
    /** Sync with the state server: online or not, last sync, pending changes, issues. */
    'sync.status': { access: 'session', input: z.object({}).strict(), output: syncStatusSchema },
    /** Runs a sync now (or joins the one running) and answers the status after it. */
    'sync.now': { access: registerReaders, input: z.object({}).strict(), output: syncStatusSchema },
    /**
     * Enrols this computer with the state server using the administrator's one-time code;
     * fails with the server's reason (wrong or used code, server unreachable).
     */
    'sync.enrol': {
      access: ['administrator'],
      input: z
        .object({
          serverUrl: z.string().trim().min(3, 'Enter the state server’s address.').max(200),
          code: z.string().trim().min(4, 'Enter the enrolment code.').max(40),
          label: typedText().min(1, 'Name this computer, e.g. “Aizawl counter 1”.').max(120),
        })
        .strict(),
      output: syncStatusSchema,
    },
    /** Conflicts, rejections and held changes of this office, as last fetched from the server. */
    // Auditors and inspectors too: on a field laptop, the inbox is where they learn that a
    // change of theirs was refused or flagged.
    'sync.issues': {
      access: ['clerk', 'registrar', 'administrator', 'auditor', 'inspector'],
      input: z.object({}).strict(),
      output: z.array(syncIssueRowSchema),
    },
    /**
     * The registrar decides a sync issue: keep this side's values (`mine`, conflicts only) or
     * the state server's (`theirs`). Recorded as a change that syncs like any other.
     */
    'sync.resolve': {
      access: ['registrar'],
      input: z.object({ issueId: uuid, choice: z.enum(['mine', 'theirs']) }).strict(),
      output: syncStatusSchema,
    },
    /**
     * Writes every change waiting to go up into one signed file for the state office to
     * import (an office with no network, or a computer withdrawn from sync). The desktop
     * asks where to save it (`url` null); browser mode answers a URL to download it from.
     */
    'sync.exportPending': {
      access: ['clerk', 'registrar', 'administrator'],
      input: z.object({}).strict(),
      output: z.object({
        fileName: z.string(),
        count: z.number().int(),
        url: z.string().nullable(),
      }),
    },
    /** A duplicate for a lost certificate, marked as such; the registrar confirms with their password. */
    'certificates.issueDuplicate': {
      access: ['registrar'],
      confirmPassword: true,
      input: z
        .object({ serial: z.string().min(1).max(80), password: enteredPasswordSchema })
        .strict(),
      output: certificateRowSchema,
    },
  },
  events: {
    /** A society was added or changed (by this user, another window, or sync). */
    'societies.changed': z.object({ id: uuid }),
    /** An application was received or moved on: lists and the home screen refresh. */
    'applications.changed': z.object({ id: uuid }),
    /** A status order was proposed or decided: approval lists refresh. */
    'statusOrders.changed': z.object({ id: uuid, societyId: uuid }),
    /** Sync ran or its state changed: the status indicator refreshes. */
    'sync.statusChanged': syncStatusSchema,
    /** Sync wrote rows from the state server: every list and record on screen refreshes. */
    'sync.pulled': z.object({ tables: z.array(z.string()) }),
  },
} as const satisfies {
  requests: Record<
    RequestName,
    {
      /** Who may make the request; `dispatch` checks it before the handler (deny by default). */
      access: Access;
      /** Approving, issuing, revoking: `dispatch` checks `input.password` first. */
      confirmPassword?: true;
      input: z.ZodType;
      output: z.ZodType;
    }
  >;
  events: Record<EventName, z.ZodType>;
};

type Requests = (typeof contract)['requests'];
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
export type ParsedInput<N extends RequestName> = z.output<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;
export type EventPayload<N extends EventName> = z.output<(typeof contract)['events'][N]>;

/** Who is calling, as `dispatch` hands it to a handler after checking the request's access. */
export interface Caller {
  sessionId: string;
  /** Null only for `public` and `session` requests made before signing in. */
  user: SessionUser | null;
}

/** What the backend must implement: one function per request. A missing one fails to compile. */
export type Handlers = {
  [N in RequestName]: (
    input: ParsedInput<N>,
    caller: Caller,
  ) => RequestOutput<N> | Promise<RequestOutput<N>>;
};

/** What the renderer sees as `window.app`, whatever the transport. */
export interface AppBridge {
  invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}
