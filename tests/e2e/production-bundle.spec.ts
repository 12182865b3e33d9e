import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

// The e2e run drives the production renderer, so this is where we check that what ships
// holds no test code: no test runner, no testing library, no test bridge, no fixtures.
const rendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');

test('the production renderer bundle carries no test code', () => {
  const assets = readdirSync(join(rendererDir, 'assets')).filter((file) => file.endsWith('.js'));
  expect(assets.length).toBeGreaterThan(0);
  const code = assets.map((file) => readFileSync(join(rendererDir, 'assets', file), 'utf8'));
  for (const marker of ['@testing-library', 'vitest', 'fast-check', 'tests/fixtures', 'jsdom']) {
    expect(
      code.filter((text) => text.includes(marker)),
      marker,
    ).toEqual([]);
  }
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  expect(html).not.toContain('__bridge.js');
});
