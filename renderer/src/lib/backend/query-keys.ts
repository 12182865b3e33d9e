import type { SocietyFilter, SocietySortField } from '../../../../shared/ipc/contract';

export interface SocietySort {
  field: SocietySortField;
  direction: 'asc' | 'desc';
}

/** One place for cache keys, so invalidation after a save reaches every list and page. */
export const queryKeys = {
  appInfo: () => ['app', 'info'] as const,
  reference: () => ['reference', 'data'] as const,
  ruleParameters: () => ['reference', 'rule-parameters'] as const,
  societyLists: () => ['societies', 'list'] as const,
  societyList: (filter: SocietyFilter, sort: SocietySort) =>
    ['societies', 'list', 'pages', filter, sort] as const,
  societySearch: (query: string, filter: SocietyFilter) =>
    ['societies', 'list', 'search', query, filter] as const,
  society: (id: string) => ['societies', 'one', id] as const,
};
