import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirOf, logsDirOf, resolveShellPaths } from './paths';

describe('resolveShellPaths', () => {
  it('finds resources and migrations beside app.asar when packaged', () => {
    const installed = join('/opt', 'Cooperative Societies Registry', 'resources');
    expect(
      resolveShellPaths({
        isPackaged: true,
        appPath: join(installed, 'app.asar'),
        resourcesPath: installed,
      }),
    ).toEqual({
      rendererDir: join(installed, 'app.asar', 'out', 'renderer'),
      preloadFile: join(installed, 'app.asar', 'out', 'preload', 'index.cjs'),
      resourcesDir: join(installed, 'resources'),
      migrationsDir: join(installed, 'migrations'),
    });
  });

  it("uses the repository's folders in development, whatever Electron's own resources path is", () => {
    expect(
      resolveShellPaths({
        isPackaged: false,
        appPath: '/work/main',
        resourcesPath: '/work/main/node_modules/electron/dist/resources',
      }),
    ).toEqual({
      rendererDir: join('/work/main', 'out', 'renderer'),
      preloadFile: join('/work/main', 'out', 'preload', 'index.cjs'),
      resourcesDir: join('/work/main', 'resources'),
      migrationsDir: join('/work/main', 'electron', 'core', 'db', 'migrations'),
    });
  });

  it('names files that exist in this repository in development', () => {
    const root = join(import.meta.dirname, '..', '..');
    const paths = resolveShellPaths({
      isPackaged: false,
      appPath: root,
      resourcesPath: '/nowhere',
    });
    expect(existsSync(paths.resourcesDir)).toBe(true);
    expect(existsSync(join(paths.migrationsDir, 'meta', '_journal.json'))).toBe(true);
  });

  it('keeps data and logs under userData', () => {
    expect(dataDirOf('/u')).toBe(join('/u', 'data'));
    expect(logsDirOf('/u')).toBe(join('/u', 'logs'));
  });
});
