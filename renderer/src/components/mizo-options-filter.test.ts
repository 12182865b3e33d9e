import { describe, expect, it } from 'vitest';
import { mizoOptionsFilter } from './mizo-options-filter';

const options = [
  {
    group: 'Aizawl',
    items: [
      { value: '1', label: 'Ṭuirial' },
      { value: '2', label: 'Durtlang North' },
    ],
  },
  { value: '3', label: 'Ṭlangnuam Ṭhingfa Handloom Cooperative Society' },
];
const labels = (search: string) =>
  mizoOptionsFilter({ options, search, limit: 100 }).flatMap((option) =>
    'group' in option ? option.items.map((item) => item.label) : [option.label],
  );

describe('choosing from a list by typing', () => {
  it('finds a Mizo name typed with t or a legacy backslash, in any case', () => {
    expect(labels('tuirial')).toEqual(['Ṭuirial']);
    expect(labels('\\uirial')).toEqual(['Ṭuirial']);
    expect(labels('THINGFA')).toEqual(['Ṭlangnuam Ṭhingfa Handloom Cooperative Society']);
  });

  it('needs every word typed, in any order, and keeps the groups', () => {
    expect(labels('north durt')).toEqual(['Durtlang North']);
    expect(labels('durtlang south')).toEqual([]);
    expect(mizoOptionsFilter({ options, search: 'tuirial', limit: 100 })).toEqual([
      { group: 'Aizawl', items: [{ value: '1', label: 'Ṭuirial' }] },
    ]);
    expect(labels('  ')).toHaveLength(3);
  });
});
