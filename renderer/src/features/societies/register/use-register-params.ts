import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SocietyFilter } from '#shared/societies/contract';
import { readRegisterParams, writeRegisterParams, type RegisterParams } from './register-params';
import { type SocietySort } from '../queries';

export function useRegisterParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readRegisterParams(search), [search]);

  const update = useCallback(
    (change: (current: RegisterParams) => RegisterParams) => {
      setSearch((current) => writeRegisterParams(change(readRegisterParams(current))), {
        replace: true,
      });
    },
    [setSearch],
  );

  return {
    params,
    setQuery: useCallback(
      (query: string) => update((current) => ({ ...current, query })),
      [update],
    ),
    setFilter: useCallback(
      <K extends keyof SocietyFilter>(key: K, value: SocietyFilter[K] | undefined) =>
        update((current) => {
          const filter = { ...current.filter };
          if (value === undefined) delete filter[key];
          else filter[key] = value;
          return { ...current, filter };
        }),
      [update],
    ),
    setSort: useCallback(
      (sort: SocietySort) => update((current) => ({ ...current, sort })),
      [update],
    ),
    clearAll: useCallback(
      () => update((current) => ({ ...current, query: '', filter: {} })),
      [update],
    ),
  };
}
