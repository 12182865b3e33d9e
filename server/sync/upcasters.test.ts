import { describe, expect, it } from 'vitest';
import type { WireMutation } from '#shared/sync/protocol';
import { UPCASTERS, currentVersion, upcast, type UpcasterTable } from './upcasters';

/** A change as an app of `version` sends it: an edit of a society's phone. */
function phoneEdit(version: number, args: Record<string, unknown>): WireMutation {
  return {
    seq: 7,
    prevSeq: 6,
    mutationId: '019a0000-0000-7000-8000-000000000007',
    name: 'society.updateContact',
    mutationVersion: version,
    entity: 'society',
    entityId: '019a0000-0000-7000-8000-000000000001',
    args,
    baseVersion: 3,
    base: { phoneNo: '0389 2322 111' },
    hlc: '001764000000000:0000:device',
    userId: '019a0000-0000-7000-8000-000000000002',
    createdAt: '2026-11-23T10:00:00.000Z',
    rows: [
      {
        table: 'societies',
        id: '019a0000-0000-7000-8000-000000000001',
        data: { name: 'Ṭlangnuam MPCS Ltd.', phone_no: args['phoneNo'] ?? null },
      },
    ],
  };
}

/** Version 2 renamed `phoneNo` to `phone`; version 3 split out the STD code. */
const table: UpcasterTable = {
  'society.updateContact': [
    ({ args, base, rows }) => ({
      args: { phone: args['phoneNo'] },
      base: base ? { phone: base['phoneNo'] } : null,
      rows: rows.map(({ data: { phone_no: phone, ...data }, ...row }) => ({
        ...row,
        data: { ...data, phone },
      })),
    }),
    ({ args, base, rows }) => {
      const [std, number] = String(args['phone']).split(' ');
      return { args: { std, phone: number }, base, rows };
    },
  ],
};

describe('mutation versions (sync.md §8)', () => {
  it('every mutation is at version 1 today, so nothing is rewritten', () => {
    expect(UPCASTERS).toEqual({});
    const mutation = phoneEdit(1, { phoneNo: '0389 2322 222' });
    expect(currentVersion('society.updateContact')).toBe(1);
    expect(upcast(mutation)).toEqual({ mutation });
  });

  it('a change from an app two versions old is rewritten step by step to today’s version', () => {
    const result = upcast(phoneEdit(1, { phoneNo: '0389 2322222' }), table);
    expect(result).toMatchObject({
      mutation: {
        mutationVersion: 3,
        args: { std: '0389', phone: '2322222' },
        base: { phone: '0389 2322 111' },
        rows: [{ data: { name: 'Ṭlangnuam MPCS Ltd.', phone: '0389 2322222' } }],
      },
    });
  });

  it('a change from a newer app than the server waits, with the reason', () => {
    expect(upcast(phoneEdit(4, { std: '0389', phone: '2322222' }), table)).toEqual({
      held: 'Made by a newer version of the app (version 4 of this change; the state server knows 3). It is taken once the state server is updated.',
    });
  });
});
