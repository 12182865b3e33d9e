import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contractNames } from '#shared/ipc/contract';

export default defineConfig({
  test: {
    reporters: process.env['CI_REPORT'] ? ['default', 'json'] : ['default'],
    outputFile: { json: process.env['VITEST_REPORT'] ?? 'reports/vitest.json' },
    projects: [
      {
        // As electron.vite.config.ts writes them into the preload, for the preload's test.
        define: {
          __CONTRACT_NAMES__: JSON.stringify(contractNames),
        },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'server/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/electron/**/*.test.ts',
          ],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['renderer/src/test/setup.ts'],
          // Typing into jsdom with user-event is slow on a loaded 2-core CI machine.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
