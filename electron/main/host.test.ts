import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../core/safe-file-name';
import { createElectronHost } from './host';

function setup(result: { canceled: boolean; filePath: string }, parent: object | null = null) {
  const dialog = { showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve(result)) };
  const shell = { showItemInFolder: vi.fn(), openPath: vi.fn(() => Promise.resolve('')) };
  const net = { isOnline: vi.fn(() => false) };
  // A stand-in for safeStorage: reversible, but visibly not the plain text.
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => true),
    encryptString: vi.fn((text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`)),
    decryptString: vi.fn((data: Buffer) => [...data.toString().slice(4)].reverse().join('')),
  };
  const host = createElectronHost({
    dialog: dialog as never,
    shell,
    net,
    safeStorage,
    documentsDir: () => '/home/clerk/Documents',
    parentWindow: () => parent as never,
  });
  return { host, dialog, shell, net, safeStorage };
}

describe('createElectronHost', () => {
  it('opens a file in the system viewer, and says when it cannot', async () => {
    const { host, shell } = setup({ canceled: true, filePath: '' });
    await expect(host.presentFile('/data/printouts/RC-AIZ.pdf')).resolves.toEqual({ url: null });
    expect(shell.openPath).toHaveBeenCalledWith('/data/printouts/RC-AIZ.pdf');
    shell.openPath.mockResolvedValueOnce('No application is associated with PDF files');
    await expect(host.presentFile('/data/printouts/RC-AIZ.pdf')).rejects.toThrow(/No application/);
  });

  it('protects a secret with the operating system and gets it back', () => {
    const { host, safeStorage } = setup({ canceled: true, filePath: '' });
    const key = Buffer.from('private key bytes');
    const stored = host.protectSecret(key);
    expect(stored.includes(key)).toBe(false);
    expect(host.unprotectSecret(stored)).toEqual(key);
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(() => host.protectSecret(key)).toThrow(/no protected storage/);
  });

  it('asks where to save, starting in Documents with the suggested name', async () => {
    const { host, dialog } = setup({
      canceled: false,
      filePath: '/home/clerk/Documents/register.xlsx',
    });
    await expect(host.chooseSavePath('register.xlsx')).resolves.toBe(
      '/home/clerk/Documents/register.xlsx',
    );
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join('/home/clerk/Documents', 'register.xlsx'),
      properties: ['showOverwriteConfirmation'],
    });
  });

  it('makes the dialog modal to the open window', async () => {
    const window = { id: 1 };
    const { host, dialog } = setup({ canceled: false, filePath: '/x/y.pdf' }, window);
    await host.chooseSavePath('y.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ properties: ['showOverwriteConfirmation'] }),
    );
  });

  it('returns null when the clerk cancels', async () => {
    await expect(
      setup({ canceled: true, filePath: '' }).host.chooseSavePath('a.csv'),
    ).resolves.toBeNull();
    await expect(
      setup({ canceled: false, filePath: '' }).host.chooseSavePath('a.csv'),
    ).resolves.toBeNull();
  });

  it('reveals only full paths in the file manager', async () => {
    const { host, shell } = setup({ canceled: true, filePath: '' });
    await host.revealInFolder('/home/clerk/Documents/certificate.pdf');
    await host.revealInFolder('certificate.pdf');
    expect(shell.showItemInFolder).toHaveBeenCalledOnce();
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/home/clerk/Documents/certificate.pdf');
  });

  it("passes on Chromium's online hint", () => {
    const { host, net } = setup({ canceled: true, filePath: '' });
    expect(host.isOnline()).toBe(false);
    expect(net.isOnline).toHaveBeenCalledOnce();
  });
});

describe('safeFileName', () => {
  it.each([
    ['register.xlsx', 'register.xlsx'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['Societies: Aizawl <2025>?.csv', 'Societies_ Aizawl _2025__.csv'],
    ['name\u0000.pdf', 'name_.pdf'],
    ['..', 'export'],
    ['', 'export'],
    ['   ', 'export'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});
