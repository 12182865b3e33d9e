import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { RequestInput, RequestOutput } from '#shared/ipc/contract';
import type { SocietyDetail, SocietyFilter, SocietySortField } from '#shared/societies/contract';
import { appKeys, useBackend, type CacheRefresh } from '../../lib/backend';

/** The register's sort: a column and a direction. */
export interface SocietySort {
  field: SocietySortField;
  direction: 'asc' | 'desc';
}

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const societyKeys = {
  lists: () => ['societies', 'list'] as const,
  list: (filter: SocietyFilter, sort: SocietySort) =>
    ['societies', 'list', 'pages', filter, sort] as const,
  search: (query: string, filter: SocietyFilter) =>
    ['societies', 'list', 'search', query, filter] as const,
  one: (id: string) => ['societies', 'one', id] as const,
  history: (id: string) => ['societies', 'history', id] as const,
};

/** Rows fetched per request while the register scrolls. */
export const REGISTER_PAGE_SIZE = 200;

/** The most matches a search shows; typing more narrows them. */
export const SEARCH_LIMIT = 100;

/** The register, filtered and sorted on the backend, fetched page by page as the list scrolls. */
export function useSocietyPages(filter: SocietyFilter, sort: SocietySort, enabled = true) {
  const backend = useBackend();
  return useInfiniteQuery({
    queryKey: societyKeys.list(filter, sort),
    queryFn: ({ pageParam }) =>
      backend.call('societies.list', {
        filter,
        sort,
        offset: pageParam,
        limit: REGISTER_PAGE_SIZE,
      }),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.rows.length, 0);
      return lastPage.rows.length > 0 && loaded < lastPage.total ? loaded : undefined;
    },
    // A new filter or sort keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Matches for what the clerk typed; the previous matches stay on screen while the next arrive. */
export function useSocietySearch(query: string, filter: SocietyFilter, enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: societyKeys.search(query, filter),
    queryFn: () => backend.call('societies.search', { query, filter, limit: SEARCH_LIMIT }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSociety(id: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: societyKeys.one(id),
    queryFn: () => backend.call('societies.get', { id }),
  });
}

function useStoreSaved() {
  const queryClient = useQueryClient();
  return (saved: SocietyDetail) => {
    queryClient.setQueryData(societyKeys.one(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: societyKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: appKeys.info() });
  };
}

export function useCreateSociety() {
  const backend = useBackend();
  const storeSaved = useStoreSaved();
  return useMutation<RequestOutput<'societies.create'>, Error, RequestInput<'societies.create'>>({
    mutationFn: (input) => backend.call('societies.create', input),
    onSuccess: storeSaved,
  });
}

export function useUpdateSociety() {
  const backend = useBackend();
  const storeSaved = useStoreSaved();
  return useMutation<RequestOutput<'societies.update'>, Error, RequestInput<'societies.update'>>({
    mutationFn: (input) => backend.call('societies.update', input),
    onSuccess: storeSaved,
  });
}

/** Rows of a society's History tab fetched per "Show more". */
export const HISTORY_PAGE_SIZE = 25;

/** A society's record of changes, newest first, a page at a time. */
export function useSocietyHistory(societyId: string) {
  const backend = useBackend();
  return useInfiniteQuery({
    queryKey: societyKeys.history(societyId),
    queryFn: ({ pageParam }) =>
      backend.call('societies.history', {
        societyId,
        offset: pageParam,
        limit: HISTORY_PAGE_SIZE,
      }),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.entries.length, 0);
      return lastPage.entries.length > 0 && loaded < lastPage.total ? loaded : undefined;
    },
  });
}

/** A society changed (here, in another window or by sync), or a status order moved it. */
export const refreshSocieties: CacheRefresh = (backend, queryClient) => {
  const stale = (id: string) => {
    void queryClient.invalidateQueries({ queryKey: societyKeys.one(id) });
    void queryClient.invalidateQueries({ queryKey: societyKeys.history(id) });
  };
  const offSocieties = backend.on('societies.changed', ({ id }) => {
    void queryClient.invalidateQueries({ queryKey: societyKeys.lists() });
    stale(id);
  });
  const offOrders = backend.on('statusOrders.changed', ({ societyId }) => stale(societyId));
  return () => {
    offSocieties();
    offOrders();
  };
};
