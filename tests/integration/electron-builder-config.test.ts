import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';

// electron-builder cannot package here (it downloads Electron and NSIS), so its config is
// checked offline: against electron-builder's own JSON schema, by electron-builder's own
// validator, and for every promise the config makes (fuses, target, native module handling).

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder; resolve it from there rather than add a dependency.
const requireFromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const { load } = requireFromBuilder('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, debugLogger: unknown) => Promise<void>;
};
const { DebugLogger } = requireFromBuilder('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};
const hook = require('../../scripts/before-pack.cjs') as {
  beforePack: unknown;
  planNativeModule: (input: {
    targetPlatform: string;
    targetArch: string;
    hostPlatform: string;
    hostArch: string;
    prebuildExists: boolean;
    hostBuildExists: boolean;
  }) => { action: string; reason?: string };
};

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  beforePack: string;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  directories: { output: string };
}

const configText = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = load(configText) as BuilderConfig;
const scheme = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as Record<string, unknown>;

let validate: ReturnType<Ajv['compile']>;
beforeAll(() => {
  validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(scheme);
});

const copy = (): Record<string, unknown> =>
  structuredClone(config) as unknown as Record<string, unknown>;
const electronBuilderAccepts = (candidate: unknown) =>
  validateConfiguration(candidate, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("passes electron-builder's own validator, the one `electron-builder` runs first", async () => {
    await expect(electronBuilderAccepts(copy())).resolves.toBeUndefined();
  });

  it('is rejected with an unknown top-level key', async () => {
    const broken = { ...copy(), oneClick: false };
    expect(validate(broken)).toBe(false);
    await expect(electronBuilderAccepts(broken)).rejects.toThrow(/oneClick/u);
  });

  it('is rejected with nsis.oneClick as a string', async () => {
    const broken = copy();
    broken['nsis'] = { ...config.nsis, oneClick: 'yes' };
    expect(validate(broken)).toBe(false);
    await expect(electronBuilderAccepts(broken)).rejects.toThrow(/oneClick/u);
  });

  it('is rejected with a misspelt fuse', () => {
    const broken = copy();
    broken['electronFuses'] = { ...config.electronFuses, runAsNod: false };
    expect(validate(broken)).toBe(false);
  });

  it('names the app as package.json does', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      productName: string;
    };
    expect(config.productName).toBe(pkg.productName);
    expect(config.appId).toBe('in.gov.mizoram.rcs.registry');
  });

  it('flips the security fuses (Electron checklist item 19)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('builds a per-user Windows x64 NSIS installer that asks where to install', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('packages the build and package.json, and ships resources and migrations beside app.asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.files.filter((pattern) => !pattern.startsWith('!'))).toEqual([
      'out/**',
      'package.json',
    ]);
    expect(config.extraResources).toEqual([
      { from: 'resources', to: 'resources' },
      { from: 'electron/core/db/migrations', to: 'migrations' },
    ]);
    for (const { from } of config.extraResources) expect(existsSync(join(root, from))).toBe(true);
  });

  it("keeps only Windows x64's better-sqlite3 binary, unpacked from the archive", () => {
    const prebuilds = readdirSync(join(root, 'node_modules', 'better-sqlite3', 'prebuilds'));
    expect(prebuilds).toContain('win32-x64.node');
    for (const file of prebuilds.filter((name) => name !== 'win32-x64.node')) {
      expect(config.files).toContain(`!node_modules/better-sqlite3/prebuilds/${file}`);
    }
    expect(config.files).not.toContain('!node_modules/better-sqlite3/prebuilds/win32-x64.node');
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
  });

  it('leaves native rebuilding to the beforePack hook', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('./scripts/before-pack.cjs');
    expect(existsSync(join(root, config.beforePack))).toBe(true);
    expect(typeof hook.beforePack).toBe('function');
  });

  it('writes installers to the ignored dist/ folder', () => {
    expect(config.directories.output).toBe('dist');
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^dist\/$/mu);
  });
});

describe('the beforePack plan for better-sqlite3', () => {
  const plan = (overrides: Partial<Parameters<typeof hook.planNativeModule>[0]>) =>
    hook.planNativeModule({
      targetPlatform: 'win32',
      targetArch: 'x64',
      hostPlatform: 'win32',
      hostArch: 'x64',
      prebuildExists: true,
      hostBuildExists: false,
      ...overrides,
    });

  it('rebuilds with @electron/rebuild when packaging for this very platform', () => {
    expect(plan({})).toEqual({ action: 'rebuild' });
    expect(plan({ hostBuildExists: true })).toEqual({ action: 'rebuild' });
  });

  it("uses the target's Node-API prebuild when packaging Windows on Linux", () => {
    expect(plan({ hostPlatform: 'linux' })).toEqual({ action: 'use-prebuild' });
  });

  it('refuses to package when no prebuild exists for another platform', () => {
    expect(plan({ hostPlatform: 'linux', prebuildExists: false })).toMatchObject({
      action: 'fail',
      reason: expect.stringContaining('win32-x64') as string,
    });
  });

  it("refuses to package when this machine's own binary would shadow the target's", () => {
    expect(plan({ hostPlatform: 'linux', hostBuildExists: true })).toMatchObject({
      action: 'fail',
      reason: expect.stringContaining('delete that folder') as string,
    });
  });
});
