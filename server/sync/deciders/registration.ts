/**
 * Deciders of registration: applications with their promoters and deficiency letters, and
 * name reservations. The common steps decide them; an application whose society was found
 * to be one already registered is relinked to it while its rows are planned.
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const registrationDeciders = {
  registration_application: recordDecider(),
  application_promoter: recordDecider(),
  deficiency_letter: recordDecider(),
  name_reservation: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
