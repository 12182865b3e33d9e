import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, namespaces } from './catalogue';

/** Indian digit grouping (12,34,567) for every count shown on screen, domain.md §5. */
const countFormat = new Intl.NumberFormat('en-IN');

export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** Starts i18next with the English catalogue. Mizo will be a second language beside `en`. */
export function initI18n() {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { en },
      ns: namespaces,
      defaultNS: 'app',
      fallbackNS: 'app',
      lng: 'en',
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  }
  return i18next;
}

export { en };
