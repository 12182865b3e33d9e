import { useQueries, useQuery } from '@tanstack/react-query';
import type { ApplicationRow } from '#shared/registration/contract';
import { applicationTransitions, type ApplicationState } from '#shared/registration/registration';
import type { StatusOrderState } from '#shared/status-orders/status-order';
import { useBackend, type CacheRefresh } from '../../lib/backend';
import { registrationKeys } from '../registration';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const statusOrderKeys = {
  all: () => ['status-orders'] as const,
  list: (filter: { state?: StatusOrderState; societyId?: string }) =>
    ['status-orders', filter] as const,
};

export function useStatusOrders(
  filter: { state?: StatusOrderState; societyId?: string },
  enabled = true,
) {
  const backend = useBackend();
  return useQuery({
    queryKey: statusOrderKeys.list(filter),
    queryFn: () => backend.call('statusOrders.list', filter),
    enabled,
  });
}

/**
 * The states in which the office owes the applicants a decision against the statutory
 * clock: those from which deemed registration can follow (received, and under scrutiny,
 * also after a reply to a deficiency letter). A deficient application waits for the
 * applicants, its clock stopped, so it is not on the registrar's desk.
 */
const awaitingDecision: readonly ApplicationState[] = applicationTransitions.recordDeemed.from;

/**
 * Applications of the user's jurisdiction waiting for a decision, fewest days left first.
 * One state-filtered `applications.list` per state, under the register's own cache keys, so
 * a change to any application refreshes them and the register shares the answers.
 */
export function useApplicationsAwaitingDecision(enabled = true) {
  const backend = useBackend();
  return useQueries({
    queries: awaitingDecision.map((state) => ({
      queryKey: registrationKeys.applicationList(state),
      queryFn: () => backend.call('applications.list', { state }),
      enabled,
    })),
    combine: (results) => {
      const failed = results.filter((result) => result.isError);
      const rows: ApplicationRow[] = results
        .flatMap((result) => result.data ?? [])
        .sort((a, b) => (a.clock?.daysLeft ?? 0) - (b.clock?.daysLeft ?? 0));
      return {
        data: results.every((result) => result.isSuccess) ? rows : undefined,
        isPending: results.some((result) => result.isPending),
        error: failed[0]?.error ?? null,
        refetch: () => Promise.all(failed.map((result) => result.refetch())),
      };
    },
  });
}

/** A status order was proposed or decided: approval lists refresh. */
export const refreshStatusOrders: CacheRefresh = (backend, queryClient) =>
  backend.on('statusOrders.changed', () => {
    void queryClient.invalidateQueries({ queryKey: statusOrderKeys.all() });
  });
