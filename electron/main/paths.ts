import { join } from 'node:path';

// Pure path resolution for the shell. No Electron import, so it is unit-tested without a
// binary; index.ts feeds it `app.isPackaged`, `app.getAppPath()` and `process.resourcesPath`.

export interface ShellPathInput {
  /** `app.isPackaged`: true inside the installed app, false under `electron .`. */
  isPackaged: boolean;
  /** `app.getAppPath()`: the repository root in development, `…/resources/app.asar` when packaged. */
  appPath: string;
  /** `process.resourcesPath`: the installed app's `resources` folder (beside app.asar). */
  resourcesPath: string;
}

export interface ShellPaths {
  /** The production renderer build that `app://` serves (inside app.asar when packaged). */
  rendererDir: string;
  /** The bundled, sandbox-safe preload script. */
  preloadFile: string;
  /** The app's read-only resources: reference data, fonts, templates. */
  resourcesDir: string;
  /** drizzle-kit's migrations folder, with its `meta/` journal. */
  migrationsDir: string;
}

/**
 * Where the shell finds its files. The renderer and preload always live in the app folder
 * (app.asar when packaged); resources and migrations are shipped beside app.asar through
 * electron-builder's `extraResources` (`resources/` → `resources`,
 * `electron/core/db/migrations` → `migrations`) so the core reads them as plain files, and
 * come from the repository in development. Never fails: missing folders surface when used.
 */
export function resolveShellPaths(input: ShellPathInput): ShellPaths {
  const rendererDir = join(input.appPath, 'out', 'renderer');
  const preloadFile = join(input.appPath, 'out', 'preload', 'index.cjs');
  if (input.isPackaged) {
    return {
      rendererDir,
      preloadFile,
      resourcesDir: join(input.resourcesPath, 'resources'),
      migrationsDir: join(input.resourcesPath, 'migrations'),
    };
  }
  return {
    rendererDir,
    preloadFile,
    resourcesDir: join(input.appPath, 'resources'),
    migrationsDir: join(input.appPath, 'electron', 'core', 'db', 'migrations'),
  };
}

/** The registry's data folder (database, backups, documents) under Electron's `userData`. */
export function dataDirOf(userDataDir: string): string {
  return join(userDataDir, 'data');
}

/** The daily log files' folder under Electron's `userData`. */
export function logsDirOf(userDataDir: string): string {
  return join(userDataDir, 'logs');
}
