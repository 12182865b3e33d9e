import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAuditCertificatePdf, type AuditCertificateDocument } from './audit-certificate-pdf';

const fontsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../resources/fonts');
const tools = ['pdftotext', 'pdfinfo', 'pdftoppm', 'zbarimg'].every(
  (command) => spawnSync(command, ['-v'], { stdio: 'ignore' }).error === undefined,
);
const dir = mkdtempSync(join(tmpdir(), 'audit-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QR = 'https://registry.rcs.mizoram.gov.in/verify?c=eyJ2IjoxfQ.c2lnbmF0dXJl';

function certificate(overrides: Partial<AuditCertificateDocument> = {}): AuditCertificateDocument {
  return {
    kind: 'audit',
    stateName: 'Mizoram',
    officeName: 'Office of the Assistant Registrar of Cooperative Societies, Aizawl',
    officeAddress: 'Aizawl, Mizoram - 796001',
    societyName: 'Ṭhutmun Multipurpose Credit Cooperative Society Ltd.',
    regNo: '760/49',
    registeredOn: '1949-06-15',
    typeName: 'Primary Agricultural Credit Society (PACS)',
    address: 'Main Road, Ṭhutmun',
    fy: '2025-26',
    grade: 'B',
    totalMarks: 52,
    maxMarks: 100,
    auditorName: 'Lalduhawma Ṭochhawng',
    auditorKind: 'departmental',
    fieldworkFrom: '2026-10-05',
    fieldworkTo: '2026-10-09',
    submittedOn: '2026-10-20',
    summary: 'Books written up to 31-03-2026.',
    observations: [
      {
        para: 1,
        kind: 'defect',
        category: 'cash_and_bank',
        amountPaise: 12_500_00,
        description: 'Cash book not written up from January to March.',
        recommendation: 'Write up the cash book.',
        rectificationDueOn: '2027-02-23',
      },
    ],
    registrarName: 'Zothanpuii Ralte',
    registrarDesignation: 'Assistant Registrar of Cooperative Societies, Aizawl',
    serial: 'AC/AIZ/2026-27/000001',
    issuedOn: '2026-11-23',
    qrText: QR,
    ...overrides,
  };
}

function read(pdf: Buffer, name: string) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pages = Number(
    /Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
  );
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-f', '1', '-singlefile', '-r', '150', '-png', file, join(dir, name)]);
  const qr = spawnSync('zbarimg', ['-q', '--raw', join(dir, `${name}.png`)], {
    encoding: 'utf8',
  }).stdout.trim();
  return { pages, text, qr };
}

describe.skipIf(!tools)('the audit certificate and memo', () => {
  it('prints the class, the memo on its own page, and a QR code that scans', async () => {
    const { pages, text, qr } = read(
      await renderAuditCertificatePdf(certificate(), fontsDir),
      'plain',
    );
    expect(pages).toBe(2);
    expect(text).toContain('AUDIT CERTIFICATE');
    expect(text).toContain('Class B');
    expect(text).toContain('52 of 100 marks (52.00 %)');
    expect(text).toContain('Para 1 · Defect · Cash and bank · amount involved ₹12,500.00');
    expect(text).toContain('Ṭhutmun');
    expect(qr).toBe(QR);
  });

  it('gives the same bytes for the same certificate, so a reprint is identical', async () => {
    const first = await renderAuditCertificatePdf(certificate(), fontsDir);
    expect((await renderAuditCertificatePdf(certificate(), fontsDir)).equals(first)).toBe(true);
  });

  it('prints the longest names, remarks and paragraphs the forms allow, over as many pages as they need', async () => {
    const long = certificate({
      societyName: `${'Ṭhutmun Khawruhlian Multipurpose Credit '.repeat(5)}Ltd.`.slice(0, 200),
      address: 'Venglai, near the community hall, '.repeat(9).slice(0, 300),
      summary: 'CASH COUNTED AND FOUND SHORT AT THE ṬHUTMUN OFFICE. '.repeat(60).slice(0, 3000),
      observations: Array.from({ length: 12 }, (_, index) => ({
        para: index + 1,
        kind: 'defect' as const,
        category: 'loans_and_recovery' as const,
        amountPaise: 1_00_000_00,
        description:
          `Finding ${index + 1}. ${'Loans overdue for over a year at Ṭhutmun. '.repeat(50)}`.slice(
            0,
            2000,
          ),
        recommendation: 'Recover the loans or file recovery cases. '.repeat(30).slice(0, 1000),
        rectificationDueOn: '2027-02-23',
      })),
    });
    const { pages, text, qr } = read(await renderAuditCertificatePdf(long, fontsDir), 'long');
    expect(pages).toBeGreaterThan(5);
    expect(text).toContain('Para 12');
    // The long particulars stepped down and left the QR code clear to scan.
    expect(qr).toBe(QR);
  });
});
