import { createTheme } from '@mantine/core';
import { mizoOptionsFilter } from '../components/mizo-options-filter';

/**
 * Calm, high-contrast and dense enough for 1366×768. Segoe UI on the office Windows
 * desktops and Noto Sans elsewhere both carry ṭ (U+1E6D) and ₹ (U+20B9).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  fontFamily:
    '"Segoe UI", "Noto Sans", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      '"Segoe UI", "Noto Sans", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    // Typing narrows the list and Enter takes the first match, as a clerk expects.
    Select: {
      defaultProps: { size: 'sm', filter: mizoOptionsFilter, selectFirstOptionOnChange: true },
    },
    MultiSelect: { defaultProps: { filter: mizoOptionsFilter, selectFirstOptionOnChange: true } },
  },
});
