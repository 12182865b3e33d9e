import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { optionalText, text, type SocietyStatus } from '../societies/society';

/**
 * Status orders (domain.md §4): a clerk proposes a change of a society's status with the
 * reason and the order reference; a registrar of the society's office approves or rejects
 * it. The person who proposed can never decide (maker ≠ checker).
 */
export const statusOrderStates = ['proposed', 'approved', 'rejected'] as const;
export type StatusOrderState = (typeof statusOrderStates)[number];

/**
 * Where an order may take a society from each status. "Registered" is only ever the first
 * status; deregistration and merger are final (a reopening is a court or appellate matter,
 * entered as a correction by the administrator, not a status order).
 */
export const statusTransitions: Record<SocietyStatus, readonly SocietyStatus[]> = {
  registered: ['functional', 'non_functional', 'under_liquidation'],
  functional: ['non_functional', 'under_liquidation', 'merged'],
  non_functional: ['functional', 'under_liquidation', 'merged'],
  under_liquidation: ['functional', 'deregistered'],
  deregistered: [],
  merged: [],
};

export function canOrderStatus(from: SocietyStatus, to: SocietyStatus): boolean {
  return statusTransitions[from].includes(to);
}

const orderDate = z
  .string({ message: 'Enter the date the order takes effect.' })
  .refine(isIsoDate, { message: 'Enter the date as DD-MM-YYYY.' });

export const statusOrderProposalSchema = z.object({
  societyId: z.string().uuid({ message: 'Choose the society.' }),
  toStatus: z.enum(
    ['functional', 'non_functional', 'under_liquidation', 'deregistered', 'merged'] as const,
    { message: 'Choose the new status.' },
  ),
  effectiveOn: orderDate,
  orderRef: text('order reference', { max: 120 }),
  reason: text('reason for the change', { max: 2000 }),
});
export type StatusOrderProposal = z.output<typeof statusOrderProposalSchema>;

export const statusOrderDecisionNoteSchema = optionalText('remarks', 2000);
