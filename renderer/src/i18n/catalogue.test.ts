import { describe, expect, it } from 'vitest';
import { en } from './catalogue';

type Leaf = { key: string; text: string };

function leaves(node: unknown, prefix: string): Leaf[] {
  if (typeof node === 'string') return [{ key: prefix, text: node }];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([name, child]) =>
    leaves(child, prefix ? `${prefix}.${name}` : name),
  );
}

const all = Object.entries(en).flatMap(([namespace, tree]) =>
  leaves(tree, '').map((leaf) => ({ ...leaf, key: `${namespace}:${leaf.key}` })),
);
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

describe('the catalogue', () => {
  it('words every count through plural forms, so no screen says "1 are listed"', () => {
    const bare = all
      .filter((leaf) => leaf.text.includes('{{count}}') && !pluralSuffix.test(leaf.key))
      .map((leaf) => leaf.key);
    expect(bare).toEqual([]);
  });

  it('gives every plural both its singular and its general form', () => {
    const keys = new Set(all.map((leaf) => leaf.key));
    const missing = all
      .filter((leaf) => /_(one|other)$/.test(leaf.key))
      .map((leaf) => leaf.key.replace(/_(one|other)$/, ''))
      .filter((base) => !keys.has(`${base}_one`) || !keys.has(`${base}_other`));
    expect([...new Set(missing)]).toEqual([]);
  });
});
