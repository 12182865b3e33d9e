import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Letterhead } from '#shared/reference/contract';
import { createFakeBridge, FakeFailure } from '../../test/fake-bridge';
import { administrator, viewer } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { LetterheadPanel } from './LetterheadPanel';

const limits = { maxBytes: 512 * 1024, minPixels: 200, maxPixels: 4000, maxAspect: 3 };
const unset: Letterhead = { stateEmblem: null, departmentLogo: null, limits };
const emblemSet: Letterhead = {
  ...unset,
  stateEmblem: {
    kind: 'state_emblem',
    mimeType: 'image/png',
    width: 240,
    height: 240,
    size: 5_000,
    dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    setAt: '2026-11-23T10:00:00Z',
    setBy: 'Test Administrator',
  },
};
const SMALL =
  'The picture is 150 × 150 pixels; the emblem needs at least 200 pixels on its shorter side to print sharply. Choose a larger picture.';

const section = (name: string) => screen.getByRole('region', { name });

describe('the emblem and logo under reference data', () => {
  it('say plainly they are not set, take a file from the keyboard, and show a refusal in words', async () => {
    let answer: () => Letterhead = () => {
      throw new FakeFailure({
        code: 'invalid_input',
        message: SMALL,
        fields: { content: SMALL },
      });
    };
    const bridge = createFakeBridge({
      'reference.letterhead': () => unset,
      'reference.setLetterheadImage': () => answer(),
    });
    renderScreen(<LetterheadPanel />, { bridge, user: administrator });
    const emblem = await screen.findByRole('region', { name: 'State emblem' });
    expect(within(emblem).getByText('Not set')).toBeTruthy();
    expect(emblem.textContent).toContain('Emblem not set');
    expect(section('Department logo').textContent).toContain('Logo not set');
    expect(screen.getByText(/SVG is not supported/u)).toBeTruthy();

    const user = userEvent.setup();
    const choose = within(emblem).getByRole('button', { name: 'Choose State emblem file…' });
    await user.tab();
    expect(document.activeElement).toBe(choose);
    const input = emblem.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.accept).toBe('image/png,image/jpeg');
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'emblem.png', {
      type: 'image/png',
    });
    await user.upload(input, file);
    expect((await within(emblem).findByRole('alert')).textContent).toContain(SMALL);
    expect(bridge.callsTo('reference.setLetterheadImage')).toEqual([
      { kind: 'state_emblem', contentBase64: 'iVBORw==' },
    ]);

    answer = () => emblemSet;
    await user.upload(input, file);
    expect(
      await within(emblem).findByRole('img', { name: 'State emblem as printed' }),
    ).toBeTruthy();
    expect(within(emblem).queryByRole('alert')).toBeNull();
    expect(emblem.textContent).toContain('PNG, 240 × 240 pixels');
    expect(within(emblem).getByRole('button', { name: 'Replace…' })).toBeTruthy();
    expect(within(emblem).getByRole('button', { name: 'Remove' })).toBeTruthy();
  });

  it('show the pictures to other users without a way to change them', async () => {
    const bridge = createFakeBridge({ 'reference.letterhead': () => emblemSet });
    renderScreen(<LetterheadPanel />, { bridge, user: viewer });
    const emblem = await screen.findByRole('region', { name: 'State emblem' });
    expect(within(emblem).getByRole('img', { name: 'State emblem as printed' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(emblem.textContent).toContain('The administrator sets these pictures.');
  });
});
