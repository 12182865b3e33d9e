import {
  Button,
  CloseButton,
  EmptyState,
  Group,
  Kbd,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { SocietyRow } from '#shared/societies/contract';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { PlusIcon, SearchIcon } from '../../../components/icons';
import { formatCount } from '../../../i18n';
import { paths, type FromRegisterState } from '../../../lib/paths';
import { RegisterFilters } from './RegisterFilters';
import { hasFilters } from './register-params';
import { SocietyTable } from './SocietyTable';
import { useRegisterParams } from './use-register-params';
import { useCan } from '../../../lib/session';
import { SEARCH_LIMIT, useSocietyPages, useSocietySearch } from '../queries';
import { useReferenceData } from '../../reference';
import { useScreenShortcuts } from '../../../lib/screen-shortcuts';

const NO_ROWS: SocietyRow[] = [];
const SEARCH_DEBOUNCE_MS = 150;
/** Rows a PageUp/PageDown moves by. */
const PAGE_ROWS = 10;
/** Start fetching the next page this many rows before the loaded ones run out. */
const PREFETCH_ROWS = 60;
const TABLE_ID = 'society-register';

/**
 * The home screen: search as you type, filters, and the whole register as one fast list.
 * `top` is a reminder shown above the search (applications due soon).
 */
export function SocietyRegister({ top }: { top?: ReactNode } = {}) {
  const { t } = useTranslation('societies');
  const navigate = useNavigate();
  const location = useLocation();
  const { params, setQuery, setFilter, setSort, clearAll } = useRegisterParams();
  const reference = useReferenceData();

  const searchRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(params.query);
  const debouncedSetQuery = useDebouncedCallback(
    (value: string) => setQuery(value.trim()),
    SEARCH_DEBOUNCE_MS,
  );

  const searching = params.query !== '';
  const pages = useSocietyPages(params.filter, params.sort, !searching);
  const search = useSocietySearch(params.query, params.filter, searching);

  const listRows = useMemo(
    () => pages.data?.pages.flatMap((page) => page.rows) ?? NO_ROWS,
    [pages.data],
  );
  const rows = searching ? (search.data ?? NO_ROWS) : listRows;
  const lastPage = pages.data?.pages[pages.data.pages.length - 1];
  const rowCount = searching ? rows.length : (lastPage?.total ?? 0);
  const active = searching ? search : pages;
  const loading = active.isPending;
  const filtered = hasFilters(params.filter);

  // The selection belongs to one list; a new search, filter or sort starts at its first row,
  // and coming back from a society selects that society again.
  const listKey = JSON.stringify([params.query, params.filter, params.sort]);
  const restoreId = (location.state as { restoreSelectedId?: string } | null)?.restoreSelectedId;
  const [selection, setSelection] = useState<{ key: string; index: number } | null>(null);
  const restoredIndex = useMemo(
    () => (restoreId ? rows.findIndex((row) => row.id === restoreId) : -1),
    [rows, restoreId],
  );
  const selectedIndex =
    selection?.key === listKey ? selection.index : restoredIndex >= 0 ? restoredIndex : 0;
  const select = useCallback((index: number) => setSelection({ key: listKey, index }), [listKey]);

  const openSociety = useCallback(
    (row: SocietyRow) => {
      const state: FromRegisterState = { registerSearch: location.search, selectedId: row.id };
      void navigate(paths.society(row.id), { state });
    },
    [navigate, location.search],
  );
  const canAdd = useCan('societies.create');
  const addSociety = useCallback(() => {
    if (canAdd) void navigate(paths.newSociety);
  }, [navigate, canAdd]);
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  useScreenShortcuts([
    { keys: '/', hint: t('register.shortcutSearch'), run: focusSearch },
    { keys: 'mod+F', run: focusSearch, inFields: true },
    ...(canAdd
      ? [
          { keys: 'alt+N', hint: t('register.shortcutAdd'), run: addSociety, inFields: true },
          { keys: 'mod+N', run: addSociety, inFields: true },
        ]
      : []),
  ]);

  const clearEverything = () => {
    debouncedSetQuery.cancel();
    setText('');
    clearAll();
    focusSearch();
  };

  const fetchNextPage = pages.fetchNextPage;
  const canFetchMore = !searching && pages.hasNextPage && !pages.isFetchingNextPage;
  const onVisibleEnd = useCallback(
    (index: number) => {
      if (canFetchMore && index >= listRows.length - PREFETCH_ROWS) void fetchNextPage();
    },
    [canFetchMore, listRows.length, fetchNextPage],
  );

  const handleKey = (event: KeyboardEvent<HTMLElement>, source: 'search' | 'table') => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    const last = rowCount - 1;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(selectedIndex + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(selectedIndex - 1, 0);
        break;
      case 'PageDown':
        next = Math.min(selectedIndex + PAGE_ROWS, last);
        break;
      case 'PageUp':
        next = Math.max(selectedIndex - PAGE_ROWS, 0);
        break;
      case 'Home':
        if (source === 'table') next = 0;
        break;
      case 'End':
        if (source === 'table') next = last;
        break;
      case 'Enter': {
        event.preventDefault();
        if (source === 'search' && debouncedSetQuery.isPending()) {
          debouncedSetQuery.flush();
          return;
        }
        const row = rows[selectedIndex];
        if (row) openSociety(row);
        return;
      }
      case 'Escape':
        if (source === 'search' && text !== '') {
          event.preventDefault();
          debouncedSetQuery.cancel();
          setText('');
          setQuery('');
        }
        return;
    }
    if (next !== null && rowCount > 0) {
      event.preventDefault();
      select(Math.max(next, 0));
    }
  };

  const countText = loading
    ? t('common.loading')
    : searching
      ? rowCount >= SEARCH_LIMIT
        ? t('register.matchesCapped', { formatted: formatCount(SEARCH_LIMIT) })
        : t('register.matches', { count: rowCount, formatted: formatCount(rowCount) })
      : filtered
        ? t('register.countFiltered', { count: rowCount, formatted: formatCount(rowCount) })
        : t('register.count', { count: rowCount, formatted: formatCount(rowCount) });

  let body;
  if (active.isError) {
    body = (
      <Stack p="md">
        <ErrorState
          title={t('register.loadError')}
          error={active.error}
          onRetry={() => void active.refetch()}
        />
      </Stack>
    );
  } else if (!loading && rowCount === 0) {
    body =
      searching || filtered ? (
        <EmptyState
          py={48}
          title={t('register.emptyFiltered')}
          description={t('register.emptyFilteredHint')}
        >
          <EmptyState.Actions>
            <Button variant="light" onClick={clearEverything}>
              {t('register.clearFilters')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <EmptyState
          py={48}
          title={t('register.emptyRegister')}
          description={t('register.emptyRegisterHint')}
        >
          {canAdd ? (
            <EmptyState.Actions>
              <Button onClick={addSociety} leftSection={<PlusIcon />}>
                {t('register.addFirst')}
              </Button>
            </EmptyState.Actions>
          ) : null}
        </EmptyState>
      );
  } else {
    body = (
      <SocietyTable
        id={TABLE_ID}
        rows={rows}
        rowCount={loading ? 12 : rowCount}
        sort={searching ? null : params.sort}
        onSortChange={setSort}
        selectedIndex={loading ? -1 : selectedIndex}
        onSelect={select}
        onOpen={openSociety}
        onVisibleEnd={onVisibleEnd}
        onKeyDown={(event) => handleKey(event, 'table')}
      />
    );
  }

  return (
    <Stack
      gap="sm"
      h="calc(100dvh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 2 * var(--mantine-spacing-md))"
    >
      <PageHeader
        title={t('register.title')}
        subtitle={
          <Group gap="md">
            <Text size="sm" c="dark.5" fw={500} data-testid="register-count" aria-live="polite">
              {countText}
            </Text>
            {searching && !loading && rowCount > 0 ? (
              <Text size="sm" c="dimmed">
                {t('register.bestFirst')}
              </Text>
            ) : null}
          </Group>
        }
        actions={
          canAdd ? (
            <Button
              leftSection={<PlusIcon />}
              rightSection={
                <Kbd size="xs" c="indigo.9">
                  Alt N
                </Kbd>
              }
              onClick={addSociety}
              aria-keyshortcuts="Alt+N Control+N"
            >
              {t('register.add')}
            </Button>
          ) : null
        }
      />

      {top}
      <Paper withBorder radius="md" p="sm">
        <Stack gap="xs">
          <TextInput
            ref={searchRef}
            autoFocus
            size="md"
            aria-label={t('register.searchLabel')}
            aria-controls={TABLE_ID}
            aria-keyshortcuts="/ Control+F"
            placeholder={t('register.searchPlaceholder')}
            value={text}
            spellCheck={false}
            autoComplete="off"
            leftSection={<SearchIcon />}
            rightSectionWidth={text ? 40 : 56}
            rightSection={
              text ? (
                <CloseButton
                  aria-label={t('register.clearSearch')}
                  onClick={() => {
                    debouncedSetQuery.cancel();
                    setText('');
                    setQuery('');
                    focusSearch();
                  }}
                />
              ) : (
                <Kbd size="xs" title={t('register.searchHint')}>
                  /
                </Kbd>
              )
            }
            onChange={(event) => {
              setText(event.currentTarget.value);
              debouncedSetQuery(event.currentTarget.value);
            }}
            onKeyDown={(event) => handleKey(event, 'search')}
          />
          <RegisterFilters
            reference={reference.data}
            filter={params.filter}
            onChange={setFilter}
            onClear={clearEverything}
            canClear={filtered || searching}
          />
        </Stack>
      </Paper>

      <Paper
        withBorder
        radius="md"
        style={{
          flex: 1,
          minHeight: 0,
          display: 'flex',
          flexDirection: 'column',
          overflow: 'hidden',
        }}
      >
        {body}
      </Paper>
      <Text size="xs" c="dimmed" ta="right" mt={-4}>
        {t('register.keyboardHint')}
      </Text>
    </Stack>
  );
}
