import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { AppError } from '#shared/errors';
import { createCore, type Core, BACKGROUND_SYNC_MS } from '../core';
import { createElectronHost } from './host';
import { registerIpc } from './ipc';
import { createFileLogger } from '../core/logging/file-logger';
import { dataDirOf, logsDirOf, resolveShellPaths } from './paths';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { denyAllPermissions, hardenEveryWebContents } from './security';
import { createMainWindow } from './window';

// The app's entry: the only file that wires Electron to the core. Everything it calls takes
// Electron as parameters, so each piece is unit-tested without a binary.

// Privileged schemes must be registered before `ready`; the sandbox for every renderer too.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

// One app per database (quality.md): a second launch hands over to the first and exits.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}

function start(): void {
  const userData = app.getPath('userData');
  const logger = createFileLogger({
    dir: logsDirOf(userData),
    ...(app.isPackaged ? {} : { mirror: (line: string) => process.stderr.write(line) }),
  });
  const paths = resolveShellPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  });
  logger.info('app.starting', { version: app.getVersion(), packaged: app.isPackaged });

  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
  let disposeIpc = (): void => {};

  const openWindow = (): void => {
    mainWindow = createMainWindow(BrowserWindow, paths.preloadFile, logger);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  // Registered before any window exists, so no webContents escapes the rules.
  hardenEveryWebContents(app, shell, logger);

  app.on('second-instance', () => {
    logger.info('app.second_instance');
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession, logger);
      registerAppProtocol(protocol, paths.rendererDir);
      core = createCore({
        dataDir: dataDirOf(userData),
        resourcesDir: paths.resourcesDir,
        migrationsDir: paths.migrationsDir,
        appVersion: app.getVersion(),
        logger,
        sync: { intervalMs: BACKGROUND_SYNC_MS },
        host: createElectronHost({
          dialog,
          shell,
          net,
          safeStorage,
          documentsDir: () => app.getPath('documents'),
          parentWindow: () => mainWindow,
        }),
      });
      disposeIpc = registerIpc({
        ipcMain,
        core,
        logger,
        eventTargets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
      });
      openWindow();
      // macOS keeps the app alive with no window; clicking the dock icon opens one again.
      app.on('activate', () => {
        if (!mainWindow) openWindow();
      });
    })
    .catch((error: unknown) => {
      logger.error('app.start_failed', {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      const reason =
        error instanceof AppError ? error.message : 'The register could not be opened.';
      dialog.showErrorBox(
        'The registry could not start',
        `${reason}\n\nThe details were written to the log in:\n${logger.dir}`,
      );
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The database is closed only after every window is gone, so no request is cut in half.
  app.on('will-quit', () => {
    disposeIpc();
    core?.close();
    core = null;
    logger.info('app.stopped');
    logger.close();
  });
}
