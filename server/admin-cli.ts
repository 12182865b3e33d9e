/**
 * `npm run server:admin -- <command>`: the administrator's commands against a running
 * state server, with the key it keeps in its data folder (or SYNC_ADMIN_KEY).
 *
 *   code <OFFICE> "<label>"   a one-time enrolment code for a computer of that office
 *        [--for <user name>]  ...for an auditor's field laptop, which gets
 *                             only the societies assigned to that user
 *   devices                   the enrolled computers
 *   revoke <device id>        withdraws a computer from sync (its changes stay on it)
 *   import <file>             takes in a file of pending changes a computer exported
 *
 * Options: --url http://127.0.0.1:8787  --data-dir .data/server
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: process.env['SYNC_SERVER_URL'] ?? 'http://127.0.0.1:8787' },
    'data-dir': { type: 'string', default: process.env['SERVER_DATA_DIR'] ?? '.data/server' },
    for: { type: 'string' },
  },
});
const key =
  process.env['SYNC_ADMIN_KEY'] ??
  readFileSync(join(resolve(values['data-dir']), 'admin-key'), 'utf8').trim();

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${values.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const parsed = (await response.json()) as { error?: string };
  if (!response.ok) throw new Error(parsed.error ?? `The server answered ${response.status}.`);
  return parsed;
}

const [command, ...rest] = positionals;
if (command === 'code' && rest.length === 2) {
  const made = (await call('POST', '/admin/v1/enrolment-codes', {
    office: rest[0],
    label: rest[1],
    ...(values.for ? { user: values.for } : {}),
  })) as { code: string; expiresAt: string; fieldUser: { fullName: string } | null };
  const whose = made.fieldUser ? `, field laptop of ${made.fieldUser.fullName}` : '';
  console.log(`Enrolment code for ${rest[1]} (${rest[0]}${whose}): ${made.code}`);
  console.log(`It works once, until ${made.expiresAt}.`);
} else if (command === 'devices') {
  const { devices } = (await call('GET', '/admin/v1/devices')) as {
    devices: {
      id: string;
      label: string;
      officeId: string;
      lastSeenAt: string | null;
      revokedAt: string | null;
    }[];
  };
  for (const device of devices) {
    console.log(
      `${device.id}  ${device.label}  last seen ${device.lastSeenAt ?? 'never'}${device.revokedAt ? '  REVOKED' : ''}`,
    );
  }
} else if (command === 'import' && rest.length === 1) {
  const result = (await call(
    'POST',
    '/admin/v1/import',
    JSON.parse(readFileSync(rest[0]!, 'utf8')),
  )) as {
    mutations: number;
    verdicts: Record<string, number>;
  };
  console.log(
    `Imported ${result.mutations} changes: ${Object.entries(result.verdicts)
      .map(([verdict, count]) => `${count} ${verdict}`)
      .join(', ')}.`,
  );
} else if (command === 'revoke' && rest.length === 1) {
  const { revoked } = (await call('POST', `/admin/v1/devices/${rest[0]}/revoke`)) as {
    revoked: boolean;
  };
  console.log(revoked ? 'Revoked.' : 'No such device, or it was already revoked.');
} else {
  console.error(
    'Usage: npm run server:admin -- code <OFFICE> "<label>" [--for <user name>] | devices | revoke <device id> | import <file>',
  );
  process.exit(2);
}
