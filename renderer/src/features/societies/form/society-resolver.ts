import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { indiaDate } from '#shared/domain/dates';
import { normalizeText } from '#shared/domain/mizo-text';
import {
  dateRuleErrors,
  societyCreateSchema,
  societyFieldsSchema,
  type SocietyCreate,
  type SocietyFields,
} from '#shared/societies/society';
import { toSchemaInput, type SocietyFormMode, type SocietyFormValues } from './form-values';

/** What a valid form hands to the screen that saves it. */
export type SocietyFormOutput =
  | { mode: 'create'; society: SocietyCreate }
  | { mode: 'edit'; fields: SocietyFields; nameChangeReason: string | null };

export interface SocietyResolverOptions {
  mode: SocietyFormMode;
  /** The name the record had when the form opened (edit only). */
  originalName?: string;
  /** Today in India, YYYY-MM-DD; a function so a form left open overnight still knows the date. */
  today?: () => string;
  messages: { invalidAmount: string; nameChangeReasonRequired: string };
}

export function nameChanged(name: string, originalName: string | undefined): boolean {
  return originalName !== undefined && normalizeText(name) !== normalizeText(originalName);
}

/**
 * Validates with the same zod schema the backend parses, plus the rules that need today's
 * date (`dateRuleErrors`), so "date in the future" shows before the form is sent.
 */
export function createSocietyResolver(
  options: SocietyResolverOptions,
): Resolver<SocietyFormValues, unknown, SocietyFormOutput> {
  const schema = options.mode === 'create' ? societyCreateSchema : societyFieldsSchema;
  const schemaResolver = zodResolver(schema);
  const today = options.today ?? (() => indiaDate(new Date()));

  return async (values, context, resolverOptions) => {
    const { input, badAmounts } = toSchemaInput(values, options.mode);
    const result = await schemaResolver(
      input as never,
      context,
      resolverOptions as unknown as Parameters<typeof schemaResolver>[2],
    );

    const extra: Record<string, string> = { ...dateRuleErrors(input, today()) };
    for (const field of badAmounts) extra[field] = options.messages.invalidAmount;
    const reasonNeeded = options.mode === 'edit' && nameChanged(values.name, options.originalName);
    if (reasonNeeded && values.nameChangeReason.trim() === '') {
      extra['nameChangeReason'] = options.messages.nameChangeReasonRequired;
    }

    const errors = { ...(result.errors as Record<string, unknown>) };
    for (const [field, message] of Object.entries(extra)) {
      if (!errors[field]) {
        errors[field] = {
          type: 'rule',
          message,
          ref: resolverOptions.fields[field]?.ref,
        };
      }
    }
    if (Object.keys(errors).length > 0) {
      return { values: {}, errors: errors as FieldErrors<SocietyFormValues> };
    }

    const output: SocietyFormOutput =
      options.mode === 'create'
        ? { mode: 'create', society: result.values as SocietyCreate }
        : {
            mode: 'edit',
            fields: result.values as SocietyFields,
            nameChangeReason: reasonNeeded ? normalizeText(values.nameChangeReason) : null,
          };
    return { values: output, errors: {} };
  };
}
