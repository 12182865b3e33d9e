import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { tsImport } from 'tsx/esm/api';
import type * as Contract from './shared/ipc/contract';

// The config is loaded as plain ESM, which cannot follow shared/'s extensionless imports;
// tsx loads the contract as the backend's own tests do.
const { contractNames } = (await tsImport(
  './shared/ipc/contract.ts',
  import.meta.url,
)) as typeof Contract;

// One build for both ways the app runs: Electron loads out/main + out/preload + out/renderer,
// browser mode serves the same out/renderer through the loopback bridge.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    // The preload forwards exactly the contract's names (electron/preload/contract-names.d.ts).
    define: { __CONTRACT_NAMES__: JSON.stringify(contractNames) },
    build: {
      outDir: 'out/preload',
      // The sandboxed preload can only `require` a few Electron modules: bundle everything.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
