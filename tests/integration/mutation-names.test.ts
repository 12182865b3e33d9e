import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicationTransitions } from '#shared/registration/registration';
import { MUTATION_ROLES } from '#shared/sync/mutations';

/** Every non-test source file of the desktop's backend. */
function backendSources(dir = join(import.meta.dirname, '..', '..', 'electron', 'core')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? backendSources(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

/** Names written to the record of changes only (`tx.note`): they never reach the outbox. */
const NOTES = new Set([
  'user.changePassword',
  'user.setPassword',
  'user.resetPassword',
  'settings.update',
  'society.confirmDistinct',
]);
/** Literals of the same shape that are not mutation names (rule parameter keys). */
const NOT_MUTATIONS = new Set(['audit.due']);

describe('the state server knows every change the desktop records', () => {
  it('has a role rule for each mutation name in the backend’s source', () => {
    const prefixes = Object.keys(MUTATION_ROLES).map((name) => name.split('.')[0]);
    const literal = new RegExp(`'((?:${[...new Set(prefixes)].join('|')})\\.[a-z][A-Za-z]*)'`, 'g');
    const found = new Set<string>();
    for (const source of backendSources()) {
      for (const match of source.matchAll(literal)) found.add(match[1]!);
    }
    // Names built from a step: `application.${step}`.
    for (const step of Object.keys(applicationTransitions)) found.add(`application.${step}`);
    const recorded = [...found].filter((name) => !NOTES.has(name) && !NOT_MUTATIONS.has(name));
    expect(recorded.length).toBeGreaterThan(40);
    expect(recorded.filter((name) => !(name in MUTATION_ROLES))).toEqual([]);
  });
});
