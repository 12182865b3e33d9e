import { auditsEn } from '../features/audits/i18n/en';
import { authEn } from '../features/auth/i18n/en';
import { certificatesEn } from '../features/certificates/i18n/en';
import { changesEn } from '../features/changes/i18n/en';
import { documentsEn } from '../features/documents/i18n/en';
import { referenceEn } from '../features/reference/i18n/en';
import { registersEn } from '../features/registers/i18n/en';
import { registrationEn } from '../features/registration/i18n/en';
import { returnsEn } from '../features/returns/i18n/en';
import { societiesEn } from '../features/societies/i18n/en';
import { statusOrdersEn } from '../features/status-orders/i18n/en';
import { syncEn } from '../features/sync/i18n/en';
import { appEn } from './en';

/**
 * The catalogue: one i18next namespace per domain, each kept beside the domain's screens
 * (`features/<domain>/i18n/en.ts`), and `app` for the shell and the words every screen
 * uses. A screen asks for its domain's namespace (`useTranslation('audits')`); `app` is the
 * fallback, so `common.save` needs no prefix, and another domain's word is named with its
 * namespace (`societies:societyStatus.active`).
 */
export const en = {
  app: appEn,
  auth: authEn,
  societies: societiesEn,
  statusOrders: statusOrdersEn,
  changes: changesEn,
  reference: referenceEn,
  registration: registrationEn,
  documents: documentsEn,
  certificates: certificatesEn,
  returns: returnsEn,
  registers: registersEn,
  audits: auditsEn,
  sync: syncEn,
} as const;

export type Namespace = keyof typeof en;
export const namespaces = Object.keys(en) as Namespace[];
