import { z } from 'zod';
import type { Access } from '../auth/roles';
import { isFinancialYear } from '../returns/returns';

/**
 * The building blocks every domain's contract module uses (`shared/<domain>/contract.ts`):
 * the shape of a request's entry, and the wire values all of them share. Wire values are
 * JSON-safe: ISO dates, string ids, integer paise.
 */

/** One request of the contract: who may make it, what it takes and what it answers. */
export interface RequestSpec {
  /** Who may make the request; `dispatch` checks it before the handler (deny by default). */
  access: Access;
  /** Approving, issuing, revoking: `dispatch` checks `input.password` first. */
  confirmPassword?: true;
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * A domain's requests, each named `<prefix>.<verb>` (architecture.md §2): a request named
 * outside the domain's prefixes fails to compile.
 */
export type RequestSpecs<Prefix extends string> = Record<`${Prefix}.${string}`, RequestSpec>;

/** A domain's events, each named `<prefix>.<pastTenseFact>`, with its payload's schema. */
export type EventSpecs<Prefix extends string> = Record<`${Prefix}.${string}`, z.ZodType>;

export const uuid = z.string().uuid();
export const isoDate = z.string();
export const isoInstant = z.string();

export const financialYear = z
  .string()
  .refine(isFinancialYear, { message: 'Choose a financial year such as 2025-26.' });

/** What a request that prints or saves a file answers: the desktop opens it (`url` null). */
export const printedFileSchema = z.object({ fileName: z.string(), url: z.string().nullable() });

/** The record and the version the user saw: a change made meanwhile is refused, not lost. */
export const versioned = { id: uuid, baseVersion: z.number().int().min(1) };

export const empty = z.object({}).strict();
