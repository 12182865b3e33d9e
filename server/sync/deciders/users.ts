/**
 * Deciders of user accounts and their passwords. The common steps decide them; a user's
 * own password change is checked, by the mutation's name, to be their own.
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const userDeciders = {
  user: recordDecider(),
  user_password: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
