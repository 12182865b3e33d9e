import { z } from 'zod';
import { typedText } from '../societies/society';
import { registerReaders } from '../auth/roles';
import { type RequestSpecs, isoInstant, uuid } from '../ipc/wire';

export const documentRowSchema = z.object({
  id: uuid,
  sha256: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  ownerEntity: z.string(),
  ownerId: uuid,
  purpose: z.string(),
  addedAt: isoInstant,
  addedBy: z.string(),
});
export type DocumentRow = z.infer<typeof documentRowSchema>;

/** What a document attached to a record is for. */
export const documentPurposes = [
  'bank_certificate',
  'bye_laws',
  'fee_receipt',
  'audited_accounts',
  'annual_report',
  'audit_photo',
  'audit_working_paper',
  'other',
] as const;

export const documentRequests = {
  /**
   * Attaches a PDF, JPEG or PNG (at most 10 MB, sent as base64) to an application, a
   * society, a return or an audit (the auditor: to their own audit only); kept under its
   * SHA-256, never overwritten.
   */
  'documents.add': {
    access: ['clerk', 'registrar', 'auditor'],
    input: z
      .object({
        ownerEntity: z.enum(['registration_application', 'society', 'annual_return', 'audit']),
        ownerId: uuid,
        purpose: z.enum(documentPurposes, { message: 'Choose what the document is.' }),
        fileName: typedText().min(1).max(200),
        contentBase64: z.string().max(14_000_000, {
          message: 'The file is larger than 10 MB; scan it at a lower resolution.',
        }),
      })
      .strict(),
    output: documentRowSchema,
  },
  'documents.list': {
    access: registerReaders,
    input: z.object({ ownerId: uuid }).strict(),
    output: z.array(documentRowSchema),
  },
  /** Opens a document in the system viewer (desktop) or answers a URL to open (browser mode). */
  'documents.open': {
    access: registerReaders,
    input: z.object({ id: uuid }).strict(),
    output: z.object({ fileName: z.string(), url: z.string().nullable() }),
  },
} as const satisfies RequestSpecs<'documents'>;
