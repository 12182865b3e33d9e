import { describe, expect, it } from 'vitest';
import type { AppBridge } from '#shared/ipc/contract';
import { BackendError, createBackend } from './client';

const bridge = (invoke: AppBridge['invoke']): AppBridge => ({ invoke, on: () => () => {} });

describe('backend client', () => {
  it('returns the output of a request that succeeded', async () => {
    const backend = createBackend(
      bridge(async () => ({ ok: true, value: { stateName: 'Mizoram' } }) as never),
    );
    await expect(backend.call('app.info', {})).resolves.toEqual({ stateName: 'Mizoram' });
  });

  it('turns a refusal into a BackendError with the field reasons', async () => {
    const backend = createBackend(
      bridge(
        async () =>
          ({
            ok: false,
            error: {
              code: 'invalid_input',
              message: 'Some fields need attention.',
              fields: { regNo: 'Registration number 760/49 is already used.' },
            },
          }) as never,
      ),
    );
    const failure = await backend
      .call('societies.get', { id: 'x' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BackendError);
    expect(failure).toMatchObject({
      code: 'invalid_input',
      message: 'Some fields need attention.',
      fields: { regNo: 'Registration number 760/49 is already used.' },
    });
  });

  it('says the backend did not answer when the transport itself fails', async () => {
    const backend = createBackend(
      bridge(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(backend.call('app.info', {})).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('did not answer') as unknown as string,
    });
  });
});
