import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#shared/errors';
import type { DocumentRow } from '#shared/documents/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Sqlite } from '../db/open-database';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { HostPort } from '../ports';
import { safeFileName } from '../safe-file-name';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';

/** What a document may be, by its own first bytes rather than by what its name claims. */
const KINDS = [
  { mimeType: 'application/pdf', extension: 'pdf', magic: Buffer.from('%PDF-') },
  { mimeType: 'image/jpeg', extension: 'jpg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { mimeType: 'image/png', extension: 'png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
] as const;

/** The records documents can belong to, and their tables. */
const OWNER_TABLES: Record<string, string> = {
  registration_application: 'registration_applications',
  annual_return: 'annual_returns',
  audit: 'audits',
  society: 'societies',
};

/** Largest document accepted: a scanned bye-law book at a readable resolution. */
export const MAX_DOCUMENT_BYTES = 10 * 1_048_576;

const SELECT = `SELECT d.id, d.sha256, d.file_name AS fileName, d.mime_type AS mimeType, d.size, d.owner_entity AS ownerEntity,
  d.owner_id AS ownerId, d.purpose, d.created_at AS addedAt,
  coalesce((SELECT full_name FROM users WHERE id = d.created_by), d.created_by) AS addedBy
  FROM documents d`;

/**
 * Attached documents (issue #4): the bytes are stored once under their SHA-256 in the data
 * folder's `documents/`, never overwritten (the same content attached twice is one file),
 * and checked against the hash whenever they are opened.
 */
export class DocumentService {
  private readonly prepare: Prepare;

  constructor(
    sqlite: Sqlite,
    private readonly writer: MutationWriter,
    private readonly dataDir: string,
    private readonly host: Pick<HostPort, 'presentFile'>,
  ) {
    this.prepare = statementCache(sqlite);
  }

  add(
    user: SessionUser,
    input: {
      ownerEntity: string;
      ownerId: string;
      purpose: string;
      fileName: string;
      content: Buffer;
    },
  ): DocumentRow {
    const ownerTable = OWNER_TABLES[input.ownerEntity];
    const owner = ownerTable
      ? this.prepare(`SELECT 1 FROM ${ownerTable} WHERE id = ? AND deleted_at IS NULL`).get(
          input.ownerId,
        )
      : undefined;
    if (!owner) throw new AppError('not_found', 'The record to attach this to does not exist.');
    // An auditor works on the audits given to them, and on nothing else of the register.
    if (user.role === 'auditor') {
      const assigned =
        input.ownerEntity === 'audit' &&
        this.prepare(
          `SELECT 1 FROM audits WHERE id = ? AND auditor_id = ? AND deleted_at IS NULL
             AND state IN ('planned', 'in_field', 'returned')`,
        ).get(input.ownerId, user.id);
      if (!assigned) {
        throw new AppError(
          'forbidden',
          'An auditor attaches documents to their own audits only, before the report is submitted.',
        );
      }
    }
    if (input.content.length === 0) throw refuse('The file is empty.');
    if (input.content.length > MAX_DOCUMENT_BYTES) {
      throw refuse(
        `The file is larger than ${MAX_DOCUMENT_BYTES / 1_048_576} MB; scan it at a lower resolution.`,
      );
    }
    const kind = KINDS.find((candidate) =>
      input.content.subarray(0, candidate.magic.length).equals(candidate.magic),
    );
    if (!kind) throw refuse('Attach a PDF, JPEG or PNG file.');
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    const file = this.fileOf(sha256, kind.extension);
    if (!existsSync(file)) {
      mkdirSync(join(file, '..'), { recursive: true });
      // Written beside and renamed: a power cut leaves either no file or the whole one.
      writeFileSync(`${file}.partial`, input.content);
      renameSync(`${file}.partial`, file);
    }
    const id = this.writer.run(actorFor(user), (tx) => {
      const row = {
        id: tx.newId(),
        sha256,
        fileName: input.fileName,
        mimeType: kind.mimeType,
        size: input.content.length,
        ownerEntity: input.ownerEntity,
        ownerId: input.ownerId,
        purpose: input.purpose,
      };
      this.prepare(
        `INSERT INTO documents (id, version, created_at, created_by, updated_at, updated_by, sha256, file_name, mime_type, size,
           owner_entity, owner_id, purpose)
         VALUES (@id, 1, @now, @by, @now, @by, @sha256, @fileName, @mimeType, @size, @ownerEntity, @ownerId, @purpose)`,
      ).run({ ...row, now: tx.now, by: user.id });
      tx.record({
        name: 'document.add',
        entity: 'document',
        entityId: row.id,
        subjectId: input.ownerId,
        args: row,
        baseVersion: null,
        base: null,
      });
      return row.id;
    });
    return this.get(id);
  }

  list(ownerId: string): DocumentRow[] {
    return this.prepare(
      `${SELECT} WHERE d.owner_id = ? AND d.deleted_at IS NULL ORDER BY d.created_at`,
    ).all(ownerId) as DocumentRow[];
  }

  /**
   * Opens a document for the user: a copy under its own name in `printouts/` (the stored
   * file keeps its hash name), after checking the stored bytes still match their hash.
   */
  async open(id: string): Promise<{ fileName: string; url: string | null }> {
    const document = this.get(id);
    const kind = KINDS.find((candidate) => candidate.mimeType === document.mimeType);
    const stored = this.fileOf(document.sha256, kind?.extension ?? 'bin');
    if (!existsSync(stored)) {
      throw new AppError(
        'not_found',
        `${document.fileName} is missing from the data folder. Restore it from a backup.`,
      );
    }
    if (createHash('sha256').update(readFileSync(stored)).digest('hex') !== document.sha256) {
      throw new AppError(
        'conflict',
        `${document.fileName} was changed on disk after it was attached. Restore it from a backup.`,
      );
    }
    const copyDir = join(this.dataDir, 'printouts', document.sha256.slice(0, 12));
    mkdirSync(copyDir, { recursive: true });
    const copy = join(copyDir, safeName(document.fileName, kind?.extension ?? 'bin'));
    copyFileSync(stored, copy);
    const { url } = await this.host.presentFile(copy);
    return { fileName: document.fileName, url };
  }

  private get(id: string): DocumentRow {
    const row = this.prepare(`${SELECT} WHERE d.id = ? AND d.deleted_at IS NULL`).get(id) as
      DocumentRow | undefined;
    if (!row) throw new AppError('not_found', 'This document does not exist.');
    return row;
  }

  private fileOf(sha256: string, extension: string): string {
    return join(this.dataDir, 'documents', sha256.slice(0, 2), `${sha256}.${extension}`);
  }
}

function refuse(message: string): AppError {
  return new AppError('invalid_input', message, { content: message });
}

/** A file name safe on Windows, ending in the document's real extension. */
function safeName(fileName: string, extension: string): string {
  const base =
    safeFileName(fileName)
      .replace(/\.[^.]*$/u, '')
      .slice(0, 80) || 'document';
  return `${base}.${extension}`;
}
