import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReturnFilter } from '#shared/returns/contract';
import { useBackend } from '../../lib/backend';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const returnKeys = {
  all: () => ['returns'] as const,
  register: (filter: ReturnFilter, offset: number) =>
    ['returns', 'register', filter, offset] as const,
  counts: (filter: Omit<ReturnFilter, 'status'>) => ['returns', 'counts', filter] as const,
  one: (societyId: string, fy: string) => ['returns', 'one', societyId, fy] as const,
  counterForm: () => ['returns', 'counter'] as const,
  ofSociety: (societyId: string) => ['returns', 'society', societyId] as const,
  candidates: (officeId: string | undefined) =>
    ['returns', 'candidates', officeId ?? 'all'] as const,
};

/** Rows of the returns register fetched per page. */
export const RETURNS_PAGE_SIZE = 50;

/** One page of the returns register for a year and filter. */
export function useReturnsRegister(filter: ReturnFilter, offset: number) {
  const backend = useBackend();
  return useQuery({
    queryKey: returnKeys.register(filter, offset),
    queryFn: () =>
      backend.call('returns.register', { ...filter, offset, limit: RETURNS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

/** How many returns of the year are due, overdue, filed, incomplete and accepted. */
export function useReturnCounts(filter: Omit<ReturnFilter, 'status'>) {
  const backend = useBackend();
  return useQuery({
    queryKey: returnKeys.counts(filter),
    queryFn: () => backend.call('returns.counts', filter),
    placeholderData: keepPreviousData,
  });
}

/** One society's return for one year. */
export function useReturn(societyId: string, fy: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: returnKeys.one(societyId, fy),
    queryFn: () => backend.call('returns.get', { societyId, fy }),
  });
}

/** A society's returns of the last ten years. */
export function useSocietyReturns(societyId: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: returnKeys.ofSociety(societyId),
    queryFn: () => backend.call('returns.ofSociety', { societyId }),
  });
}

/** The return the counter session reaches. */
export function useCounterForm() {
  const backend = useBackend();
  return useQuery({
    queryKey: returnKeys.counterForm(),
    queryFn: () => backend.call('returns.counterForm', {}),
  });
}

/** Societies with no return for two years: candidates for non-functional status. */
export function useNonFunctionalCandidates(officeId: string | undefined) {
  const backend = useBackend();
  return useQuery({
    queryKey: returnKeys.candidates(officeId),
    queryFn: () => backend.call('returns.nonFunctionalCandidates', officeId ? { officeId } : {}),
  });
}
