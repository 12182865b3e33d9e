import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '#shared/registration/contract';
import type { CertificateRow } from '#shared/certificates/contract';
import { createFakeBridge } from '../../test/fake-bridge';
import { certificate, detail, ids } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ApprovedPanel } from './ApprovedPanel';

// Only what the panel reads of an approved application.
const approved = {
  state: 'approved',
  societyId: ids.society,
  decidedByName: 'Vanlalṭhanga Hnamte',
  decidedAt: '2026-11-23T05:30:00.000Z',
  entryRefused: null,
} as unknown as ApplicationDetail;

function renderPanel(certificates: CertificateRow[]) {
  const bridge = createFakeBridge({
    'societies.get': () => detail,
    'certificates.list': () => certificates,
  });
  renderScreen(<ApprovedPanel application={approved} />, { bridge });
}

describe('the approved application’s panel', () => {
  it('offers the registration certificate to print', async () => {
    renderPanel([certificate]);
    expect(await screen.findByRole('button', { name: /Print certificate/ })).toBeTruthy();
    expect(screen.queryByTestId('certificate-not-valid')).toBeNull();
  });

  it('says the certificate is not valid, and why, when the state server refused it, and does not offer it', async () => {
    renderPanel([
      {
        ...certificate,
        voidReason: 'Set aside by Zothanpuii Ralte while it waited.',
        printable: false,
        duplicable: false,
      },
    ]);
    expect((await screen.findByTestId('certificate-not-valid')).textContent).toBe(
      'Certificate RC/AIZ/2026-27/000007 is not valid: the state server refused it. Set aside by Zothanpuii Ralte while it waited. Recall it if it was handed over.',
    );
    expect(screen.queryByRole('button', { name: /Print certificate/ })).toBeNull();
    expect(screen.getByText(`Registered as ${detail.regNo}`)).toBeTruthy();
  });
});
