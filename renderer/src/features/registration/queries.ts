import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApplicationState } from '#shared/registration/registration';
import { useBackend, type CacheRefresh } from '../../lib/backend';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const registrationKeys = {
  applications: () => ['applications'] as const,
  applicationList: (state: ApplicationState | undefined) =>
    ['applications', 'list', state ?? 'all'] as const,
  application: (id: string) => ['applications', 'one', id] as const,
  nameReservations: () => ['names'] as const,
};

/** Applications of the user's office, open ones first by days left. */
export function useApplications(state?: ApplicationState, enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: registrationKeys.applicationList(state),
    queryFn: () => backend.call('applications.list', state ? { state } : {}),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: registrationKeys.application(id),
    queryFn: () => backend.call('applications.get', { id }),
  });
}

/** Name reservations of the user's office (every office for the state office). */
export function useNameReservations() {
  const backend = useBackend();
  return useQuery({
    queryKey: registrationKeys.nameReservations(),
    queryFn: () => backend.call('names.list', {}),
  });
}

/** An application was received or moved on: lists and the home screen refresh. */
export const refreshApplications: CacheRefresh = (backend, queryClient) =>
  backend.on('applications.changed', () => {
    void queryClient.invalidateQueries({ queryKey: registrationKeys.applications() });
  });
