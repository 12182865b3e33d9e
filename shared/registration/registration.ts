import { z } from 'zod';
import { addDays, daysBetween, isIsoDate } from '../domain/dates';
import { foldForSearch } from '../domain/mizo-text';
import { optionalText, paise, text } from '../societies/society';

/**
 * An application to register a new society (domain.md §4 "Registration"), from the
 * counter to the registrar's decision. The statutory clock runs from receipt and stops
 * while the applicants owe a reply to a deficiency letter.
 */
export const applicationStates = [
  'received',
  'under_scrutiny',
  'deficient',
  'approved',
  'refused',
  'deemed',
  'withdrawn',
] as const;
export type ApplicationState = (typeof applicationStates)[number];

/** The named steps between states; anything else is refused with the reason. */
export const applicationTransitions = {
  startScrutiny: { from: ['received'], to: 'under_scrutiny' },
  issueDeficiency: { from: ['received', 'under_scrutiny'], to: 'deficient' },
  recordReply: { from: ['deficient'], to: 'under_scrutiny' },
  /** A decision follows the scrutiny (its checklist gate is `decisionBar`). */
  approve: { from: ['under_scrutiny'], to: 'approved' },
  refuse: { from: ['under_scrutiny', 'deficient'], to: 'refused' },
  /** The registrar did not decide in time: the society is registered by law. */
  recordDeemed: { from: ['received', 'under_scrutiny'], to: 'deemed' },
  withdraw: { from: ['received', 'under_scrutiny', 'deficient'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly ApplicationState[]; to: ApplicationState }>;
export type ApplicationStep = keyof typeof applicationTransitions;

/** Decisions that end an application; nothing follows them. */
export const finalApplicationStates: readonly ApplicationState[] = [
  'approved',
  'refused',
  'deemed',
  'withdrawn',
];

export function canTake(step: ApplicationStep, state: ApplicationState): boolean {
  return (applicationTransitions[step].from as readonly ApplicationState[]).includes(state);
}

/** The state in a clerk's words, to finish "The application is …". */
export const applicationStateWords: Record<ApplicationState, string> = {
  received: 'received',
  under_scrutiny: 'under scrutiny',
  deficient: 'waiting for the applicants’ reply to a deficiency letter',
  approved: 'approved',
  refused: 'refused',
  deemed: 'registered by deemed registration',
  withdrawn: 'withdrawn',
};

const stepWords: Record<ApplicationStep, string> = {
  startScrutiny: 'start scrutiny',
  issueDeficiency: 'send a deficiency letter',
  recordReply: 'record the reply',
  approve: 'approve it',
  refuse: 'refuse it',
  recordDeemed: 'record deemed registration',
  withdraw: 'record its withdrawal',
};

/** Why a step cannot be taken now, in a clerk's words; null when it can. */
export function stepRefusal(step: ApplicationStep, state: ApplicationState): string | null {
  return canTake(step, state)
    ? null
    : `The application is ${applicationStateWords[state]}, so you cannot ${stepWords[step]}.`;
}

/** One pause of the clock: from the deficiency letter to the reply (null while waiting). */
export interface ClockPause {
  from: string;
  to: string | null;
}

/**
 * The statutory clock: days counted from receipt, less the days spent waiting for the
 * applicants' replies, against the period after which registration is deemed. A pause
 * covers the letter's day up to the day before the reply.
 */
export function statutoryClock(
  receivedOn: string,
  pauses: readonly ClockPause[],
  today: string,
  deemedAfterDays: number,
): { daysElapsed: number; daysPaused: number; daysLeft: number; paused: boolean; dueOn: string } {
  const elapsedTotal = Math.max(0, daysBetween(receivedOn, today));
  let daysPaused = 0;
  for (const pause of pauses) {
    daysPaused += Math.max(0, daysBetween(pause.from, pause.to ?? today));
  }
  const daysElapsed = elapsedTotal - daysPaused;
  const paused = pauses.some((pause) => pause.to === null);
  return {
    daysElapsed,
    daysPaused,
    daysLeft: deemedAfterDays - daysElapsed,
    paused,
    dueOn: addDays(receivedOn, deemedAfterDays + daysPaused),
  };
}

const date = (label: string) =>
  z
    .string({ message: `Enter the ${label}.` })
    .refine(isIsoDate, { message: `Enter the ${label} as DD-MM-YYYY.` });

export const promoterSchema = z.object({
  name: text('promoter’s name', { max: 120 }),
  relationName: text('father’s or spouse’s name', { max: 120 }),
  age: z
    .number({ message: 'Enter the age in years.' })
    .int({ message: 'Enter the age in whole years.' })
    .min(18, { message: 'A promoter must be at least 18 years old.' })
    .max(120, { message: 'Check the age.' }),
  occupation: text('occupation', { max: 80 }),
  address: text('address', { max: 300 }),
  shares: z
    .number({ message: 'Enter the number of shares.' })
    .int({ message: 'Enter whole shares.' })
    .min(1, { message: 'Each promoter takes at least one share.' }),
  amountPaidPaise: paise('amount paid').refine((value) => value !== null, {
    message: 'Enter the amount paid.',
  }),
  isChief: z.boolean(),
});
export type Promoter = z.output<typeof promoterSchema>;

export const applicationModes = ['counter', 'post'] as const;

/** What the clerk records at the counter when an application is received. */
export const applicationCreateSchema = z.object({
  proposedName: text('proposed name', { min: 3, max: 200 }),
  proposedNameMizo: optionalText('Mizo name'),
  typeId: z
    .string({ message: 'Choose the type of society.' })
    .uuid({ message: 'Choose the type of society.' }),
  officeId: z.string({ message: 'Choose the office.' }).uuid({ message: 'Choose the office.' }),
  districtId: z
    .string({ message: 'Choose the district.' })
    .uuid({ message: 'Choose the district.' }),
  villageId: z.string().uuid({ message: 'Choose the village from the list.' }).nullable(),
  address: text('registered address', { max: 300 }),
  areaVillageIds: z
    .array(z.string().uuid({ message: 'Choose villages from the list.' }))
    .min(1, { message: 'List at least one village in the area of operation.' })
    .max(500, { message: 'At most 500 villages can be listed in the area of operation.' }),
  receivedOn: date('date received'),
  mode: z.enum(applicationModes, { message: 'Choose how the application came.' }),
  promoters: z.array(promoterSchema).max(500, { message: 'At most 500 promoters.' }),
  shareCapitalPaise: paise('share capital collected').refine((value) => value !== null, {
    message: 'Enter the share capital collected.',
  }),
  bankCertificateRef: optionalText('bank certificate', 120),
  byLaws: z.enum(['model', 'own'], { message: 'Choose the bye-laws.' }),
  feeReceiptNo: optionalText('fee receipt number', 60),
  /** The name reservation the promoters made, if any: it is used up by this application. */
  reservationId: z.string().uuid({ message: 'Choose the reservation from the list.' }).nullish(),
});
export type ApplicationCreate = z.output<typeof applicationCreateSchema>;

/** One item of the scrutiny checklist; a deficiency letter lists the ones found wanting. */
export interface ScrutinyItem {
  code: string;
  label: string;
}

/**
 * The items every application is scrutinised for. Each society type adds its own items in
 * the reference data (a housing society's land papers, a credit society's financing bank).
 */
export const commonScrutinyItems: readonly ScrutinyItem[] = [
  {
    code: 'promoters',
    label: 'Promoters: at least the minimum, from different families, each with a share',
  },
  { code: 'bye_laws', label: 'Bye-laws: the model bye-laws of the type, or own bye-laws complete' },
  { code: 'share_capital', label: 'Share capital collected and the bank certificate' },
  { code: 'fee', label: 'Registration fee paid, with the receipt' },
  { code: 'name', label: 'Name: not the same as or close to a registered or reserved name' },
  { code: 'area', label: 'Area of operation within the office’s jurisdiction' },
  { code: 'viability', label: 'Viability note: the society can work as proposed' },
];

/** The checklist of a society type: the common items, then the type's own. */
export function scrutinyChecklist(typeItems: readonly ScrutinyItem[]): ScrutinyItem[] {
  const common = new Set(commonScrutinyItems.map((item) => item.code));
  return [...commonScrutinyItems, ...typeItems.filter((item) => !common.has(item.code))];
}

/** What the scrutiny found for one item; an item not yet looked at has no result. */
export const scrutinyResults = ['in_order', 'wanting'] as const;
export type ScrutinyResult = (typeof scrutinyResults)[number];

/** Words every society name has; they do not tell one name from another. */
const GENERIC_NAME_WORDS = new Set([
  'cooperative',
  'co',
  'operative',
  'society',
  'societies',
  'ltd',
  'limited',
  'the',
  'of',
]);

/**
 * A society name reduced to what tells it apart: folded (case, ṭ/t, legacy \\) and
 * without the generic words. "Ṭhutmun Fishery Co-operative Society Ltd." → "thutmun fishery".
 */
export function distinctiveName(name: string): string {
  return foldForSearch(name.replaceAll('-', ' '))
    .split(' ')
    .filter((word) => word.length > 0 && !GENERIC_NAME_WORDS.has(word))
    .join(' ');
}

/** A name reservation is held for the promoters, used by their application, or lapsed. */
export function reservationStatus(
  reservation: { applicationId: string | null; expiresOn: string },
  today: string,
): 'used' | 'held' | 'expired' {
  if (reservation.applicationId) return 'used';
  return reservation.expiresOn >= today ? 'held' : 'expired';
}
