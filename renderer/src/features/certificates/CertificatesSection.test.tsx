import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CertificateRow } from '#shared/certificates/contract';
import { createFakeBridge } from '../../test/fake-bridge';
import { certificate, ids, registrar } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { CertificatesSection } from './CertificatesSection';

const inForce = certificate;

const notTakenIn: CertificateRow = {
  ...inForce,
  id: '01930000-0000-7000-8000-0000000000c2',
  serial: 'RC/AIZ/2026-27/000008',
  voidReason: 'Set aside by Zothanpuii Ralte while it waited.',
  printable: false,
  duplicable: false,
};

describe('a society’s certificates', () => {
  it('show one the state server did not take in as not valid, with why, and offer nothing to do with it', async () => {
    const bridge = createFakeBridge({ 'certificates.list': () => [notTakenIn, inForce] });
    renderScreen(<CertificatesSection societyId={ids.society} />, { bridge, user: registrar });
    const rows = await screen.findAllByTestId('certificate-row');
    expect(rows).toHaveLength(2);
    const [voided, standing] = rows as [HTMLElement, HTMLElement];

    expect(voided.textContent).toContain('RC/AIZ/2026-27/000008');
    expect(voided.textContent).toContain('Not valid');
    expect(voided.textContent).toContain(
      'Refused by the state server: Set aside by Zothanpuii Ralte while it waited.',
    );
    expect(within(voided).queryByRole('button')).toBeNull();

    expect(standing.textContent).toContain('In force');
    expect(within(standing).getByRole('button', { name: /Print/ })).toBeTruthy();
    expect(within(standing).getByRole('button', { name: 'Issue duplicate' })).toBeTruthy();
  });
});
