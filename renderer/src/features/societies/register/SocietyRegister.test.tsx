import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SocietyRow } from '#shared/societies/contract';
import { createFakeBridge, FakeFailure, type FakeHandlers } from '../../../test/fake-bridge';
import { ids, reference, societyRow } from '../../../test/fixtures';
import { renderScreen } from '../../../test/render';
import { SocietyRegister } from './SocietyRegister';

function OpenedSociety() {
  const { id } = useParams();
  return <p>Opened society {id}</p>;
}

function renderRegister(handlers: FakeHandlers, url = '/') {
  const bridge = createFakeBridge({ 'reference.get': () => reference, ...handlers });
  const view = renderScreen(<SocietyRegister />, {
    bridge,
    url,
    routes: [
      { path: '/societies/:id', element: <OpenedSociety /> },
      { path: '/societies/new', element: <p>Add society form</p> },
    ],
  });
  return { ...view, bridge };
}

const rows: SocietyRow[] = [
  societyRow(1, {
    name: 'Ṭhutmun Fishery Cooperative Society Ltd.',
    nameMizo: 'Ṭhutmun Sangha Vulh Cooperative Society',
  }),
  societyRow(2, { name: 'Zotlang Multipurpose Cooperative Society', status: 'non_functional' }),
  societyRow(3, { name: 'Bawngkawn Dairy Cooperative Society', registeredOn: '1998-03-31' }),
];

describe('SocietyRegister', () => {
  beforeEach(() => {
    // jsdom lays nothing out; give the list a window so rows are drawn.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1100);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows how many societies the register holds and their particulars', async () => {
    renderRegister({
      'societies.list': ({ offset }) => ({ rows: offset ? [] : rows, total: 1512 }),
    });
    expect(await screen.findByText('1,512 societies')).toBeTruthy();
    const grid = within(screen.getByRole('grid'));
    expect(grid.getByText('Ṭhutmun Fishery Cooperative Society Ltd.')).toBeTruthy();
    expect(grid.getByText('Ṭhutmun Sangha Vulh Cooperative Society')).toBeTruthy();
    expect(grid.getByText('RCS/AZL/2024-25/0001')).toBeTruthy();
    expect(grid.getByText('31-03-1998')).toBeTruthy();
    expect(grid.getByText('Non-functional')).toBeTruthy();
  });

  it('says when no society matches the filters, and clears them', async () => {
    const user = userEvent.setup();
    const { bridge } = renderRegister(
      { 'societies.list': () => ({ rows: [], total: 0 }) },
      `/?district=${ids.champhai}&status=merged`,
    );
    expect(await screen.findByText('No societies match these filters')).toBeTruthy();
    expect(bridge.callsTo('societies.list')[0]?.filter).toEqual({
      districtId: ids.champhai,
      status: 'merged',
    });

    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(await screen.findByText('The register is empty')).toBeTruthy();
    expect(bridge.callsTo('societies.list').at(-1)?.filter).toEqual({});
    expect(screen.getByRole('button', { name: 'Add the first society' })).toBeTruthy();
  });

  it('searches as the clerk types and opens the best match with Enter', async () => {
    // Keystrokes without pauses between them, as a clerk types: on a loaded machine the
    // default pause per key could outlast the search's debounce.
    const user = userEvent.setup({ delay: null });
    const search = vi.fn(() => [rows[0]!]);
    const { bridge } = renderRegister({
      'societies.list': () => ({ rows, total: 3 }),
      'societies.search': search,
    });
    await screen.findByText('3 societies');
    const box = screen.getByRole('textbox', { name: 'Search the register' });
    expect(document.activeElement).toBe(box);

    await user.type(box, '\\hutmun');
    expect(await screen.findByText('1 match')).toBeTruthy();
    // One request for the whole word, not one per letter.
    expect(bridge.callsTo('societies.search').map((call) => call.query)).toEqual(['\\hutmun']);

    await user.keyboard('{Enter}');
    expect(await screen.findByText(`Opened society ${rows[0]!.id}`)).toBeTruthy();
  });

  it('moves the selection with the arrow keys', async () => {
    const user = userEvent.setup();
    renderRegister({ 'societies.list': () => ({ rows, total: 3 }) });
    await screen.findByText('3 societies');
    const grid = screen.getByRole('grid');
    await waitFor(() => expect(grid.getAttribute('aria-activedescendant')).toContain(rows[0]!.id));
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(grid.getAttribute('aria-activedescendant')).toContain(rows[1]!.id);
    await user.keyboard('{Enter}');
    expect(await screen.findByText(`Opened society ${rows[1]!.id}`)).toBeTruthy();
  });

  it('sorts on the backend when a column heading is clicked', async () => {
    const user = userEvent.setup();
    const { bridge } = renderRegister({ 'societies.list': () => ({ rows, total: 3 }) });
    await screen.findByText('3 societies');
    await user.click(screen.getByRole('button', { name: 'Registered on' }));
    await waitFor(() =>
      expect(bridge.callsTo('societies.list').at(-1)?.sort).toEqual({
        field: 'registeredOn',
        direction: 'asc',
      }),
    );
  });

  it('explains a failed load and tries again', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderRegister({
      'societies.list': () => {
        if (fail) {
          throw new FakeFailure({ code: 'internal', message: 'The database is locked.' });
        }
        return { rows, total: 3 };
      },
    });
    expect(await screen.findByText('The register could not be loaded')).toBeTruthy();
    expect(screen.getByText('The database is locked.')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('3 societies')).toBeTruthy();
  });

  it('opens the add form with Alt+N', async () => {
    const user = userEvent.setup();
    renderRegister({ 'societies.list': () => ({ rows, total: 3 }) });
    await screen.findByText('3 societies');
    await user.keyboard('{Alt>}n{/Alt}');
    expect(await screen.findByText('Add society form')).toBeTruthy();
  });
});
