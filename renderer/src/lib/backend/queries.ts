import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  RequestInput,
  RequestOutput,
  SocietyDetail,
  SocietyFilter,
} from '../../../../shared/ipc/contract';
import { useBackend } from './BackendProvider';
import { queryKeys, type SocietySort } from './query-keys';

/** Rows fetched per request while the register scrolls. */
export const REGISTER_PAGE_SIZE = 200;
/** The most matches a search shows; typing more narrows them. */
export const SEARCH_LIMIT = 100;

export function useAppInfo() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.appInfo(),
    queryFn: () => backend.call('app.info', {}),
  });
}

/** Districts, villages, offices, sectors and types. Changes only through the administrator. */
export function useReferenceData() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.reference(),
    queryFn: () => backend.call('reference.get', {}),
    staleTime: Infinity,
  });
}

export function useRuleParameters() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.ruleParameters(),
    queryFn: () => backend.call('reference.ruleParameters', {}),
    staleTime: Infinity,
  });
}

/** The register, filtered and sorted on the backend, fetched page by page as the list scrolls. */
export function useSocietyPages(filter: SocietyFilter, sort: SocietySort, enabled = true) {
  const backend = useBackend();
  return useInfiniteQuery({
    queryKey: queryKeys.societyList(filter, sort),
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
    queryKey: queryKeys.societySearch(query, filter),
    queryFn: () => backend.call('societies.search', { query, filter, limit: SEARCH_LIMIT }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSociety(id: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.society(id),
    queryFn: () => backend.call('societies.get', { id }),
  });
}

function useStoreSaved() {
  const queryClient = useQueryClient();
  return (saved: SocietyDetail) => {
    queryClient.setQueryData(queryKeys.society(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.societyLists() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo() });
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
