import type { TFunction } from 'i18next';
import { roleLabels, roles, type Role } from '#shared/auth/roles';
import { societyStatuses } from '#shared/societies/society';
import type { ReferenceData } from '#shared/reference/contract';
import { dateText, instantText, rupeeText } from '../lib/format';

/**
 * Fields of a change that say who and when: the entry itself already shows both, and the
 * ids behind them mean nothing to a clerk.
 */
const HIDDEN_FIELDS = new Set([
  'id',
  'version',
  'societyId',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'proposedBy',
  'proposedAt',
  'decidedBy',
  'decidedAt',
  'orderId',
  'sortKey',
  'searchRowid',
  'regNoKey',
]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;
const MAX_LISTED = 8;

/** The namespaces the record of changes is worded from; `ChangeEntryList` asks for them. */
export const changeTextNamespaces = ['app', 'societies', 'changes'] as const;
type ChangeT = TFunction<typeof changeTextNamespaces>;

export interface ChangedField {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The role of an entry in words; the registry's own entries (the demo register) say so. */
export function roleText(role: string, t: ChangeT): string {
  return (roles as readonly string[]).includes(role)
    ? roleLabels[role as Role]
    : t('societies:history.unknownRole');
}

/** "society.update" → "Corrected the master record"; an unknown action is shown as stored. */
export function actionText(action: string, t: ChangeT): string {
  const key = `societies:history.action.${action.replace('.', '_')}`;
  return t(key as never, { defaultValue: action });
}

export function fieldLabel(field: string, t: ChangeT): string {
  for (const key of [`societies:field.${field}`, `societies:history.fieldName.${field}`]) {
    const text = t(key as never, { defaultValue: '' });
    if (text) return text;
  }
  return field;
}

/** The kind of record an entry is about, in words. */
export function entityText(entity: string, t: ChangeT): string {
  return t(`changes:changes.entity.${entity}` as never, { defaultValue: entity });
}

/** A stored value as a clerk reads it: ₹ amounts, DD-MM-YYYY dates, names instead of ids. */
export function valueText(
  field: string,
  value: unknown,
  t: ChangeT,
  reference: ReferenceData | undefined,
): string {
  const none = t('common.none');
  if (value === null || value === undefined || value === '') return none;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') {
    return field.endsWith('Paise')
      ? rupeeText(value)
      : new Intl.NumberFormat('en-IN').format(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => valueText(singular(field), item, t, reference));
    if (items.length === 0) return none;
    const shown = items.slice(0, MAX_LISTED).join(', ');
    return items.length > MAX_LISTED
      ? `${shown} … (${t('societies:history.items', { count: items.length })})`
      : shown;
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).filter(
      ([key, inner]) => !HIDDEN_FIELDS.has(key) && inner !== null && inner !== '',
    );
    // A row that only points at something ({ villageId }) reads as that thing's name.
    const [only] = parts;
    if (parts.length === 1 && only) return valueText(only[0], only[1], t, reference);
    return parts
      .map(([key, inner]) => `${fieldLabel(key, t)}: ${valueText(key, inner, t, reference)}`)
      .join('; ');
  }
  const text = String(value);
  const named = nameFor(field, text, t, reference);
  if (named !== undefined) return named;
  if (ISO_DATE.test(text)) return dateText(text);
  if (ISO_INSTANT.test(text)) return instantText(text);
  return text;
}

function singular(field: string): string {
  if (field === 'areaVillages' || field === 'areaVillageIds') return 'villageId';
  return field;
}

function nameFor(
  field: string,
  text: string,
  t: ChangeT,
  reference: ReferenceData | undefined,
): string | undefined {
  if (['status', 'toStatus', 'fromStatus'].includes(field)) {
    return (societyStatuses as readonly string[]).includes(text)
      ? t(`societies:societyStatus.${text}` as never)
      : text;
  }
  if (field === 'state')
    return t(`societies:history.orderState.${text}` as never, { defaultValue: text });
  if (field === 'role') return roleText(text, t);
  if (field === 'basis' || field === 'tier' || field === 'liability') {
    return t(`societies:${field}.${text}` as never, { defaultValue: text });
  }
  if (!reference) return undefined;
  const lists: Record<string, { id: string; name: string; shortName?: string }[]> = {
    districtId: reference.districts,
    villageId: reference.villages,
    officeId: reference.offices,
    typeId: reference.societyTypes,
    sectorId: reference.sectors,
  };
  const list = lists[field];
  if (!list) return undefined;
  const found = list.find((item) => item.id === text);
  return found ? (found.shortName ?? found.name) : text;
}

/** The fields an entry changed, in words, skipping the who-and-when bookkeeping. */
export function changedFields(
  changes: Record<string, readonly [unknown, unknown]>,
  t: ChangeT,
  reference: ReferenceData | undefined,
): ChangedField[] {
  return Object.entries(changes)
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .map(([field, [before, after]]) => ({
      field,
      label: fieldLabel(field, t),
      before: valueText(field, before, t, reference),
      after: valueText(field, after, t, reference),
    }));
}
