import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRegistrationCore } from '../../../tests/fixtures/applications';
import { testPng } from '../../../tests/fixtures/test-png';
import { failure, type TestCore } from '../../../tests/fixtures/test-core';

let core: TestCore;
let printCertificate: () => Promise<Buffer>;

const ADMIN = 'admin';
const base64 = (bytes: Buffer) => bytes.toString('base64');
const setImage = (kind: 'state_emblem' | 'department_logo', bytes: Buffer) =>
  core.call('reference.setLetterheadImage', { kind, contentBase64: base64(bytes) }, ADMIN);
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/gu, ' ');
/** Pictures drawn on the PDF's pages (pdfimages lists each image object it finds). */
const imagesIn = (pdf: Buffer) => {
  const file = join(core.dataDir, 'images-check.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => /\bimage\b/u.test(line));
};

beforeEach(async () => {
  const setting = await startRegistrationCore();
  core = setting.core;
  await core.signInAs('administrator', { sessionId: ADMIN });
  const received = await core.call(
    'applications.receive',
    { application: setting.application() },
    'clerk',
  );
  const approved = await setting.approve(received.id);
  const [certificate] = await core.call(
    'certificates.list',
    { societyId: approved.societyId! },
    'clerk',
  );
  printCertificate = async () => {
    const printed = await core.call('certificates.print', { serial: certificate!.serial }, 'clerk');
    return readFileSync(join(core.dataDir, 'printouts', printed.fileName));
  };
});
afterEach(() => core.dispose());

describe('the state emblem and the department logo', () => {
  it('are plainly "not set" on a certificate until the administrator sets them', async () => {
    const pdf = await printCertificate();
    expect(pdfText(pdf)).toContain('Emblem not set');
    expect(pdfText(pdf)).toContain('Logo not set');
    expect(pdfText(pdf)).not.toContain('EMBLEM');
    expect(imagesIn(pdf)).toHaveLength(0);
    const letterhead = await core.call('reference.letterhead', {}, 'clerk');
    expect(letterhead).toMatchObject({ stateEmblem: null, departmentLogo: null });
    expect(letterhead.limits).toEqual({
      maxBytes: 512 * 1024,
      minPixels: 200,
      maxPixels: 4000,
      maxAspect: 3,
    });
  });

  it('once set, print on the certificate in place of the placeholder, for every office', async () => {
    const emblem = testPng(240, 240);
    const set = await setImage('state_emblem', emblem);
    expect(set.stateEmblem).toMatchObject({
      mimeType: 'image/png',
      width: 240,
      height: 240,
      size: emblem.length,
      setBy: 'Test Administrator',
      dataUrl: `data:image/png;base64,${base64(emblem)}`,
    });
    expect(set.departmentLogo).toBeNull();
    // A clerk of another office sees the same picture: it is reference data.
    expect((await core.call('reference.letterhead', {}, 'clerk')).stateEmblem?.size).toBe(
      emblem.length,
    );

    const pdf = await printCertificate();
    const text = pdfText(pdf);
    expect(text).not.toContain('Emblem not set');
    expect(text).toContain('Logo not set');
    expect(imagesIn(pdf).length).toBeGreaterThan(0);
    // A reprint is the same file.
    expect((await printCertificate()).equals(pdf)).toBe(true);

    // It syncs: one append-only row in the outbox, the picture named by its hash only.
    const outbox = core.services.sqlite
      .prepare(`SELECT name, args FROM outbox WHERE name LIKE 'referenceImage.%'`)
      .all() as { name: string; args: string }[];
    expect(outbox.map((row) => row.name)).toEqual(['referenceImage.set']);
    expect(outbox[0]!.args).not.toContain(base64(emblem).slice(0, 40));

    const removed = await core.call(
      'reference.removeLetterheadImage',
      { kind: 'state_emblem' },
      ADMIN,
    );
    expect(removed.stateEmblem).toBeNull();
    expect(pdfText(await printCertificate())).toContain('Emblem not set');
  });

  it('refuse a file that is not a PNG or JPEG, an SVG, one too big or too small, changing nothing', async () => {
    await setImage('department_logo', testPng(300, 200));
    const before = await core.call('reference.letterhead', {}, ADMIN);
    const refusal = (bytes: Buffer) => failure(setImage('department_logo', bytes));

    const pdfFile = await refusal(Buffer.from('%PDF-1.7 not a picture'));
    expect(pdfFile).toMatchObject({
      code: 'invalid_input',
      message: 'This file is not a PNG or JPEG picture. Choose the logo saved as PNG or JPEG.',
      fields: { content: expect.stringContaining('not a PNG or JPEG') },
    });
    // A PNG's name and first bytes, but the rest is not a picture.
    const damaged = Buffer.concat([testPng(300, 300).subarray(0, 40), Buffer.alloc(200, 7)]);
    expect((await refusal(damaged)).message).toMatch(/looks like a PNG but cannot be read/u);
    expect(
      (await refusal(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')))
        .message,
    ).toBe(
      'SVG files cannot be printed yet. Save the logo as a PNG (at least 200 pixels across) and choose that file.',
    );
    expect((await refusal(testPng(150, 150))).message).toBe(
      'The picture is 150 × 150 pixels; the logo needs at least 200 pixels on its shorter side to print sharply. Choose a larger picture.',
    );
    expect((await refusal(testPng(900, 200))).message).toMatch(
      /more than 3 times as wide as it is high/u,
    );
    // Noise does not compress: a 600 × 600 picture of it is far over 512 KB.
    let seed = 1;
    const noise = testPng(600, 600, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return [seed & 255, (seed >> 8) & 255, (seed >> 16) & 255, 255];
    });
    expect((await refusal(noise)).message).toMatch(
      /^The file is \d+ KB; the logo may be at most 512 KB\./u,
    );

    expect(await core.call('reference.letterhead', {}, ADMIN)).toEqual(before);
    const rows = core.services.sqlite
      .prepare(`SELECT count(*) AS n FROM reference_images`)
      .get() as { n: number };
    expect(rows.n).toBe(1);
  });

  it('may be set by the administrator only', async () => {
    const refused = await failure(
      core.call(
        'reference.setLetterheadImage',
        { kind: 'state_emblem', contentBase64: base64(testPng(240, 240)) },
        'registrar',
      ),
    );
    expect(refused.code).toBe('forbidden');
  });
});
