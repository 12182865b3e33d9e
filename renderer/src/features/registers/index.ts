export { optional, Pager, RegisterFilters } from './RegisterFilters';
export type { YearlyFilter, YearlyFilterKey } from './RegisterFilters';
