import { z } from 'zod';
import { typedText } from '../societies/society';
import { registerReaders } from '../auth/roles';
import { enteredPasswordSchema } from '../auth/credentials';
import {
  applicationCreateSchema,
  applicationModes,
  applicationStates,
  scrutinyResults,
} from './registration';
import { isIsoDate } from '../domain/dates';
import {
  type EventSpecs,
  type RequestSpecs,
  empty,
  isoDate,
  isoInstant,
  uuid,
  versioned,
} from '../ipc/wire';

export const clockSchema = z.object({
  daysElapsed: z.number().int(),
  daysPaused: z.number().int(),
  /** Negative once the deemed date has passed. */
  daysLeft: z.number().int(),
  paused: z.boolean(),
  dueOn: isoDate,
});

export const applicationRowSchema = z.object({
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

export const applicationDetailSchema = applicationRowSchema.extend({
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

export const nameReservationRowSchema = z.object({
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

export const registrationRequests = {
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
} as const satisfies RequestSpecs<'applications' | 'names'>;

export const registrationEvents = {
  /** An application was received or moved on: lists and the home screen refresh. */
  'applications.changed': z.object({ id: uuid }),
} as const satisfies EventSpecs<'applications' | 'names'>;
