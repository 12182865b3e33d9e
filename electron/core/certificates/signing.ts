import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readQrToken, type CertificateClaims } from '#shared/certificates/claims';
import { getMeta, setMeta } from '../db/app-meta';
import type { Sqlite } from '../db/open-database';
import type { HostPort } from '../ports';

export type { CertificateClaims };

export type VerificationResult =
  | { status: 'valid' | 'revoked'; claims: CertificateClaims; revokedReason: string | null }
  | { status: 'void'; claims: CertificateClaims; voidReason: string }
  | { status: 'altered' | 'unknown_key'; claims: CertificateClaims | null }
  | { status: 'unreadable' };

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** The ids of the office keys made on this computer (app_meta), to tell them from others'. */
const KEYS_MADE_HERE = 'office_keys_made_here';

function keysMadeHere(sqlite: Sqlite): string[] {
  const text = getMeta(sqlite, KEYS_MADE_HERE);
  if (!text) return [];
  // A damaged list must never stop a registration from being signed: it is read as empty
  // (a lost key is then left unretired, which only the key list shows).
  try {
    const parsed = z.array(z.string()).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The text a QR code holds: `<base URL>?c=<payload>.<signature>`. */
export function qrText(baseUrl: string, payload: string, signature: string): string {
  return `${baseUrl}?c=${payload}.${signature}`;
}

/**
 * Offices' signing keys. The private key is made once per office on this device, written
 * to `keys/` in the data folder through the host's protection (safeStorage in the app),
 * readable by its owner only; the public key goes to `office_keys` for every verifier.
 */
export class OfficeSigner {
  private readonly cache = new Map<string, { keyId: string; privateKey: KeyObject }>();

  constructor(
    private readonly sqlite: Sqlite,
    private readonly dataDir: string,
    private readonly host: Pick<HostPort, 'protectSecret' | 'unprotectSecret'>,
  ) {}

  /**
   * The office's key on this computer, made on first use. Every computer of an office signs
   * with a key of its own: the keys of the others arrive with the sync, to verify their
   * certificates, and are never this computer's to use or to retire.
   */
  keyFor(
    officeId: string,
    officeCode: string,
    now: string,
  ): { keyId: string; privateKey: KeyObject } {
    const cached = this.cache.get(officeId);
    if (cached) return cached;
    const dir = join(this.dataDir, 'keys');
    const fileOf = (keyId: string) => join(dir, `${keyId}.key`);
    const live = (
      this.sqlite
        .prepare(
          'SELECT key_id AS keyId FROM office_keys WHERE office_id = ? AND retired_at IS NULL ORDER BY created_at',
        )
        .all(officeId) as { keyId: string }[]
    ).map((row) => row.keyId);
    const usable = live.find((keyId) => existsSync(fileOf(keyId)));
    let entry: { keyId: string; privateKey: KeyObject };
    if (usable) {
      // Its private half is on this computer, so it was made here: remembered as such (a
      // key made before the list was kept), so that it is retired if its file is lost.
      const madeHere = keysMadeHere(this.sqlite);
      if (!madeHere.includes(usable)) {
        setMeta(this.sqlite, KEYS_MADE_HERE, JSON.stringify([...madeHere, usable]));
      }
      const der = this.host.unprotectSecret(readFileSync(fileOf(usable)));
      entry = {
        keyId: usable,
        privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
      };
    } else {
      if (this.sqlite.inTransaction) {
        throw new Error('An office key must be made before the transaction that signs with it.');
      }
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const raw = rawPublicKey(publicKey);
      // The key id names the office and the key: short, printable, stable.
      const keyId = `${officeCode}-${base64url(createHash('sha256').update(raw).digest()).slice(0, 8)}`;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = fileOf(keyId);
      writeFileSync(
        file,
        this.host.protectSecret(privateKey.export({ format: 'der', type: 'pkcs8' })),
        {
          mode: 0o600,
        },
      );
      chmodSync(file, 0o600);
      const madeHere = keysMadeHere(this.sqlite);
      this.sqlite.transaction(() => {
        // A key this computer made whose file is gone (a database restored without its data
        // folder) is retired; its certificates stay verifiable by its public half.
        const retire = this.sqlite.prepare(
          'UPDATE office_keys SET retired_at = ? WHERE key_id = ?',
        );
        for (const lost of live.filter((id) => madeHere.includes(id))) retire.run(now, lost);
        this.sqlite
          .prepare(
            'INSERT INTO office_keys (key_id, office_id, public_key, created_at) VALUES (?, ?, ?, ?)',
          )
          .run(keyId, officeId, base64url(raw), now);
        setMeta(this.sqlite, KEYS_MADE_HERE, JSON.stringify([...madeHere, keyId]));
      })();
      entry = { keyId, privateKey };
    }
    this.cache.set(officeId, entry);
    return entry;
  }

  /** Signs the claims; returns the payload and signature as they go into the QR code. */
  sign(claims: CertificateClaims, privateKey: KeyObject): { payload: string; signature: string } {
    const payload = base64url(Buffer.from(JSON.stringify(claims), 'utf8'));
    const signature = base64url(sign(null, Buffer.from(payload, 'ascii'), privateKey));
    return { payload, signature };
  }

  /**
   * Checks a QR text (or just its `payload.signature` part) offline: the signature against
   * the listed public key of the office, then the certificate register for a revocation.
   */
  verify(text: string): VerificationResult {
    const token = readQrToken(text, (value) => Buffer.from(value, 'base64url').toString('utf8'));
    if (!token) return { status: 'unreadable' };
    const { payload, signature, claims } = token;
    if (!claims) return { status: 'altered', claims: null };
    // The key must be one of the office the claims name: a key of another office proves nothing.
    const key = this.sqlite
      .prepare(
        `SELECT k.public_key AS publicKey FROM office_keys k JOIN offices o ON o.id = k.office_id
         WHERE k.key_id = ? AND o.code = ?`,
      )
      .get(claims.k, claims.o) as { publicKey: string } | undefined;
    if (!key) return { status: 'unknown_key', claims };
    if (!signatureHolds(payload, signature, key.publicKey)) return { status: 'altered', claims };
    const register = this.sqlite
      .prepare(
        'SELECT payload, revoked_at AS revokedAt, revoked_reason AS revokedReason FROM certificates WHERE serial = ?',
      )
      .get(claims.s) as
      { payload: string; revokedAt: string | null; revokedReason: string | null } | undefined;
    // A validly signed code that differs from what the register holds for its serial was
    // not issued as such (another certificate signed under an existing serial).
    if (register && register.payload !== payload) return { status: 'altered', claims };
    return register?.revokedAt
      ? { status: 'revoked', claims, revokedReason: register.revokedReason }
      : { status: 'valid', claims, revokedReason: null };
  }
}

/**
 * Whether `signature` is the office's Ed25519 signature of `payload` under the raw public
 * key `publicKeyX` (base64url). The last base64url letter of a 64-byte signature carries
 * spare bits, so a changed letter can decode to the same bytes: only the one spelling the
 * office signed is accepted. The state server's verification page checks the same way.
 */
export function signatureHolds(payload: string, signature: string, publicKeyX: string): boolean {
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKeyX },
    format: 'jwk',
  });
  const signatureBytes = Buffer.from(signature, 'base64url');
  if (signatureBytes.toString('base64url') !== signature) return false;
  return verify(null, Buffer.from(payload, 'ascii'), publicKey, signatureBytes);
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}
