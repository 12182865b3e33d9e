/**
 * What a certificate's QR code carries and how to read it back, shared by the desktop's
 * Verify screen and the state server's public verification page.
 */

/**
 * What a certificate's QR code carries, signed with the issuing office's Ed25519 key: short
 * keys because every character makes the code denser.
 */
export interface CertificateClaims {
  /** Format version. */
  v: 1;
  /** Key id of the signing key. */
  k: string;
  /** Certificate serial. */
  s: string;
  /** Kind: R registration, D duplicate, A audit. */
  t: 'R' | 'D' | 'A';
  /** Issuing office code. */
  o: string;
  /** Registration number. */
  n: string;
  /** Society name as printed. */
  m: string;
  /** Date of registration, YYYY-MM-DD. */
  d: string;
  /** Date of issue, YYYY-MM-DD. */
  i: string;
  /** Audit certificates: the financial year audited and the grade. */
  y?: string;
  g?: 'A' | 'B' | 'C' | 'D';
}

/** The signed part of a QR text (the whole link, or just `payload.signature`), decoded. */
export function readQrToken(
  text: string,
  /** base64url → UTF-8 text (Node's Buffer on the desktop and the server). */
  decodeBase64Url: (value: string) => string,
): { payload: string; signature: string; claims: CertificateClaims | null } | null {
  const token = /(?:[?&]c=)?([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\s*$/u.exec(text.trim());
  if (!token) return null;
  const [, payload = '', signature = ''] = token;
  let claims: CertificateClaims | null = null;
  try {
    const parsed = JSON.parse(decodeBase64Url(payload)) as unknown;
    if (isClaims(parsed)) claims = parsed;
  } catch {
    claims = null;
  }
  return { payload, signature, claims };
}

function isClaims(value: unknown): value is CertificateClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    claims['v'] === 1 &&
    ['k', 's', 'o', 'n', 'm', 'd', 'i'].every((key) => typeof claims[key] === 'string') &&
    (claims['t'] === 'R' ||
      claims['t'] === 'D' ||
      (claims['t'] === 'A' &&
        typeof claims['y'] === 'string' &&
        ['A', 'B', 'C', 'D'].includes(claims['g'] as string)))
  );
}
