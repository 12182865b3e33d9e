import { z } from 'zod';
import { registerReaders } from '../auth/roles';
import { enteredPasswordSchema } from '../auth/credentials';
import { grades } from '../audits/audits';
import { type RequestSpecs, empty, isoDate, isoInstant, uuid } from '../ipc/wire';

export const certificateRowSchema = z.object({
  id: uuid,
  serial: z.string(),
  kind: z.enum(['registration', 'duplicate', 'audit']),
  societyId: uuid,
  societyName: z.string(),
  regNo: z.string(),
  issuedOn: isoDate,
  officeName: z.string(),
  registrarName: z.string(),
  duplicateOf: z.string().nullable(),
  revokedAt: isoInstant.nullable(),
  revokedReason: z.string().nullable(),
  /**
   * Why the state server refused this certificate, which made it not valid (its serial is
   * kept as void there): set aside by a registrar, or printed for an entry refused as a
   * duplicate. Null for one that stands.
   */
  voidReason: z.string().nullable(),
  keyId: z.string(),
  /** It can be printed again: neither revoked nor refused by the state server. */
  printable: z.boolean(),
  /** A duplicate of it can be issued: printable, and not an audit certificate. */
  duplicable: z.boolean(),
});
export type CertificateRow = z.infer<typeof certificateRowSchema>;

export const claimsSchema = z.object({
  serial: z.string(),
  kind: z.enum(['registration', 'duplicate', 'audit']),
  officeCode: z.string(),
  regNo: z.string(),
  societyName: z.string(),
  registeredOn: isoDate,
  issuedOn: isoDate,
  keyId: z.string(),
  /** Audit certificates: the year audited and the grade given. */
  auditFy: z.string().nullable(),
  grade: z.enum(grades).nullable(),
});

export const verificationSchema = z.object({
  /**
   * valid; altered (signature or text changed); unknown_key; revoked; void (the state server
   * did not take it in, and kept its serial as void); unreadable (not a certificate code).
   */
  status: z.enum(['valid', 'altered', 'unknown_key', 'revoked', 'void', 'unreadable']),
  claims: claimsSchema.nullable(),
  revokedReason: z.string().nullable(),
  /** Why the state server refused a void certificate. */
  voidReason: z.string().nullable(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const certificateRequests = {
  /** The offices' public signing keys, for anyone checking a certificate by other means. */
  'certificates.keys': {
    access: registerReaders,
    input: empty,
    output: z.array(
      z.object({
        keyId: z.string(),
        officeCode: z.string(),
        officeName: z.string(),
        publicKey: z.string(),
        createdAt: isoInstant,
        retiredAt: isoInstant.nullable(),
      }),
    ),
  },
  /** The certificate register: every certificate issued, newest first, or one society's. */
  'certificates.list': {
    access: registerReaders,
    input: z.object({ societyId: uuid.optional() }).strict(),
    output: z.array(certificateRowSchema),
  },
  /** Checks the text of a certificate's QR code offline: valid, altered, unknown key or revoked. */
  'certificates.verify': {
    access: registerReaders,
    input: z
      .object({ text: z.string().min(1, { message: 'Paste or scan the code.' }).max(4000) })
      .strict(),
    output: verificationSchema,
  },
  /**
   * Makes the certificate's PDF (the same bytes at every reprint) and hands it to the
   * printer's side: the desktop app opens it in the PDF viewer (`url` null); browser mode
   * answers a same-origin `url` for the page to open.
   */
  'certificates.print': {
    access: ['clerk', 'registrar'],
    input: z.object({ serial: z.string().min(1).max(80) }).strict(),
    output: z.object({ fileName: z.string(), url: z.string().nullable() }),
  },
  /** A duplicate for a lost certificate, marked as such; the registrar confirms with their password. */
  'certificates.issueDuplicate': {
    access: ['registrar'],
    confirmPassword: true,
    input: z
      .object({ serial: z.string().min(1).max(80), password: enteredPasswordSchema })
      .strict(),
    output: certificateRowSchema,
  },
} as const satisfies RequestSpecs<'certificates'>;
