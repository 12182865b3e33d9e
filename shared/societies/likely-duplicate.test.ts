import { describe, expect, it } from 'vitest';
import {
  isLikelyDuplicate,
  likelyDuplicateFields,
  likelyDuplicateIn,
  regNoFold,
  type DuplicateFacts,
} from './likely-duplicate';

const VILLAGE = '0190a5f0-0000-7000-8000-000000000001';
const OTHER_VILLAGE = '0190a5f0-0000-7000-8000-000000000002';
const DISTRICT = '0190a5f0-0000-7000-8000-000000000003';

const existing: DuplicateFacts = {
  regNo: 'RCS/363/1990',
  registeredOn: '1990-03-12',
  districtId: DISTRICT,
  villageId: VILLAGE,
  address: 'Zotlang',
};

describe('the folded registration number', () => {
  it.each(['RCS/0363/1990', 'rcs-363-1990', 'RCS / 363 / 1990', 'RCS.0363.1990', 'RCS363/1990'])(
    'folds %s like RCS/363/1990',
    (regNo) => expect(regNoFold(regNo)).toBe(regNoFold('RCS/363/1990')),
  );

  it('keeps numbers that differ in more than zeros and separators apart', () => {
    expect(regNoFold('RCS/363/1990')).toBe('rcs/363/1990');
    expect(regNoFold('RCS/3630/1990')).not.toBe(regNoFold('RCS/363/1990'));
    expect(regNoFold('36/31990')).not.toBe(regNoFold('363/1990'));
    expect(regNoFold('RCS/AIZ/2020-21/0001')).toBe('rcs/aiz/2020/21/1');
    expect(regNoFold('760/00')).toBe('760/0');
  });
});

describe('a likely duplicate', () => {
  it('is a number that folds alike with the same date or the same village', () => {
    const entered = { ...existing, regNo: 'RCS/0363/1990' };
    expect(isLikelyDuplicate(entered, existing)).toBe(true);
    expect(isLikelyDuplicate({ ...entered, registeredOn: '1991-01-01' }, existing)).toBe(true);
    expect(isLikelyDuplicate({ ...entered, villageId: OTHER_VILLAGE }, existing)).toBe(true);
  });

  it('is not one with another date and another place, nor the very same number', () => {
    const entered = {
      ...existing,
      regNo: 'RCS/0363/1990',
      registeredOn: '1991-01-01',
      villageId: OTHER_VILLAGE,
    };
    expect(isLikelyDuplicate(entered, existing)).toBe(false);
    // The same number is refused outright, not asked about.
    expect(isLikelyDuplicate({ ...existing, regNo: 'rcs/363/1990 ' }, existing)).toBe(false);
  });

  it('compares the address in the district when neither has a village', () => {
    const other = { ...existing, villageId: null, registeredOn: '1991-01-01' };
    const entered = { ...other, regNo: 'RCS-363-1990', registeredOn: '1992-02-02' };
    expect(isLikelyDuplicate({ ...entered, address: 'ZOTLANG' }, other)).toBe(true);
    expect(isLikelyDuplicate({ ...entered, address: 'Bazar Veng' }, other)).toBe(false);
  });

  it('travels in a refusal’s fields and is read back from them', () => {
    const other = {
      id: '0190a5f0-0000-7000-8000-0000000000aa',
      name: 'Zotlang MPCS Ltd.',
      regNo: 'RCS/363/1990',
      registeredOn: '1990-03-12',
      place: 'Zotlang',
      districtName: 'Lunglei',
    };
    const fields = likelyDuplicateFields(other, 'Looks like Zotlang MPCS Ltd.');
    expect(fields['regNo']).toBe('Looks like Zotlang MPCS Ltd.');
    expect(likelyDuplicateIn(fields)).toEqual(other);
    expect(likelyDuplicateIn({ regNo: 'Registration number 1/2 is already used.' })).toBeNull();
    expect(likelyDuplicateIn(undefined)).toBeNull();
  });
});
