import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TEST_PASSWORD,
  type TestCore,
  failure,
  type MovableClock,
} from '../../../tests/fixtures/test-core';
import {
  startRegistrationCore,
  type RegistrationSetting,
} from '../../../tests/fixtures/applications';

let core: TestCore;
let clock: MovableClock;

let application: RegistrationSetting['application'];
let approve: RegistrationSetting['approve'];

beforeEach(async () => {
  ({ core, clock, application, approve } = await startRegistrationCore());
});
afterEach(() => core.dispose());

describe('deemed registration', () => {
  it('is recorded only once the statutory period has run out, and registers the society', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const early = await failure(
      core.call(
        'applications.recordDeemed',
        { id: received.id, baseVersion: received.version },
        'registrar',
      ),
    );
    expect(early.message).toBe(
      'The statutory period ends on 31-01-2027; deemed registration can be recorded only after it.',
    );
    clock.advanceDays(70);
    await core.call('auth.unlock', { password: TEST_PASSWORD }, 'registrar');
    const deemed = await core.call(
      'applications.recordDeemed',
      { id: received.id, baseVersion: received.version },
      'registrar',
    );
    expect(deemed).toMatchObject({ state: 'deemed', clock: null });
    expect(deemed.decisionReasons).toBe(
      'Not decided within the statutory period, which ended on 31-01-2027.',
    );
    const society = await core.call('societies.get', { id: deemed.societyId! }, 'registrar');
    expect(society).toMatchObject({
      basis: 'deemed',
      status: 'registered',
      regNo: 'RCS/AIZ/2026-27/0001',
    });
    const keys = await core.call('certificates.keys', {}, 'registrar');
    expect(keys).toEqual([
      expect.objectContaining({
        officeCode: 'AIZ',
        keyId: expect.stringMatching(/^AIZ-/),
        retiredAt: null,
      }),
    ]);
  });
});

describe('certificates', () => {
  it('tell an altered code, an unknown key and a revoked certificate apart', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const [certificate] = await core.call(
      'certificates.list',
      { societyId: approved.societyId! },
      'clerk',
    );
    const { qrText } = core.services.certificates.printable(certificate!.serial);
    const verify = (text: string) => core.call('certificates.verify', { text }, 'clerk');

    // One bit of the payload changed (the society name): the signature no longer matches.
    const [url, token] = qrText.split('?c=') as [string, string];
    const [payload, signature] = token.split('.') as [string, string];
    const bytes = Buffer.from(payload, 'base64url');
    const at = bytes.indexOf(Buffer.from('Fish'));
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    expect((await verify(`${url}?c=${bytes.toString('base64url')}.${signature}`)).status).toBe(
      'altered',
    );
    const sig = Buffer.from(signature, 'base64url');
    sig.writeUInt8(sig.readUInt8(0) ^ 0x01, 0);
    expect((await verify(`${payload}.${sig.toString('base64url')}`)).status).toBe('altered');
    // The last letter of the signature has spare bits; changing them is still a change.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const spare = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 0x01]!;
    expect(Buffer.from(spare, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect((await verify(`${payload}.${spare}`)).status).toBe('altered');
    expect((await verify('not a certificate')).status).toBe('unreadable');
    const otherKey = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    otherKey['k'] = 'AIZ-forged00';
    expect(
      (await verify(`${Buffer.from(JSON.stringify(otherKey)).toString('base64url')}.${signature}`))
        .status,
    ).toBe('unknown_key');

    // Deregistration (two status orders: liquidation, then deregistration) revokes it.
    for (const toStatus of ['under_liquidation', 'deregistered'] as const) {
      const order = await core.call(
        'statusOrders.propose',
        {
          societyId: approved.societyId!,
          toStatus,
          effectiveOn: '2026-11-23',
          orderRef: `ARCS/AZL/${toStatus}`,
          reason: 'Promoters asked for winding up',
        },
        'clerk',
      );
      await core.call(
        'statusOrders.decide',
        { id: order.id, decision: 'approve', note: null, password: TEST_PASSWORD },
        'registrar',
      );
    }
    expect(await verify(qrText)).toMatchObject({
      status: 'revoked',
      revokedReason: 'Society deregistered by order ARCS/AZL/deregistered',
    });
    // The register offers it neither for printing nor for a duplicate.
    expect(
      await core.call('certificates.list', { societyId: approved.societyId! }, 'clerk'),
    ).toMatchObject([{ serial: certificate!.serial, printable: false, duplicable: false }]);
  });

  it('refuse a code signed with one office’s key for another office, or a second code for one serial', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const [certificate] = await core.call(
      'certificates.list',
      { societyId: approved.societyId! },
      'clerk',
    );
    const { qrText } = core.services.certificates.printable(certificate!.serial);
    const payload = qrText.split('?c=')[1]!.split('.')[0]!;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      string
    >;
    // Someone holding the AIZ key signs other claims themselves.
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { createPrivateKey, sign } = await import('node:crypto');
    const keyFile = join(core.dataDir, 'keys', readdirSync(join(core.dataDir, 'keys'))[0]!);
    const key = createPrivateKey({ key: readFileSync(keyFile), format: 'der', type: 'pkcs8' });
    const forge = (changes: Record<string, string>) => {
      const forged = Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url');
      return `${forged}.${sign(null, Buffer.from(forged, 'ascii'), key).toString('base64url')}`;
    };
    const verify = (text: string) => core.call('certificates.verify', { text }, 'clerk');
    expect((await verify(forge({ o: 'LUN', s: 'RC/LUN/2026-27/000009' }))).status).toBe(
      'unknown_key',
    );
    expect((await verify(forge({ m: 'Another Society Ltd.' }))).status).toBe('altered');
  });

  it('issue a duplicate with a new serial, marked as such', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const [original] = await core.call(
      'certificates.list',
      { societyId: approved.societyId! },
      'clerk',
    );
    const duplicate = await core.call(
      'certificates.issueDuplicate',
      { serial: original!.serial, password: TEST_PASSWORD },
      'registrar',
    );
    expect(duplicate).toMatchObject({
      serial: 'RC/AIZ/2026-27/000002',
      kind: 'duplicate',
      duplicateOf: original!.serial,
    });
    const printed = core.services.certificates.printable(duplicate.serial);
    expect(printed.kind === 'registration' && printed.duplicate).toEqual({
      originalSerial: original!.serial,
      issuedOn: '2026-11-23',
    });
    expect(
      (await core.call('certificates.verify', { text: printed.qrText }, 'clerk')).claims?.kind,
    ).toBe('duplicate');
  });

  it('print as the same PDF at every reprint, with the society’s name in Mizo letters', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    const approved = await approve(received.id);
    const [certificate] = await core.call(
      'certificates.list',
      { societyId: approved.societyId! },
      'clerk',
    );
    const printed = await core.call('certificates.print', { serial: certificate!.serial }, 'clerk');
    expect(printed).toEqual({ fileName: 'RC-AIZ-2026-27-000001.pdf', url: null });
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { execFileSync } = await import('node:child_process');
    const file = join(core.dataDir, 'printouts', printed.fileName);
    const first = readFileSync(file);
    await core.call('certificates.print', { serial: certificate!.serial }, 'registrar');
    expect(readFileSync(file).equals(first)).toBe(true);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ṭhutmun Fish Farmers Cooperative Society Ltd.');
    expect(text).toContain('RCS/AIZ/2026-27/0001');
  });

  it('keep the office key out of the database, in a file only its owner can read', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    await approve(received.id);
    const { statSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const [file] = readdirSync(join(core.dataDir, 'keys'));
    expect(file).toMatch(/^AIZ-[\w-]{8}\.key$/);
    expect(statSync(join(core.dataDir, 'keys', file!)).mode & 0o777).toBe(0o600);
    const tables = JSON.stringify(core.services.sqlite.prepare('SELECT * FROM office_keys').all());
    expect(tables).not.toContain('PRIVATE');
  });
});
