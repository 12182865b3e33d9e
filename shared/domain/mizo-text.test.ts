import { describe, expect, it } from 'vitest';
import {
  fixLegacyTee,
  foldForSearch,
  hasDirectionControls,
  mizoSortKey,
  dropHiddenControls,
  normalizeText,
} from './mizo-text';

describe('Mizo text', () => {
  it('reads the old backslash as ṭ, capital at the start of a word', () => {
    expect(fixLegacyTee('\\hutmun Fishery')).toBe('Ṭhutmun Fishery');
    expect(fixLegacyTee('Lu\\hnu')).toBe('Luṭhnu');
    expect(normalizeText('  Sai\\hlang   Veng ')).toBe('Saiṭhlang Veng');
  });

  it('stores NFC whatever the keyboard sent', () => {
    const decomposed = 'T\u0323hutmun'; // T + combining dot below
    expect(normalizeText(decomposed)).toBe('Ṭhutmun');
    expect(normalizeText(decomposed).length).toBe(7);
  });

  it('drops hidden control characters pasted from old files, keeping line breaks as spaces', () => {
    expect(normalizeText('Ṭhutmun\u0000 Fishery\u001B Society')).toBe('Ṭhutmun Fishery Society');
    expect(normalizeText('Bazar Veng\r\nAizawl\u000Bnear\u0085the church')).toBe(
      'Bazar Veng Aizawl near the church',
    );
    expect(dropHiddenControls('Cash book\u0000 not written\n\tsince March')).toBe(
      'Cash book not written\n\tsince March',
    );
  });

  it('folds ṭ, backslash, case and circumflex the same way for search', () => {
    expect(foldForSearch('Ṭhutmun')).toBe('thutmun');
    expect(foldForSearch('\\hutmun')).toBe('thutmun');
    expect(foldForSearch('THUTMUN')).toBe('thutmun');
    expect(foldForSearch('Kawnpuî')).toBe('kawnpui');
    expect(foldForSearch('RCS/AIZ/2024-25/0001')).toBe('rcs aiz 2024 25 0001');
  });

  it('sorts in Mizo alphabetical order: aw, ch, ng are letters, ṭ follows t', () => {
    const names = [
      'Ṭhingdawl',
      'Tlabung',
      'Awmpui',
      'Azawl',
      'Ngopa',
      'Hnahthial',
      'Chanmari',
      'Bawngkawn',
      'Dawrpui',
      'Zemabawk',
    ];
    const sorted = [...names].sort((a, b) => (mizoSortKey(a) < mizoSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Azawl',
      'Awmpui',
      'Bawngkawn',
      'Chanmari',
      'Dawrpui',
      'Ngopa',
      'Hnahthial',
      'Tlabung',
      'Ṭhingdawl',
      'Zemabawk',
    ]);
  });

  it('ignores case and the circumflex when sorting', () => {
    expect(mizoSortKey('ZÂWLNUAM')).toBe(mizoSortKey('zawlnuam'));
  });

  it('spots hidden direction-control characters', () => {
    expect(hasDirectionControls('Zoram\u202EytiicoS')).toBe(true);
    expect(hasDirectionControls('Zoram Society')).toBe(false);
  });
});
