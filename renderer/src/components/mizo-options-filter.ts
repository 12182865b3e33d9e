import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldForSearch } from '#shared/domain/mizo-text';

/**
 * The option filter of every Select and MultiSelect: each typed word must appear in the
 * option, in Mizo spelling with or without ṭ (or a legacy \\) and in any case, so
 * "thingfa" finds "Ṭhingfa" as the register's search does.
 */
export const mizoOptionsFilter: OptionsFilter = ({ options, search }) => {
  const words = foldForSearch(search).split(' ').filter(Boolean);
  if (words.length === 0) return options;
  const matches = (item: ComboboxItem) => {
    const label = foldForSearch(item.label);
    return words.every((word) => label.includes(word));
  };
  const filtered: ComboboxParsedItem[] = [];
  for (const option of options) {
    if ('group' in option) {
      const items = option.items.filter(matches);
      if (items.length > 0) filtered.push({ group: option.group, items });
    } else if (matches(option)) {
      filtered.push(option);
    }
  }
  return filtered;
};
