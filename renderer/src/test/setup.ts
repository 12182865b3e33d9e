import { cleanup } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { initI18n } from '../i18n';

// jsdom lacks what Mantine measures and listens to.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
// Mantine's autosizing Textarea re-measures when web fonts finish loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
  });
}
Element.prototype.scrollIntoView = function scrollIntoView() {};
Element.prototype.scrollTo = function scrollTo() {};

// Every text on screen comes from the catalogue: a key that names nothing (a wrong
// namespace, a typo in a key built at run time) fails the test that showed it, instead of
// showing the key itself to a clerk. Keys given a fallback on purpose (`defaultValue`) pass.
const i18n = initI18n();
const missingKeys: string[] = [];
i18n.options.saveMissing = true;
i18n.options.missingKeyHandler = (_languages, namespace, key, _fallback, _update, options) => {
  if ((options as { defaultValue?: unknown } | undefined)?.defaultValue === undefined) {
    missingKeys.push(`${namespace}:${key}`);
  }
};

afterEach(() => {
  cleanup();
  const missing = missingKeys.splice(0);
  expect(missing, 'texts missing from the i18n catalogue').toEqual([]);
});
