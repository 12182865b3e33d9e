import type { ScrutinyResult } from './registration';

/** One checklist item with what the scrutiny found for it (null: not yet looked at). */
export interface CheckedItem {
  code: string;
  label: string;
  result: ScrutinyResult | null;
}

/**
 * Why a decision cannot be made on this checklist yet: items nobody has looked at, or (for
 * an approval) items found wanting. Null when the decision may be made.
 */
export type DecisionBar = { reason: 'unchecked' | 'wanting'; items: CheckedItem[] } | null;

/**
 * The scrutiny gate of a decision, the same for an application and for any later request the
 * Registrar scrutinises against a checklist (an amendment of bye-laws):
 * - approval only once every item of the checklist is recorded as in order;
 * - refusal only on a scrutiny that was done: either an item was found wanting (the refusal
 *   may cite it), or every item was looked at (a refusal on the merits).
 * An empty record is not "nothing wanting": an unchecked item bars both.
 */
export function decisionBar(
  decision: 'approve' | 'refuse',
  checklist: readonly CheckedItem[],
): DecisionBar {
  const unchecked = checklist.filter((item) => item.result === null);
  const wanting = checklist.filter((item) => item.result === 'wanting');
  if (decision === 'refuse') {
    if (wanting.length > 0 || unchecked.length === 0) return null;
    return { reason: 'unchecked', items: unchecked };
  }
  // Wanting first: it says what the applicants must bring, the stronger reason.
  if (wanting.length > 0) return { reason: 'wanting', items: wanting };
  if (unchecked.length > 0) return { reason: 'unchecked', items: unchecked };
  return null;
}

/** The short name of an item ("Promoters" of "Promoters: at least the minimum…"). */
export function itemShortName(item: Pick<CheckedItem, 'label'>): string {
  return item.label.split(':')[0] ?? item.label;
}
