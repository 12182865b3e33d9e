import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Verification } from '#shared/certificates/contract';
import { createFakeBridge } from '../../test/fake-bridge';
import { renderScreen } from '../../test/render';
import { VerifyScreen } from './VerifyScreen';

const claims = {
  serial: 'RC/AIZ/2026-27/000001',
  kind: 'registration' as const,
  officeCode: 'AIZ',
  regNo: 'RCS/AIZ/2026-27/0007',
  societyName: 'Ṭuirial Riverside Fishery Cooperative Society Ltd.',
  registeredOn: '2026-11-30',
  issuedOn: '2026-11-30',
  keyId: 'k1',
  auditFy: null,
  grade: null,
};

async function verifyAs(answer: Verification) {
  const user = userEvent.setup();
  const bridge = createFakeBridge({ 'certificates.verify': () => answer });
  renderScreen(<VerifyScreen />, { bridge });
  const box = screen.getByLabelText('QR code text');
  await waitFor(() => expect(document.activeElement).toBe(box));
  await user.type(box, 'https://verify.example/c?c=abc.def{Enter}');
  const result = await screen.findByTestId('verify-result');
  expect(bridge.callsTo('certificates.verify')).toEqual([
    { text: 'https://verify.example/c?c=abc.def' },
  ]);
  return result;
}

describe('the Verify screen', () => {
  it('shows a valid code large and green, with the particulars it vouches for', async () => {
    const result = await verifyAs({
      status: 'valid',
      claims,
      revokedReason: null,
      voidReason: null,
    });
    expect(result.getAttribute('data-status')).toBe('valid');
    expect(result.textContent).toContain('Valid');
    expect(result.textContent).toContain(claims.societyName);
    expect(result.textContent).toContain('RCS/AIZ/2026-27/0007');
    expect(result.textContent).toContain('30-11-2026');
    expect(result.textContent).toContain('RC/AIZ/2026-27/000001');
    expect(result.textContent).toContain('AIZ');
  });

  it('says an altered code was changed after signing, without its particulars', async () => {
    const result = await verifyAs({
      status: 'altered',
      claims,
      revokedReason: null,
      voidReason: null,
    });
    expect(result.textContent).toContain('Altered — this code was changed after it was signed');
    expect(result.textContent).not.toContain(claims.societyName);
  });

  it('gives the reason of a revocation', async () => {
    const result = await verifyAs({
      status: 'revoked',
      claims,
      revokedReason: 'Deregistered by order RCS/ORD/2027/4',
      voidReason: null,
    });
    expect(result.textContent).toContain('Revoked');
    expect(result.textContent).toContain('Deregistered by order RCS/ORD/2027/4');
  });

  it('says a certificate the state server did not take in is not valid, with why, and which it is', async () => {
    const voidReason = 'Set aside by Zothanpuii Ralte while it waited.';
    const result = await verifyAs({ status: 'void', claims, revokedReason: null, voidReason });
    expect(result.getAttribute('data-status')).toBe('void');
    expect(result.textContent).toContain('Not valid — refused by the state server');
    expect(result.textContent).toContain(
      `Do not accept this certificate; the office recalls it. ${voidReason}`,
    );
    expect(result.textContent).toContain('RC/AIZ/2026-27/000001');
    expect(result.textContent).toContain(claims.societyName);
  });

  it('names an unknown key and a text that is no certificate code', async () => {
    expect(
      (await verifyAs({ status: 'unknown_key', claims, revokedReason: null, voidReason: null }))
        .textContent,
    ).toContain('Unknown key — not signed by a known office');
  });

  it('says so when the text is not a certificate code', async () => {
    const result = await verifyAs({
      status: 'unreadable',
      claims: null,
      revokedReason: null,
      voidReason: null,
    });
    expect(result.getAttribute('data-status')).toBe('unreadable');
    expect(result.textContent).toContain('Not a certificate code');
  });

  it('shows the year audited and the class on an audit certificate', async () => {
    const result = await verifyAs({
      status: 'valid',
      claims: {
        ...claims,
        serial: 'AC/AIZ/2026-27/000001',
        kind: 'audit',
        auditFy: '2025-26',
        grade: 'B',
      },
      revokedReason: null,
      voidReason: null,
    });
    expect(result.textContent).toContain('Audit');
    expect(result.textContent).toContain('2025-26');
    expect(result.textContent).toContain('Class B');
  });
});
