import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers of architecture.md §1, enforced here rather than by goodwill.
const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'worker_threads'],
  message: 'Node built-ins are not available here (shared/ and renderer/ run in a browser).',
};
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main and electron/preload may import Electron.',
};
const appFolder = (folder, why) => ({ group: [`**/${folder}`, `**/${folder}/**`], message: why });
// shared/ is reached by one alias everywhere (package.json "imports"), never by climbing folders.
const sharedByAlias = {
  regex: '^(\\.\\.?/)+(.*/)?shared(/|$)',
  message: 'Import shared/ through its alias: \'#shared/…\' (package.json "imports").',
};

/** The options jsx-a11y's recommended config gives a rule, to extend rather than restate. */
const recommendedA11yOptions = (rule) => jsxA11y.configs.recommended.rules[`jsx-a11y-x/${rule}`][1];

// A renderer feature is used through its index.ts only (architecture.md §6), so its files
// can be split and renamed without touching another feature. The rule resolves each
// relative import and refuses one that lands inside another feature's folder. The one other
// public entry is the feature's i18n/ catalogue, which the app's catalogue composes (through
// index.ts it would import every screen into the catalogue, and back).
const featuresRoot = resolve(import.meta.dirname, 'renderer/src/features');
const featureOf = (path) => {
  const inside = relative(featuresRoot, path);
  return inside.startsWith('..') || inside === '' ? null : inside.split(sep);
};
const featureBoundaries = {
  meta: {
    type: 'problem',
    messages: {
      deep: "Import the {{feature}} feature through its index.ts ('{{index}}'), not its file '{{source}}'.",
    },
    schema: [],
  },
  create(context) {
    const importer = featureOf(context.filename)?.[0] ?? null;
    const check = (node) => {
      const source = node?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = featureOf(resolve(dirname(context.filename), source));
      if (!target || target[0] === importer) return;
      const [feature, ...rest] = target;
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'index')) return;
      if (rest[0] === 'i18n') return;
      const index = source.slice(0, source.length - rest.join('/').length - 1);
      context.report({ node, messageId: 'deep', data: { feature, index, source } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.tsbuild/',
      'reports/',
      'test-results/',
      'playwright-report/',
      '.cache/',
      '.data/',
      'electron/core/db/migrations/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits or handles loses its error silently (a save
    // that failed and said nothing), and a switch over a union must name every member.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports (architecture.md §7).',
        },
      ],
    },
  },
  {
    // A file past 800 lines has become the place every change must pass through: split it by
    // responsibility (ARCHITECTURE.md). Tests, generated migrations and fixtures aside.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', 'tests/fixtures/**'],
    rules: { 'max-lines': ['error', { max: 800 }] },
  },
  {
    // Config files are read by tools that expect a default export.
    files: ['*.config.ts', '*.config.js', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electron,
            { group: ['react', 'react-*', 'react/*'], message: 'shared/ is pure TypeScript.' },
            {
              // Everything runs shared/: the backend, the renderer, the server, the preload.
              // Its tests run under vitest.
              regex: '^(?!(zod|uuid|vitest)$)[^.#]',
              message: 'shared/ imports only shared/, zod and uuid (and its tests vitest).',
            },
            appFolder('electron', 'shared/ must not import app folders.'),
            appFolder('renderer', 'shared/ must not import app folders.'),
            appFolder('server', 'shared/ must not import app folders.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              ...electron,
              message: 'electron/core runs under plain Node: it must not import Electron.',
            },
            sharedByAlias,
            appFolder('main', 'electron/core must not import electron/main.'),
            appFolder('renderer', 'electron/core must not import the renderer.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            appFolder('renderer', 'electron/main must not import the renderer.'),
            sharedByAlias,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            appFolder('core', 'The preload exposes the contract only.'),
            appFolder('main', 'The preload exposes the contract only.'),
            appFolder('renderer', 'The preload exposes the contract only.'),
            sharedByAlias,
            {
              regex: '^#shared/(?!ipc/channels$)',
              message: 'The preload may import #shared/ipc/channels only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/web-bridge/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...electron, message: 'Browser mode runs without Electron.' },
            appFolder('renderer', 'The bridge serves the built renderer, it does not import it.'),
            sharedByAlias,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/web-bridge/bridge-client.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.tsx'],
    ...jsxA11y.configs.recommended,
    rules: {
      ...jsxA11y.configs.recommended.rules,
      // The first field of a data-entry form or modal takes the focus on purpose
      // (keyboard-first entry, architecture.md §6); Mantine's inputs label and announce it.
      // A bare DOM element that grabs the focus is still refused.
      'jsx-a11y-x/no-autofocus': ['error', { ignoreNonDOM: true }],
      // A form listens for its shortcuts (Ctrl+S, Ctrl+Enter) as the keys bubble up from its
      // fields; the fields themselves stay the interactive elements.
      'jsx-a11y-x/no-noninteractive-element-interactions': [
        'error',
        {
          ...recommendedA11yOptions('no-noninteractive-element-interactions'),
          form: ['onKeyDown'],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: {
      'react-hooks': reactHooks,
      registry: { rules: { 'feature-boundaries': featureBoundaries } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'registry/feature-boundaries': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electron,
            appFolder(
              'electron',
              'The renderer talks to the backend only through src/lib/backend.',
            ),
            appFolder('server', 'The renderer must not import the server.'),
            sharedByAlias,
          ],
        },
      ],
    },
  },
  {
    // Suites that cross layers may import any of them, but shared/ still by its alias.
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedByAlias] }] },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            appFolder('electron', 'server/ imports shared/ only.'),
            appFolder('renderer', 'server/ imports shared/ only.'),
            sharedByAlias,
          ],
        },
      ],
    },
  },
);
