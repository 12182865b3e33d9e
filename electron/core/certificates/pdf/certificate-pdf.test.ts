import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  renderCertificatePdf,
  renderCertificatesPdf,
  type CertificateDocument,
} from './certificate-pdf';
import { CERTIFICATE_FONT_FILES } from './fonts';

const fontsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../resources/fonts');

function hasTool(command: string, versionFlag: string): boolean {
  return spawnSync(command, [versionFlag], { stdio: 'ignore' }).error === undefined;
}
const missingTools = [
  ['pdftotext', '-v'],
  ['pdftoppm', '-v'],
  ['pdfinfo', '-v'],
  ['zbarimg', '--version'],
]
  .filter(([command, flag]) => !hasTool(command ?? '', flag ?? ''))
  .map(([command]) => command);
const noTools = missingTools.length > 0;
if (noTools) {
  console.warn(
    `Skipping the certificate PDF checks that read the PDF: ${missingTools.join(', ')} not ` +
      'installed (apt-get install poppler-utils zbar-tools).',
  );
}

const VILLAGES = ['Aizawl', 'Ṭhingsulṭhliah', 'Sairang', 'Sihphir', 'Durtlang', 'Ṭuirial'];

function certificate(overrides: Partial<CertificateDocument> = {}): CertificateDocument {
  return {
    kind: 'registration',
    duplicate: null,
    stateName: 'Mizoram',
    officeName: 'Office of the Assistant Registrar of Cooperative Societies, Aizawl',
    officeAddress: 'Aizawl, Mizoram - 796001',
    societyName: 'Ṭhutmun Fishery Cooperative Society Ltd.',
    societyNameMizo: 'Ṭhutmun Sangha Vulh Cooperative Society',
    regNo: 'RCS/AIZ/2026-27/0001',
    registeredOn: '2026-04-15',
    typeName: 'Fishery cooperative society',
    address: 'House No. 12, Chanmari West, Aizawl, Mizoram - 796007',
    areaOfOperation: VILLAGES.slice(0, 4),
    registrarName: 'Lalṭhangliana Ralte',
    registrarDesignation: 'Assistant Registrar of Cooperative Societies, Aizawl',
    serial: 'RC/AIZ/2026-27/000001',
    issuedOn: '2026-04-20',
    qrText: verificationUrl(1),
    ...overrides,
  };
}

/** A URL of the length the signed payload gives (≈ 200 ASCII characters). */
function verificationUrl(n: number): string {
  const payload = Buffer.from(Array.from({ length: 130 }, (_, i) => (n + i * 7) % 256));
  return `https://verify.rcs.mizoram.gov.in/c?p=${payload.toString('base64url')}`;
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let fileCount = 0;
function save(pdf: Buffer): string {
  fileCount += 1;
  const path = join(scratch, `certificate-${fileCount}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  }
  return result.stdout;
}

/** The text of the PDF as a reader would copy it, whitespace collapsed. */
function textOf(path: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', path, '-']).replace(/\s+/gu, ' ');
}

function pageCount(path: string): number {
  return Number(/^Pages:\s+(\d+)/mu.exec(run('pdfinfo', [path]))?.[1]);
}

/** Renders one page at 150 dpi, the way a phone sees a printed page, and reads its QR code. */
function decodeQr(path: string, page = 1): string {
  const png = join(scratch, `page-${fileCount}-${page}`);
  run('pdftoppm', [
    '-r',
    '150',
    '-png',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    '-singlefile',
    path,
    png,
  ]);
  return run('zbarimg', ['--raw', '-q', `${png}.png`]).trimEnd();
}

describe('certificate fonts', () => {
  it.each(Object.values(CERTIFICATE_FONT_FILES))(
    '%s has real glyphs for the Mizo letters',
    (file) => {
      const probe = new PDFDocument({ autoFirstPage: false }).font(join(fontsDir, file));
      const font = (
        probe as unknown as { _font: { font: { glyphForCodePoint(cp: number): { id: number } } } }
      )._font.font;
      const missing = [...'ṭṬâêîôûÂÊÎÔÛ'].filter(
        (letter) => font.glyphForCodePoint(letter.codePointAt(0) ?? 0).id === 0,
      );
      expect(missing).toEqual([]);
    },
  );

  it('names the missing file when the fonts folder is wrong', async () => {
    await expect(renderCertificatePdf(certificate(), join(scratch, 'no-fonts'))).rejects.toThrow(
      /NotoSerif-Regular\.ttf could not be read/u,
    );
  });
});

describe('renderCertificatePdf', () => {
  it.skipIf(noTools)('prints the particulars, with ṭ as the letter, not a box', async () => {
    const path = save(await renderCertificatePdf(certificate(), fontsDir));
    const text = textOf(path);
    expect(pageCount(path)).toBe(1);
    expect(text).toContain('CERTIFICATE OF REGISTRATION');
    expect(text).toContain('GOVERNMENT OF MIZORAM');
    expect(text).toContain('Ṭhutmun Fishery Cooperative Society Ltd.');
    expect(text).toContain('(Ṭhutmun Sangha Vulh Cooperative Society)');
    expect(text).toContain('RCS/AIZ/2026-27/0001');
    expect(text).toContain('registered on 15-04-2026');
    expect(text).toContain('Date of issue: 20-04-2026');
    expect(text).toContain('RC/AIZ/2026-27/000001');
    expect(text).toContain('Lalṭhangliana Ralte');
    expect(text).toContain('Assistant Registrar of Cooperative Societies, Aizawl');
    expect(text).toContain('Aizawl, Ṭhingsulṭhliah, Sairang, Sihphir.');
    expect(text).toContain('Signature and seal');
    expect(text).not.toContain('DUPLICATE');
  });

  it.skipIf(noTools)('has a QR code a phone can read, carrying exactly the URL', async () => {
    const doc = certificate();
    const path = save(await renderCertificatePdf(doc, fontsDir));
    expect(decodeQr(path)).toBe(doc.qrText);
  });

  it('gives the same bytes for the same input, whatever the clock says', async () => {
    const first = await renderCertificatePdf(certificate(), fontsDir);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-01-02T03:04:05Z'));
      const reprint = await renderCertificatePdf(certificate(), fontsDir);
      expect(reprint.equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    // Renders share the parsed fonts; running side by side must not mix their subsets.
    const together = await Promise.all([
      renderCertificatePdf(certificate(), fontsDir),
      renderCertificatePdf(certificate(), fontsDir),
    ]);
    expect(together.every((pdf) => pdf.equals(first))).toBe(true);
    const other = await renderCertificatePdf(
      certificate({ serial: 'RC/AIZ/2026-27/000002' }),
      fontsDir,
    );
    expect(other.equals(first)).toBe(false);
  });

  it('prints a name typed with a combining dot below the same as one with ṭ', async () => {
    const composed = await renderCertificatePdf(certificate(), fontsDir);
    const decomposed = await renderCertificatePdf(
      certificate({ societyName: 'Ṭhutmun Fishery Cooperative Society Ltd.'.normalize('NFD') }),
      fontsDir,
    );
    expect(decomposed.equals(composed)).toBe(true);
  });

  it.skipIf(noTools)('marks a duplicate, names the original, and its QR still reads', async () => {
    const doc = certificate({
      serial: 'RC/AIZ/2026-27/000057',
      issuedOn: '2026-09-02',
      qrText: verificationUrl(57),
      duplicate: { originalSerial: 'RC/AIZ/2026-27/000001', issuedOn: '2026-04-20' },
    });
    const path = save(await renderCertificatePdf(doc, fontsDir));
    const text = textOf(path);
    expect(text).toContain('DUPLICATE');
    expect(text).toContain('Duplicate of certificate RC/AIZ/2026-27/000001 issued on 20-04-2026');
    expect(text).toContain('Date of issue: 02-09-2026');
    expect(text).toContain('Ṭhutmun Fishery Cooperative Society Ltd.');
    expect(decodeQr(path)).toBe(doc.qrText);
  });

  it.skipIf(noTools)(
    'keeps a 200-character name and 120 villages on one page, accounting for every village',
    async () => {
      const name =
        'Ṭhutmun Multipurpose Fishery Piggery Handloom and Handicraft Marketing Cooperative Society of the Tlawng Valley Villages '
          .repeat(2)
          .slice(0, 200);
      const villages = Array.from({ length: 120 }, (_, i) => `${VILLAGES[i % 6]} ${i + 1}`);
      const doc = certificate({ societyName: name, areaOfOperation: villages });
      const path = save(await renderCertificatePdf(doc, fontsDir));
      expect(pageCount(path)).toBe(1);
      const text = textOf(path);
      // A long name wraps, so compare it word by word.
      const words = name.split(' ');
      expect(text).toContain(words.slice(0, 6).join(' '));
      expect(text).toContain(words.slice(-4).join(' '));
      expect(text).toContain('Signature and seal');
      const more =
        /([^,]+?) (\d+) and (\d+) more villages \(full list in the register of societies\)/u.exec(
          text,
        );
      if (more) {
        expect(Number(more[2]) + Number(more[3])).toBe(120);
      } else {
        expect(text).toContain('Ṭuirial 120.');
      }
      expect(decodeQr(path)).toBe(doc.qrText);
    },
  );

  it('rejects a date that is not YYYY-MM-DD', async () => {
    await expect(
      renderCertificatePdf(certificate({ registeredOn: '15-04-2026' }), fontsDir),
    ).rejects.toThrow(/registeredOn "15-04-2026" is not a date/u);
  });
});

describe('renderCertificatesPdf', () => {
  it.skipIf(noTools)('prints a batch one certificate a page, each with its own QR', async () => {
    const docs = Array.from({ length: 50 }, (_, i) =>
      certificate({
        serial: `RC/AIZ/2026-27/${String(i + 1).padStart(6, '0')}`,
        regNo: `RCS/AIZ/2026-27/${String(i + 1).padStart(4, '0')}`,
        qrText: verificationUrl(i + 1),
        areaOfOperation: i % 10 === 0 ? VILLAGES.concat(VILLAGES, VILLAGES) : VILLAGES,
      }),
    );
    const progress: number[] = [];
    const path = save(await renderCertificatesPdf(docs, fontsDir, (done) => progress.push(done)));
    expect(pageCount(path)).toBe(50);
    expect(progress).toEqual(docs.map((_, i) => i + 1));
    for (const page of [1, 26, 50]) {
      expect(decodeQr(path, page)).toBe(docs[page - 1]?.qrText);
    }
    const text = textOf(path);
    expect(text).toContain('RC/AIZ/2026-27/000050');
  });

  it('gives the same bytes for the same batch', async () => {
    const docs = [certificate(), certificate({ serial: 'RC/AIZ/2026-27/000002' })];
    const first = await renderCertificatesPdf(docs, fontsDir);
    const again = await renderCertificatesPdf(docs, fontsDir);
    expect(again.equals(first)).toBe(true);
  });

  it('refuses an empty batch', async () => {
    await expect(renderCertificatesPdf([], fontsDir)).rejects.toThrow(/no certificates/u);
  });
});
