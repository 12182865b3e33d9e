import {
  societySortFields,
  type SocietyFilter,
  type SocietySortField,
} from '#shared/societies/contract';
import { societyStatuses, type SocietyStatus } from '#shared/societies/society';
import { type SocietySort } from '../queries';

/** What the register shows, kept in the address so "Back to register" returns to the same list. */
export interface RegisterParams {
  query: string;
  filter: SocietyFilter;
  sort: SocietySort;
}

export const defaultSort: SocietySort = { field: 'name', direction: 'asc' };

const filterKeys = ['districtId', 'officeId', 'typeId', 'sectorId'] as const;
type IdFilterKey = (typeof filterKeys)[number];
const paramNames: Record<IdFilterKey | 'status', string> = {
  districtId: 'district',
  officeId: 'office',
  typeId: 'type',
  sectorId: 'sector',
  status: 'status',
};

export function readRegisterParams(search: URLSearchParams): RegisterParams {
  const filter: SocietyFilter = {};
  for (const key of filterKeys) {
    const value = search.get(paramNames[key]);
    if (value) filter[key] = value;
  }
  const status = search.get(paramNames.status);
  if (status && (societyStatuses as readonly string[]).includes(status)) {
    filter.status = status as SocietyStatus;
  }
  return { query: search.get('q') ?? '', filter, sort: readSort(search.get('sort')) };
}

/** "name" is name ascending, "-registeredOn" is newest first. */
function readSort(text: string | null): SocietySort {
  if (!text) return defaultSort;
  const direction = text.startsWith('-') ? 'desc' : 'asc';
  const field = text.replace(/^-/u, '');
  return (societySortFields as readonly string[]).includes(field)
    ? { field: field as SocietySortField, direction }
    : defaultSort;
}

export function writeRegisterParams(params: RegisterParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.query) search.set('q', params.query);
  for (const key of filterKeys) {
    const value = params.filter[key];
    if (value) search.set(paramNames[key], value);
  }
  if (params.filter.status) search.set(paramNames.status, params.filter.status);
  const { field, direction } = params.sort;
  if (field !== defaultSort.field || direction !== defaultSort.direction) {
    search.set('sort', `${direction === 'desc' ? '-' : ''}${field}`);
  }
  return search;
}

export function hasFilters(filter: SocietyFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== '');
}
