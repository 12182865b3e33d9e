/**
 * The public certificate verification page (`GET /verify?c=…`): what a phone opens from a
 * certificate's QR code, with no sign-in. It checks the office's signature, the certificate
 * register for a revocation and for a certificate it refused, and shows the society's current
 * status on the state register.
 */
import { createPublicKey, verify } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { readQrToken, type CertificateClaims } from '#shared/certificates/claims';
import { formatDate } from '#shared/domain/dates';
import type { ServerDb } from './db/open';
import { officeKeys, refusedRecords, syncRows } from './db/schema';
import type { StateDirectory } from './state-directory';

export type Verdict =
  | { status: 'empty' }
  | { status: 'unreadable' }
  | { status: 'altered' | 'unknown_key'; claims: CertificateClaims | null }
  /** Signed by the office, but refused by the state register: set aside, or printed for an entry refused. */
  | { status: 'void'; claims: CertificateClaims; reason: string }
  | {
      status: 'valid' | 'revoked';
      claims: CertificateClaims;
      revokedReason: string | null;
      revokedOn: string | null;
      /** The society as the state register holds it now; null if it has not synced yet. */
      society: { name: string; status: string; statusSince: string | null } | null;
    };

export async function verifyCertificate(
  db: ServerDb,
  directory: StateDirectory,
  text: string,
): Promise<Verdict> {
  if (text.trim() === '') return { status: 'empty' };
  const token = readQrToken(text, (value) => Buffer.from(value, 'base64url').toString('utf8'));
  if (!token) return { status: 'unreadable' };
  const { payload, signature, claims } = token;
  if (!claims) return { status: 'altered', claims: null };
  const office = directory.officeByCode(claims.o);
  const [key] = await db.select().from(officeKeys).where(eq(officeKeys.keyId, claims.k));
  // A key of another office proves nothing about this office's certificate.
  if (!key || !office || key.officeId !== office.id) return { status: 'unknown_key', claims };
  if (!signatureHolds(payload, signature, key.publicKey)) return { status: 'altered', claims };
  const [certificate] = await db
    .select({ data: syncRows.data })
    .from(syncRows)
    .where(
      and(eq(syncRows.tableName, 'certificates'), sql`${syncRows.data}->>'serial' = ${claims.s}`),
    );
  const record = certificate?.data as Record<string, string | null> | undefined;
  // A validly signed code that differs from the register's for its serial was not issued.
  if (record && record['payload'] !== payload) return { status: 'altered', claims };
  if (!record) {
    // Not on the register: not synced yet, or refused for good (its serial is then void and
    // never given again, so the refusal is of this very certificate).
    const [refused] = await db
      .select({ reason: refusedRecords.reason })
      .from(refusedRecords)
      .where(and(eq(refusedRecords.tableName, 'certificates'), eq(refusedRecords.number, claims.s)))
      .orderBy(desc(refusedRecords.refusedAt))
      .limit(1);
    if (refused) return { status: 'void', claims, reason: refused.reason };
  }
  const societyId = record?.['society_id'];
  const [societyRow] = societyId
    ? await db
        .select({ data: syncRows.data })
        .from(syncRows)
        .where(and(eq(syncRows.tableName, 'societies'), eq(syncRows.id, societyId)))
    : [];
  const society = societyRow?.data as Record<string, string | null> | undefined;
  return {
    status: record?.['revoked_at'] ? 'revoked' : 'valid',
    claims,
    revokedReason: record?.['revoked_reason'] ?? null,
    revokedOn: record?.['revoked_at']?.slice(0, 10) ?? null,
    society: society
      ? {
          name: society['name'] ?? '',
          status: society['status'] ?? '',
          statusSince: society['status_since'] ?? null,
        }
      : null,
  };
}

/**
 * The office's Ed25519 signature of `payload`, checked as the desktop's Verify screen does
 * (electron/core/certificates/signing.ts): only the exact base64url spelling signed counts.
 */
function signatureHolds(payload: string, signature: string, publicKeyX: string): boolean {
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKeyX },
    format: 'jwk',
  });
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.toString('base64url') !== signature) return false;
  return verify(null, Buffer.from(payload, 'ascii'), publicKey, bytes);
}

const STATUS_WORDS: Record<string, string> = {
  registered: 'Registered',
  functional: 'Functional',
  non_functional: 'Non-functional',
  under_liquidation: 'Under liquidation',
  deregistered: 'Deregistered',
  merged: 'Merged',
};

const KIND_WORDS: Record<CertificateClaims['t'], string> = {
  R: 'Certificate of registration',
  D: 'Certificate of registration (duplicate)',
  A: 'Audit certificate',
};

/** The page, in plain HTML that any phone shows: no script, one inline style sheet. */
export function renderVerifyPage(
  verdict: Verdict,
  directory: StateDirectory,
  stateName: string,
): string {
  const banner = bannerOf(verdict);
  const claims = 'claims' in verdict ? verdict.claims : null;
  const rows: [string, string][] = claims
    ? [
        ['Society', claims.m],
        ['Registration number', claims.n],
        ['Registered on', formatDate(claims.d)],
        ['Certificate', KIND_WORDS[claims.t]],
        ['Serial', claims.s],
        ['Issued on', formatDate(claims.i)],
        ['Issuing office', directory.officeByCode(claims.o)?.shortName ?? claims.o],
        ...(claims.t === 'A'
          ? ([
              ['Year audited', claims.y ?? ''],
              ['Audit class', claims.g ?? ''],
            ] as [string, string][])
          : []),
      ]
    : [];
  const society =
    verdict.status === 'valid' || verdict.status === 'revoked'
      ? verdict.society
        ? `<p class="now">On the state register today: <strong>${escape(verdict.society.name)}</strong>, ${escape(
            STATUS_WORDS[verdict.society.status] ?? verdict.society.status,
          )}${verdict.society.statusSince ? ` since ${escape(formatDate(verdict.society.statusSince))}` : ''}.</p>`
        : '<p class="now">The society’s record has not reached the state register yet; the particulars above are as signed by the office.</p>'
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verify a certificate · Registrar of Cooperative Societies, ${escape(stateName)}</title>
<style>
  body { font-family: system-ui, 'Noto Sans', sans-serif; margin: 0; background: #f4f5f8; color: #1f2430; }
  header { background: #3b4aa3; color: #fff; padding: 14px 18px; }
  header h1 { font-size: 18px; margin: 0; }
  header p { margin: 2px 0 0; font-size: 13px; opacity: .85; }
  main { max-width: 640px; margin: 0 auto; padding: 16px; }
  .banner { border-radius: 10px; padding: 14px 16px; margin-bottom: 14px; }
  .banner h2 { margin: 0 0 4px; font-size: 20px; }
  .banner p { margin: 0; }
  .valid { background: #e6f6ec; border: 1px solid #7cc896; }
  .revoked, .altered, .void { background: #fdecec; border: 1px solid #e58b8b; }
  .unknown_key, .unreadable, .empty { background: #fff6e0; border: 1px solid #e8c061; }
  dl { display: grid; grid-template-columns: minmax(120px, 40%) 1fr; gap: 8px 12px; background: #fff;
       border: 1px solid #dfe2ea; border-radius: 10px; padding: 14px 16px; margin: 0; }
  dt { color: #5c6375; } dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
  .now { background: #fff; border: 1px solid #dfe2ea; border-radius: 10px; padding: 12px 16px; }
  form { margin-top: 16px; } textarea { width: 100%; box-sizing: border-box; min-height: 80px; font: inherit; }
  button { margin-top: 8px; padding: 8px 16px; font: inherit; background: #3b4aa3; color: #fff; border: 0; border-radius: 6px; }
</style>
</head>
<body>
<header><h1>Verify a certificate</h1><p>Registrar of Cooperative Societies, ${escape(stateName)}</p></header>
<main>
<section class="banner ${verdict.status}" role="status"><h2>${escape(banner.title)}</h2><p>${escape(banner.body)}</p></section>
${rows.length > 0 ? `<dl>${rows.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`).join('')}</dl>` : ''}
${society}
<form method="get" action="/verify">
<label for="c">Or paste the text of a certificate’s QR code</label>
<textarea id="c" name="c"></textarea>
<button type="submit">Verify</button>
</form>
</main>
</body>
</html>`;
}

function bannerOf(verdict: Verdict): { title: string; body: string } {
  switch (verdict.status) {
    case 'valid':
      return {
        title: 'Valid',
        body: 'Signed by the issuing office. These are the particulars it vouches for.',
      };
    case 'revoked':
      return {
        title: 'Revoked',
        body: `This certificate was revoked${verdict.revokedOn ? ` on ${formatDate(verdict.revokedOn)}` : ''}: ${verdict.revokedReason ?? 'no reason recorded'}. Do not accept it.`,
      };
    case 'void':
      return {
        title: 'Not valid',
        body: `The state register did not take this certificate in: ${verdict.reason} Do not accept it.`,
      };
    case 'altered':
      return {
        title: 'Altered',
        body: 'Do not accept this certificate: its text does not match the office’s signature.',
      };
    case 'unknown_key':
      return {
        title: 'Not signed by a known office',
        body: 'The signature is not from any office key the state register knows. Check with the issuing office.',
      };
    case 'unreadable':
      return {
        title: 'Not a certificate code',
        body: 'This is not the QR code of a certificate from this registry.',
      };
    case 'empty':
      return {
        title: 'Scan a certificate',
        body: 'Scan the QR code on a certificate with the phone’s camera, or paste its text below.',
      };
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
