import { describe, expect, it } from 'vitest';
import { registrationNumberExample } from './society';

describe('the example of a registration number', () => {
  it('follows the series pattern with the office code and financial year', () => {
    expect(registrationNumberExample('RCS/{office}/{fy}/{serial:4}', 'AIZ', '2025-26')).toBe(
      'RCS/AIZ/2025-26/0001',
    );
    expect(registrationNumberExample('{serial}/{fy}', 'AIZ', '2025-26')).toBe('1/2025-26');
  });
});
