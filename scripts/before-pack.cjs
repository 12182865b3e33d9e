'use strict';

// electron-builder `beforePack` hook (electron-builder.yml). node_modules holds the Node
// build of better-sqlite3 for tests and browser mode; here, just before the files are
// copied, it is prepared for the Electron version and architecture being packaged, with
// @electron/rebuild (architecture.md §4: `npmRebuild: false` + this hook).
//
// better-sqlite3 13 ships Node-API prebuilds for every platform, which load in Electron as
// they are; its binding.gyp compiles nothing when the prebuild exists, so the rebuild is a
// checked no-op today and a real compile if a future version drops prebuilds. node-gyp
// cannot cross-compile, so when the target is another platform (a Windows installer built
// on Linux) the target's prebuild is used as is, after checking it is there and that no
// binary compiled for this machine would be loaded in its place.

const MODULE = 'better-sqlite3';

/**
 * Decides what to do with better-sqlite3 for one target.
 *
 * @param {object} input
 * @param {string} input.targetPlatform Electron platform being packaged (`win32`, `linux`, `darwin`).
 * @param {string} input.targetArch Architecture being packaged (`x64`, `arm64` …).
 * @param {string} input.hostPlatform `process.platform` of the machine packaging.
 * @param {string} input.hostArch `process.arch` of the machine packaging.
 * @param {boolean} input.prebuildExists Whether `prebuilds/<platform>-<arch>.node` ships in the package.
 * @param {boolean} input.hostBuildExists Whether `build/Release/better_sqlite3.node` was compiled here.
 * @returns {{ action: 'rebuild' } | { action: 'use-prebuild' } | { action: 'fail', reason: string }}
 *   `rebuild` on the target's own platform; `use-prebuild` when cross-packaging is safe;
 *   `fail` with a sentence saying what to do otherwise.
 */
function planNativeModule(input) {
  const target = `${input.targetPlatform}-${input.targetArch}`;
  if (input.targetPlatform === input.hostPlatform && input.targetArch === input.hostArch) {
    return { action: 'rebuild' };
  }
  if (!input.prebuildExists) {
    return {
      action: 'fail',
      reason: `${MODULE} has no prebuilt binary for ${target}, and native modules cannot be cross-compiled: package on a ${target} machine.`,
    };
  }
  if (input.hostBuildExists) {
    return {
      action: 'fail',
      reason: `node_modules/${MODULE}/build holds a binary compiled for this machine, which would be loaded instead of the ${target} prebuild: delete that folder and package again.`,
    };
  }
  return { action: 'use-prebuild' };
}

/**
 * The hook electron-builder calls (it looks for the export named `beforePack`). Throws, and
 * so stops packaging, when better-sqlite3 cannot be made right for the target.
 *
 * @param {import('app-builder-lib').BeforePackContext} context
 * @returns {Promise<void>}
 */
async function beforePack(context) {
  // Imported, not required: the project lints CommonJS by the same rules as its modules.
  const { existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { Arch } = (await import('electron-builder')).default;
  const targetPlatform = context.electronPlatformName;
  const targetArch = Arch[context.arch];
  const projectDir = context.packager.info.projectDir;
  const electronVersion = context.packager.info.framework.version;
  const moduleDir = join(projectDir, 'node_modules', MODULE);

  const plan = planNativeModule({
    targetPlatform,
    targetArch,
    hostPlatform: process.platform,
    hostArch: process.arch,
    prebuildExists: existsSync(
      join(moduleDir, 'prebuilds', `${targetPlatform}-${targetArch}.node`),
    ),
    hostBuildExists: existsSync(join(moduleDir, 'build', 'Release', 'better_sqlite3.node')),
  });

  if (plan.action === 'fail') throw new Error(plan.reason);
  if (plan.action === 'use-prebuild') {
    console.log(
      `  • before-pack: ${MODULE} uses its Node-API prebuild for ${targetPlatform}-${targetArch} (Electron ${electronVersion})`,
    );
    return;
  }
  console.log(
    `  • before-pack: rebuilding ${MODULE} for Electron ${electronVersion} ${targetPlatform}-${targetArch}`,
  );
  // @electron/rebuild 4 is an ES module.
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: projectDir,
    electronVersion,
    platform: targetPlatform,
    arch: targetArch,
    onlyModules: [MODULE],
    force: true,
    mode: 'sequential',
  });
}

module.exports = { beforePack, planNativeModule };
