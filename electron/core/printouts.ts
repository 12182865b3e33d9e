import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostPort } from './ports';

/** Where printouts go (the data folder's `printouts/`) and who puts them before the user. */
export interface PrintoutFiles {
  printoutsDir: string;
  host: Pick<HostPort, 'presentFile'>;
}

/**
 * Writes `bytes` to the printouts folder as `fileName` and presents the file for printing.
 * Written beside and renamed, so a viewer never opens half a file.
 */
export async function presentPrintout(
  files: PrintoutFiles,
  fileName: string,
  bytes: Buffer | Uint8Array,
): Promise<{ fileName: string; url: string | null }> {
  mkdirSync(files.printoutsDir, { recursive: true });
  const path = join(files.printoutsDir, fileName);
  writeFileSync(`${path}.partial`, bytes);
  renameSync(`${path}.partial`, path);
  const { url } = await files.host.presentFile(path);
  return { fileName, url };
}
