// `npm start`: builds the app and opens it in Electron; where no Electron binary can be had
// (the electron package downloads it on first use, which fails offline), says so in one
// sentence and opens browser mode instead (`npm run start:web`, architecture.md §2).
// Exit codes and signals of the child are passed on, so `npm start` behaves like the app.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The sentence printed when the desktop window cannot open here. */
export const BROWSER_MODE_NOTICE =
  'No Electron binary is available on this machine, so the registry opens in browser mode instead.';

/**
 * Finds the Electron executable the way the electron package does, but without its side
 * effect: requiring `electron` downloads the binary when it is missing, which fails here.
 * Honours ELECTRON_OVERRIDE_DIST_PATH as the package does.
 *
 * @param {string} projectRoot the folder holding node_modules
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null} the executable's path, or null when there is none
 */
export function findElectronBinary(projectRoot, env = process.env) {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relativeExecutable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override
    ? join(override, relativeExecutable || 'electron')
    : relativeExecutable
      ? join(packageDir, 'dist', relativeExecutable)
      : null;
  return candidate !== null && existsSync(candidate) ? candidate : null;
}

/**
 * Runs a command with the terminal attached and resolves with how it ended. SIGINT, SIGTERM
 * and SIGHUP sent to this script are passed to the child while it runs.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (/** @type {NodeJS.Signals} */ signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
    for (const signal of signals) process.on(signal, forward);
    const cleanUp = () => {
      for (const signal of signals) process.off(signal, forward);
    };
    child.once('error', (error) => {
      cleanUp();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      cleanUp();
      resolvePromise({ code, signal });
    });
  });
}

/**
 * Ends this process the way the child ended: the same exit code, or the same signal.
 *
 * @param {{ code: number | null, signal: NodeJS.Signals | null }} outcome
 */
function exitLike(outcome) {
  if (outcome.signal) {
    process.kill(process.pid, outcome.signal);
    return;
  }
  process.exit(outcome.code ?? 1);
}

/** Runs an npm script with the npm that runs us (npm_execpath), or npm from PATH. */
function runNpmScript(/** @type {string} */ script, /** @type {string[]} */ args) {
  const npmCli = process.env['npm_execpath'];
  if (npmCli && npmCli.endsWith('.js')) {
    return run(process.execPath, [npmCli, 'run', script, ...(args.length ? ['--', ...args] : [])]);
  }
  return run('npm', ['run', script, ...(args.length ? ['--', ...args] : [])], {
    shell: process.platform === 'win32',
  });
}

async function main() {
  const args = process.argv.slice(2);
  const electron = findElectronBinary(root);
  if (!electron) {
    console.log(BROWSER_MODE_NOTICE);
    // start:web builds the renderer itself: building here too would only repeat it.
    exitLike(await runNpmScript('start:web', args));
    return;
  }
  const build = await run(process.execPath, [
    join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
  ]);
  if (build.signal || build.code !== 0) {
    exitLike(build);
    return;
  }
  // Set in some shells and CI images, it would make the binary run as plain Node.
  const env = { ...process.env };
  delete env['ELECTRON_RUN_AS_NODE'];
  exitLike(await run(electron, ['.', ...args], { env }));
}

// Importable for its helpers (the Electron smoke tests use findElectronBinary); runs only as a script.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
