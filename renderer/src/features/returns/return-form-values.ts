import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { formatRupees, parseRupees } from '#shared/domain/money';
import {
  returnFilingSchema,
  snapshotAmountFields,
  snapshotCountFields,
  type ReturnFiling,
  type ReturnSnapshot,
} from '#shared/returns/returns';
import type { ReturnDetail } from '#shared/returns/contract';
import { dayMonthYearToIso, isoToDayMonthYear } from '../../components/date-text';

/** Counts of people: typed as text, checked as whole numbers. */
export const countFields = snapshotCountFields;

/** Amounts in rupees (the profit or loss has its own field and a profit/loss choice). */
export const amountFields = snapshotAmountFields.filter(
  (field): field is Exclude<(typeof snapshotAmountFields)[number], 'profitLossPaise'> =>
    field !== 'profitLossPaise',
);

type CountField = (typeof countFields)[number];
type AmountField = (typeof amountFields)[number];

/** The form as the secretary fills it; names follow the contract so errors land by the field. */
export interface ReturnFormValues {
  items: {
    activitiesReport: string;
    auditedAccounts: boolean;
    surplusPlan: string;
    byLawAmendments: string;
    agmOn: string;
    electionsHeld: boolean;
    electionsOn: string;
  };
  snapshot: Record<CountField | AmountField | 'profitLossPaise', string>;
  profitOrLoss: 'profit' | 'loss';
  declarantName: string;
  declarantDesignation: string;
}

/** A blank return, or the one sent back, to correct. */
export function returnFormValues(detail: ReturnDetail | undefined): ReturnFormValues {
  const filed = detail?.filed;
  const snapshot = Object.fromEntries(
    [...countFields, ...amountFields, 'profitLossPaise' as const].map((field) => {
      const value = filed?.snapshot[field];
      if (value === undefined) return [field, ''];
      if ((countFields as readonly string[]).includes(field)) return [field, String(value)];
      return [field, formatRupees(Math.abs(value))];
    }),
  ) as ReturnFormValues['snapshot'];
  return {
    items: {
      activitiesReport: filed?.items.activitiesReport ?? '',
      auditedAccounts: filed?.items.auditedAccounts ?? false,
      surplusPlan: filed?.items.surplusPlan ?? '',
      byLawAmendments: filed?.items.byLawAmendments ?? '',
      agmOn: isoToDayMonthYear(filed?.items.agmOn),
      electionsHeld: filed?.items.electionsHeld ?? false,
      electionsOn: isoToDayMonthYear(filed?.items.electionsOn),
    },
    snapshot,
    profitOrLoss: (filed?.snapshot.profitLossPaise ?? 0) < 0 ? 'loss' : 'profit',
    declarantName: '',
    declarantDesignation: filed?.declarantDesignation ?? 'Secretary',
  };
}

/** A count as typed: a whole number, or NaN so the schema says so; undefined when empty. */
export function countOf(text: string): number | undefined {
  const trimmed = text.trim().replaceAll(',', '');
  if (trimmed === '') return undefined;
  return /^\d+$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Form text → the shared schema's input, with the fields that are not numbers named apart. */
export function toFilingInput(values: ReturnFormValues): {
  input: unknown;
  badNumbers: { path: string; kind: 'count' | 'amount' }[];
} {
  const badNumbers: { path: string; kind: 'count' | 'amount' }[] = [];
  const snapshot: Partial<Record<keyof ReturnSnapshot, number | undefined>> = {};
  for (const field of countFields) {
    const value = countOf(values.snapshot[field]);
    if (Number.isNaN(value)) badNumbers.push({ path: `snapshot.${field}`, kind: 'count' });
    snapshot[field] = Number.isNaN(value) ? undefined : value;
  }
  for (const field of [...amountFields, 'profitLossPaise' as const]) {
    const text = values.snapshot[field];
    // A minus typed before an amount reaches the schema, which says what may not be negative.
    const negative = /^\s*-/u.test(text);
    const unsigned = parseRupees(text.replace(/^\s*-/u, ''));
    const paise =
      text.trim() === ''
        ? undefined
        : unsigned === undefined
          ? undefined
          : negative
            ? -unsigned
            : unsigned;
    if (text.trim() !== '' && paise === undefined)
      badNumbers.push({ path: `snapshot.${field}`, kind: 'amount' });
    snapshot[field] =
      field === 'profitLossPaise' && paise !== undefined && values.profitOrLoss === 'loss'
        ? -paise
        : paise;
  }
  const optional = (text: string) => (text.trim() === '' ? null : text);
  return {
    input: {
      items: {
        activitiesReport: values.items.activitiesReport,
        auditedAccounts: values.items.auditedAccounts,
        surplusPlan: optional(values.items.surplusPlan),
        byLawAmendments: optional(values.items.byLawAmendments),
        agmOn: optional(dayMonthYearToIso(values.items.agmOn)),
        electionsHeld: values.items.electionsHeld,
        electionsOn: values.items.electionsHeld
          ? optional(dayMonthYearToIso(values.items.electionsOn))
          : null,
      },
      snapshot,
      declarantName: values.declarantName,
      declarantDesignation: values.declarantDesignation,
    },
    badNumbers,
  };
}

/** Checks with the backend's own schema; numbers that are not numbers are named too. */
export function createReturnResolver(messages: {
  wholeNumber: string;
  invalidAmount: string;
}): Resolver<ReturnFormValues, unknown, ReturnFiling> {
  const schemaResolver = zodResolver(returnFilingSchema);
  return async (values, context, options) => {
    const { input, badNumbers } = toFilingInput(values);
    const result = await schemaResolver(
      input as never,
      context,
      options as unknown as Parameters<typeof schemaResolver>[2],
    );
    const errors = { ...(result.errors as Record<string, Record<string, unknown>>) };
    for (const { path, kind } of badNumbers) {
      const field = path.split('.')[1]!;
      errors['snapshot'] = {
        ...(errors['snapshot'] ?? {}),
        [field]: {
          type: 'rule',
          message: kind === 'count' ? messages.wholeNumber : messages.invalidAmount,
        },
      };
    }
    if (Object.keys(errors).length > 0) {
      return { values: {}, errors: errors as FieldErrors<ReturnFormValues> };
    }
    return { values: result.values as ReturnFiling, errors: {} };
  };
}
