import { beforeEach, describe, expect, it } from 'vitest';
import { approvedApplication } from '../fixtures/applications';
import type { Desktop } from '../fixtures/sync-harness';
import { serverPerTest } from '../fixtures/sync-suite';

const suite = serverPerTest();
let desk: Desktop;

beforeEach(async () => {
  desk = await suite.desktop('a');
});

/** An application received by the clerk and approved by the registrar: a certificate. */
async function registerSociety(): Promise<{ qrText: string; societyId: string }> {
  const { societyId } = await approvedApplication(desk, {
    proposedName: 'Ṭuikual Fish Farmers Cooperative Society Ltd.',
    address: 'Ṭuikual South, Aizawl',
  });
  const [certificate] = await desk.core.call(
    'certificates.list',
    { societyId },
    desk.sessions.clerk,
  );
  return {
    qrText: desk.core.services.certificates.printable(certificate!.serial).qrText,
    societyId,
  };
}

async function page(
  query: string,
): Promise<{ status: number; html: string; csp: string | undefined }> {
  const response = await suite.server.app.inject({ method: 'GET', url: `/verify${query}` });
  return {
    status: response.statusCode,
    html: response.body,
    csp: response.headers['content-security-policy'] as string | undefined,
  };
}

describe('the public verification page', () => {
  it('shows a synced certificate as valid, with the society’s status on the state register today', async () => {
    const { qrText } = await registerSociety();
    await desk.sync();
    // The number given before its application was saved waited a moment on the server, then
    // went through in the same push: nothing is left for the registrar.
    expect(await desk.core.call('sync.status', {}, desk.sessions.clerk)).toMatchObject({
      pending: 0,
      issues: 0,
    });
    const code = new URL(qrText).searchParams.get('c')!;
    const shown = await page(`?c=${encodeURIComponent(code)}`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('<h2>Valid</h2>');
    expect(shown.html).toContain('Ṭuikual Fish Farmers Cooperative Society Ltd.');
    expect(shown.html).toContain('RCS/AIZ/2026-27/0001');
    expect(shown.html).toContain('ARCS Aizawl');
    expect(shown.html).toMatch(
      /On the state register today: <strong>Ṭuikual Fish Farmers Cooperative Society Ltd\.<\/strong>, Registered since 23-11-2026/,
    );
    // No script may run on the page: nothing there needs it.
    expect(shown.csp).toContain("default-src 'none'");
    expect(shown.html).not.toContain('<script');
  });

  it('refuses a code whose text was changed after signing, and one from a key no office published', async () => {
    const { qrText } = await registerSociety();
    await desk.sync();
    const [payload, signature] = new URL(qrText).searchParams.get('c')!.split('.') as [
      string,
      string,
    ];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      string
    >;
    const forged = Buffer.from(JSON.stringify({ ...claims, m: 'Another Society Ltd.' })).toString(
      'base64url',
    );
    expect((await page(`?c=${forged}.${signature}`)).html).toContain('<h2>Altered</h2>');
    const foreign = Buffer.from(JSON.stringify({ ...claims, k: 'AIZ-unknown1' })).toString(
      'base64url',
    );
    expect((await page(`?c=${foreign}.${signature}`)).html).toContain(
      'Not signed by a known office',
    );
  });

  it('before the desktop synced its key, cannot vouch for the certificate; with no code, asks for one', async () => {
    const { qrText } = await registerSociety();
    const code = new URL(qrText).searchParams.get('c')!;
    expect((await page(`?c=${encodeURIComponent(code)}`)).html).toContain(
      'Not signed by a known office',
    );
    const empty = await page('');
    expect(empty.html).toContain('Scan a certificate');
    expect((await page('?c=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).html).not.toContain(
      '<script>alert',
    );
  });
});
