import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { applicationCreateSchema, type ApplicationCreate } from '#shared/registration/registration';
import type { ReferenceData, RuleParameter } from '#shared/reference/contract';
import type { SessionUser } from '#shared/auth/contract';
import { dayMonthYearToIso, isoToDayMonthYear } from '../../components/date-text';
import { rupeeTextToPaise } from '../../components/money-text';

/** One promoter as typed: numbers and amounts stay text until the form is checked. */
export interface PromoterValues {
  name: string;
  relationName: string;
  age: string;
  occupation: string;
  address: string;
  shares: string;
  amountPaidPaise: string;
  isChief: boolean;
}

/** The form as the clerk fills it; names match the contract so backend errors land by the field. */
export interface ApplicationFormValues {
  /** The name reservation the promoters made, if any; choosing one fills the name and type. */
  reservationId: string | null;
  proposedName: string;
  proposedNameMizo: string;
  typeId: string | null;
  officeId: string | null;
  districtId: string | null;
  villageId: string | null;
  address: string;
  areaVillageIds: string[];
  receivedOn: string;
  mode: 'counter' | 'post';
  shareCapitalPaise: string;
  bankCertificateRef: string;
  byLaws: 'model' | 'own';
  feeReceiptNo: string;
  promoters: PromoterValues[];
}

export type ApplicationFieldName = Exclude<keyof ApplicationFormValues, 'promoters'>;

/** Top-level fields in screen order: the first with an error gets the focus. */
export const applicationFieldOrder: ApplicationFieldName[] = [
  'reservationId',
  'proposedName',
  'proposedNameMizo',
  'typeId',
  'byLaws',
  'address',
  'districtId',
  'villageId',
  'officeId',
  'areaVillageIds',
  'receivedOn',
  'mode',
  'feeReceiptNo',
  'shareCapitalPaise',
  'bankCertificateRef',
];

export const promoterFields = [
  'name',
  'relationName',
  'age',
  'occupation',
  'address',
  'shares',
  'amountPaidPaise',
] as const;
export type PromoterFieldName = (typeof promoterFields)[number];

export function emptyPromoter(isChief = false): PromoterValues {
  return {
    name: '',
    relationName: '',
    age: '',
    occupation: '',
    address: '',
    shares: '',
    amountPaidPaise: '',
    isChief,
  };
}

/** A new application: today's date, at the counter, the user's office and (if only one) its district. */
export function emptyApplicationValues(
  user: SessionUser,
  reference: ReferenceData | undefined,
  today: string,
): ApplicationFormValues {
  const office = reference?.offices.find((candidate) => candidate.id === user.officeId);
  const districtId = office && office.districtIds.length === 1 ? office.districtIds[0]! : null;
  return {
    reservationId: null,
    proposedName: '',
    proposedNameMizo: '',
    typeId: null,
    officeId: user.officeId,
    districtId,
    villageId: null,
    address: '',
    areaVillageIds: [],
    receivedOn: isoToDayMonthYear(today),
    mode: 'counter',
    shareCapitalPaise: '',
    bankCertificateRef: '',
    byLaws: 'model',
    feeReceiptNo: '',
    promoters: [emptyPromoter(true)],
  };
}

/**
 * The minimum number of promoters for a type on a date: the rule parameter for the type's
 * code in force on that date, else the general one, else the type's own figure.
 */
export function minPromotersFor(
  rules: readonly RuleParameter[] | undefined,
  typeCode: string | undefined,
  onDate: string,
  fallback: number | undefined,
): number | undefined {
  if (!typeCode) return undefined;
  const inForce = (scope: string) =>
    (rules ?? [])
      .filter(
        (rule) =>
          rule.key === 'registration.min_promoters' &&
          rule.scope === scope &&
          rule.effectiveFrom <= onDate,
      )
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  const rule = inForce(typeCode) ?? inForce('');
  const value = rule ? Number(rule.value) : NaN;
  return Number.isInteger(value) ? value : fallback;
}

const wholeNumber = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
};

/** Form text → the shared schema's input; amounts that are not amounts are listed apart. */
export function toApplicationInput(values: ApplicationFormValues): {
  input: unknown;
  badAmounts: string[];
} {
  const badAmounts: string[] = [];
  const amount = (text: string, path: string) => {
    const paise = rupeeTextToPaise(text);
    if (paise === undefined) {
      badAmounts.push(path);
      return null;
    }
    return paise;
  };
  return {
    input: {
      reservationId: values.reservationId,
      proposedName: values.proposedName,
      proposedNameMizo: values.proposedNameMizo,
      typeId: values.typeId ?? undefined,
      officeId: values.officeId ?? undefined,
      districtId: values.districtId ?? undefined,
      villageId: values.villageId,
      address: values.address,
      areaVillageIds: values.areaVillageIds,
      receivedOn: dayMonthYearToIso(values.receivedOn),
      mode: values.mode,
      shareCapitalPaise: amount(values.shareCapitalPaise, 'shareCapitalPaise'),
      bankCertificateRef: values.bankCertificateRef,
      byLaws: values.byLaws,
      feeReceiptNo: values.feeReceiptNo,
      promoters: values.promoters.map((promoter, index) => ({
        name: promoter.name,
        relationName: promoter.relationName,
        age: wholeNumber(promoter.age),
        occupation: promoter.occupation,
        address: promoter.address,
        shares: wholeNumber(promoter.shares),
        amountPaidPaise: amount(promoter.amountPaidPaise, `promoters.${index}.amountPaidPaise`),
        isChief: promoter.isChief,
      })),
    },
    badAmounts,
  };
}

/** Checks with the backend's own schema; amounts that are not amounts are named too. */
export function createApplicationResolver(
  invalidAmount: string,
): Resolver<ApplicationFormValues, unknown, ApplicationCreate> {
  const schemaResolver = zodResolver(applicationCreateSchema);
  return async (values, context, options) => {
    const { input, badAmounts } = toApplicationInput(values);
    const result = await schemaResolver(
      input as never,
      context,
      options as unknown as Parameters<typeof schemaResolver>[2],
    );
    const errors = { ...(result.errors as Record<string, unknown>) };
    for (const path of badAmounts) {
      const [head, index, field] = path.split('.');
      if (head === 'promoters' && index !== undefined && field) {
        const list =
          (errors['promoters'] as Record<string, Record<string, unknown>> | undefined) ?? {};
        const row = { ...(list[index] ?? {}) };
        row[field] = { type: 'rule', message: invalidAmount };
        errors['promoters'] = Object.assign(Array.isArray(list) ? [...list] : { ...list }, {
          [index]: row,
        });
      } else if (head && !errors[head]) {
        errors[head] = { type: 'rule', message: invalidAmount };
      }
    }
    if (Object.keys(errors).length > 0) {
      return { values: {}, errors: errors as FieldErrors<ApplicationFormValues> };
    }
    return { values: result.values as ApplicationCreate, errors: {} };
  };
}
