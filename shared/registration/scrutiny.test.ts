import { describe, expect, it } from 'vitest';
import { decisionBar, type CheckedItem } from './scrutiny';

const item = (code: string, result: CheckedItem['result']): CheckedItem => ({
  code,
  label: `${code}: what is checked`,
  result,
});

describe('the scrutiny gate of a decision', () => {
  it('reads an empty record as not checked, never as nothing wanting', () => {
    const nothingChecked = [item('promoters', null), item('fee', null)];
    expect(decisionBar('approve', nothingChecked)?.reason).toBe('unchecked');
    expect(decisionBar('refuse', nothingChecked)?.reason).toBe('unchecked');
  });

  it('approves only an all-in-order checklist; refuses a complete one or one citing a want', () => {
    const allInOrder = [item('promoters', 'in_order'), item('fee', 'in_order')];
    expect(decisionBar('approve', allInOrder)).toBeNull();
    expect(decisionBar('refuse', allInOrder)).toBeNull();
    const oneWanting = [item('promoters', 'wanting'), item('fee', null)];
    expect(decisionBar('approve', oneWanting)).toEqual({
      reason: 'wanting',
      items: [oneWanting[0]],
    });
    expect(decisionBar('refuse', oneWanting)).toBeNull();
  });
});
