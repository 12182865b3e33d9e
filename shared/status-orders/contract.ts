import { z } from 'zod';
import { societyStatuses } from '../societies/society';
import { registerReaders } from '../auth/roles';
import { enteredPasswordSchema } from '../auth/credentials';
import {
  statusOrderDecisionNoteSchema,
  statusOrderProposalSchema,
  statusOrderStates,
} from './status-order';
import { type EventSpecs, type RequestSpecs, isoDate, isoInstant, uuid } from '../ipc/wire';

export const statusOrderRowSchema = z.object({
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

export const statusOrderRequests = {
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
} as const satisfies RequestSpecs<'statusOrders'>;

export const statusOrderEvents = {
  /** A status order was proposed or decided: approval lists refresh. */
  'statusOrders.changed': z.object({ id: uuid, societyId: uuid }),
} as const satisfies EventSpecs<'statusOrders'>;
