import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferenceData } from '#shared/reference/contract';
import { type TestCore, failure } from '../../../tests/fixtures/test-core';
import {
  startRegistrationCore,
  type RegistrationSetting,
} from '../../../tests/fixtures/applications';

let core: TestCore;
let reference: ReferenceData;

let application: RegistrationSetting['application'];
let approve: RegistrationSetting['approve'];

beforeEach(async () => {
  ({ core, reference, application, approve } = await startRegistrationCore());
});
afterEach(() => core.dispose());

describe('name reservations', () => {
  it('hold a name until it expires, warn other applicants, and are used by the application', async () => {
    const typeId = reference.societyTypes.find((t) => t.code === 'FISHERY')!.id;
    const held = await core.call(
      'names.reserve',
      { name: 'Ṭhutmun Fish Farmers Cooperative Society', typeId, applicantName: 'Lalṭhanpuia' },
      'clerk',
    );
    expect(held).toMatchObject({
      reservedOn: '2026-11-23',
      expiresOn: '2027-02-21',
      applicationId: null,
    });
    const again = await failure(
      core.call(
        'names.reserve',
        {
          name: 'THUTMUN fish farmers co-operative society ltd.',
          typeId,
          applicantName: 'Someone else',
        },
        'clerk',
      ),
    );
    expect(again.fields?.['name']).toBe(
      'Ṭhutmun Fish Farmers Cooperative Society is reserved until 21-02-2027.',
    );
    // Another group's application under the name is warned; the promoters who reserved it
    // apply with their reservation, which is used up and warns nobody after.
    const other = await core.call('applications.receive', { application: application() }, 'clerk');
    expect(other.closeNames).toEqual([
      'Ṭhutmun Fish Farmers Cooperative Society (reserved until 21-02-2027)',
    ]);
    const applied = await core.call(
      'applications.receive',
      { application: application({ reservationId: held.id }) },
      'clerk',
    );
    expect(applied.closeNames).toEqual([]);
    const [used] = await core.call('names.list', {}, 'clerk');
    expect(used?.applicationId).toBe(applied.id);
    const twice = await failure(
      core.call(
        'applications.receive',
        { application: application({ reservationId: held.id }) },
        'clerk',
      ),
    );
    expect(twice.fields?.['reservationId']).toBe(
      'That name reservation was already used by another application.',
    );
  });

  it('are refused for a name already registered', async () => {
    const received = await core.call(
      'applications.receive',
      { application: application() },
      'clerk',
    );
    await approve(received.id);
    const typeId = reference.societyTypes.find((t) => t.code === 'FISHERY')!.id;
    const error = await failure(
      core.call(
        'names.reserve',
        { name: 'Thutmun Fish Farmers Society', typeId, applicantName: 'X' },
        'clerk',
      ),
    );
    expect(error.fields?.['name']).toBe(
      'Ṭhutmun Fish Farmers Cooperative Society Ltd. is already registered (RCS/AIZ/2026-27/0001).',
    );
  });
});
