import js from '@eslint/js';
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
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
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
