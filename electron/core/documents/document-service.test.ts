import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SocietyDetail } from '#shared/societies/contract';
import { validSociety } from '../../../tests/fixtures/societies';
import { createTestCore, type TestCore, failure } from '../../../tests/fixtures/test-core';

let core: TestCore;
let society: SocietyDetail;

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const attach = (content: Buffer, fileName = 'Bank certificate.pdf') =>
  core.call('documents.add', {
    ownerEntity: 'society',
    ownerId: society.id,
    purpose: 'bank_certificate',
    fileName,
    contentBase64: content.toString('base64'),
  });

beforeEach(async () => {
  core = createTestCore();
  await core.signInAs('clerk');
  const reference = await core.call('reference.get', {});
  society = await core.call('societies.create', { society: validSociety(reference) });
});
afterEach(() => core.dispose());

describe('attached documents', () => {
  it('are kept once under their SHA-256 and listed with the record', async () => {
    const first = await attach(pdf('MCAB certificate'));
    expect(first).toMatchObject({
      fileName: 'Bank certificate.pdf',
      mimeType: 'application/pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const stored = join(core.dataDir, 'documents', first.sha256.slice(0, 2), `${first.sha256}.pdf`);
    expect(readFileSync(stored)).toEqual(pdf('MCAB certificate'));
    // The same content again is a second record of one file.
    await attach(pdf('MCAB certificate'), 'Copy.pdf');
    expect(readdirSync(join(core.dataDir, 'documents', first.sha256.slice(0, 2)))).toHaveLength(1);
    expect(
      (await core.call('documents.list', { ownerId: society.id })).map((d) => d.fileName),
    ).toEqual(['Bank certificate.pdf', 'Copy.pdf']);
  });

  it('open as a copy under their own name, and refuse to open if the stored bytes changed', async () => {
    const added = await attach(pdf('Bye-laws'), 'Bye-laws: 2026?.pdf');
    const opened = await core.call('documents.open', { id: added.id });
    expect(opened).toEqual({ fileName: 'Bye-laws: 2026?.pdf', url: null });
    expect(
      existsSync(join(core.dataDir, 'printouts', added.sha256.slice(0, 12), 'Bye-laws_ 2026_.pdf')),
    ).toBe(true);
    writeFileSync(
      join(core.dataDir, 'documents', added.sha256.slice(0, 2), `${added.sha256}.pdf`),
      pdf('forged'),
    );
    expect(await failure(core.call('documents.open', { id: added.id }))).toMatchObject({
      code: 'conflict',
      message:
        'Bye-laws: 2026?.pdf was changed on disk after it was attached. Restore it from a backup.',
    });
  });

  it('refuse what is not a PDF, JPEG or PNG, an empty file, and a record that does not exist', async () => {
    expect((await failure(attach(Buffer.from('MZ\u0090 an .exe named .pdf')))).message).toBe(
      'Attach a PDF, JPEG or PNG file.',
    );
    expect((await failure(attach(Buffer.alloc(0)))).message).toBe('The file is empty.');
    const orphan = await failure(
      core.call('documents.add', {
        ownerEntity: 'society',
        ownerId: '01890000-0000-7000-8000-000000000099',
        purpose: 'other',
        fileName: 'x.pdf',
        contentBase64: pdf('x').toString('base64'),
      }),
    );
    expect(orphan.code).toBe('not_found');
    expect(await core.call('documents.list', { ownerId: society.id })).toEqual([]);
  });
});
