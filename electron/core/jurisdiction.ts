import { AppError } from '#shared/errors';
import type { ReferenceService } from './reference/reference-service';

/** The state office (RCS) acts for every office; a district office for its own. */
export function isStateOffice(reference: ReferenceService, officeId: string): boolean {
  return reference
    .get()
    .offices.some((office) => office.id === officeId && office.level === 'state');
}

/**
 * Refuses an officer acting on another office's record: `what` completes "Only ARCS
 * Aizawl can … this society/application".
 */
export function assertJurisdiction(
  reference: ReferenceService,
  user: { officeId: string },
  officeId: string,
  what: string,
): void {
  if (user.officeId === officeId || isStateOffice(reference, user.officeId)) return;
  const office = reference.get().offices.find((candidate) => candidate.id === officeId);
  throw new AppError('forbidden', `Only ${office?.shortName ?? 'its own office'} can ${what}.`);
}
