import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../../lib/backend';

/** The administrator's filters on the record of changes. */
export interface ChangeFilter {
  userId?: string;
  entity?: string;
  officeId?: string;
  from?: string;
  to?: string;
}

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const changeKeys = {
  all: () => ['changes'] as const,
  list: (filter: ChangeFilter, offset: number) => ['changes', filter, offset] as const,
};

/** Entries per page of the record of changes. */
export const CHANGES_PAGE_SIZE = 50;

export function useChanges(filter: ChangeFilter, offset: number) {
  const backend = useBackend();
  return useQuery({
    queryKey: changeKeys.list(filter, offset),
    queryFn: () => backend.call('changes.list', { ...filter, offset, limit: CHANGES_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}
