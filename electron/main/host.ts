import { isAbsolute, join } from 'node:path';
import type { BaseWindow, Dialog, Net, SafeStorage, Shell } from 'electron';
import type { HostPort } from '../core/ports';
import { safeFileName } from '../core/safe-file-name';

export interface ElectronHostOptions {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder' | 'openPath'>;
  net: Pick<Net, 'isOnline'>;
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;
  /** Folder the save dialog starts in (`app.getPath('documents')`). */
  documentsDir: () => string;
  /** The window a dialog belongs to, so it is modal to it; null when none is open. */
  parentWindow: () => BaseWindow | null;
}

/**
 * The core's desktop services (ports.ts `HostPort`) on Electron: the system save dialog,
 * "show in folder", and Chromium's online hint. Electron is passed in, so this is tested
 * with fakes.
 */
export function createElectronHost(options: ElectronHostOptions): HostPort {
  return {
    async chooseSavePath(suggestedName) {
      const defaultPath = join(options.documentsDir(), safeFileName(suggestedName));
      const parent = options.parentWindow();
      const dialogOptions = { defaultPath, properties: ['showOverwriteConfirmation' as const] };
      const result = parent
        ? await options.dialog.showSaveDialog(parent, dialogOptions)
        : await options.dialog.showSaveDialog(dialogOptions);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    revealInFolder(path) {
      // Only a full path means anything to the file manager; a relative one would resolve
      // against the app's working folder, which the clerk never sees.
      if (isAbsolute(path)) options.shell.showItemInFolder(path);
      return Promise.resolve();
    },
    isOnline() {
      return options.net.isOnline();
    },
    protectSecret(plain) {
      // A signing key must never be written in the clear on a desktop: refuse rather
      // than fall back when the operating system offers no protection.
      if (!options.safeStorage.isEncryptionAvailable()) {
        throw new Error('The operating system offers no protected storage for the office key.');
      }
      return options.safeStorage.encryptString(plain.toString('base64'));
    },
    unprotectSecret(stored) {
      return Buffer.from(options.safeStorage.decryptString(stored), 'base64');
    },
    async presentFile(path) {
      // openPath answers an error message, or '' when the viewer opened.
      const problem = await options.shell.openPath(path);
      if (problem) throw new Error(`The file could not be opened: ${problem}`);
      return { url: null };
    },
  };
}
