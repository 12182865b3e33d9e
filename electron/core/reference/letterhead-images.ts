import { createHash } from 'node:crypto';
import { indiaDate } from '#shared/domain/dates';
import { AppError } from '#shared/errors';
import type { SessionUser } from '#shared/auth/contract';
import type { Letterhead, LetterheadImage, LetterheadImageKind } from '#shared/reference/contract';
import type { Sqlite } from '../db/open-database';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { Clock } from '../ports';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import { inspectLetterheadImage, type LetterheadImageLimits } from './letterhead-image-file';

/** The pictures a printout draws at its head; null where none is set (a placeholder is drawn). */
export interface LetterheadMarks {
  stateEmblem: Buffer | null;
  departmentLogo: Buffer | null;
}

/** No pictures: every printout draws its placeholders. */
export const NO_LETTERHEAD_MARKS: LetterheadMarks = { stateEmblem: null, departmentLogo: null };

interface ImageRecord {
  kind: LetterheadImageKind;
  mimeType: LetterheadImage['mimeType'] | null;
  content: string | null;
  size: number | null;
  width: number | null;
  height: number | null;
  setAt: string;
  setBy: string;
}

/**
 * The state emblem and the department's logo, set by the administrator as reference data
 * (issue 20) and synced to every office. Each change adds a row; the latest of a kind
 * stands, and one without content means the image was removed.
 */
/** What one row of reference_images holds besides its bookkeeping; only `kind` for a removal. */
interface ImageColumns {
  kind: LetterheadImageKind;
  mimeType?: string;
  sha256?: string;
  size?: number;
  width?: number;
  height?: number;
  content?: string;
}

const emptyImage = { mimeType: null, sha256: null, size: null, width: null, height: null };

export class LetterheadImages {
  private readonly prepare: Prepare;

  constructor(
    sqlite: Sqlite,
    private readonly writer: MutationWriter,
    private readonly rule: (key: string, onDate: string) => string,
    private readonly clock: Clock,
  ) {
    this.prepare = statementCache(sqlite);
  }

  /** Both images as the screens show them (null where not set), and the limits in force. */
  view(): Letterhead {
    const view = (kind: LetterheadImageKind): LetterheadImage | null => {
      const row = this.latest(kind);
      if (!row?.content || !row.mimeType) return null;
      return {
        kind,
        mimeType: row.mimeType,
        width: row.width ?? 0,
        height: row.height ?? 0,
        size: row.size ?? 0,
        dataUrl: `data:${row.mimeType};base64,${row.content}`,
        setAt: row.setAt,
        setBy: row.setBy,
      };
    };
    return {
      stateEmblem: view('state_emblem'),
      departmentLogo: view('department_logo'),
      limits: this.limits(),
    };
  }

  /** The pictures for a printout; a missing one is drawn as a plain "not set" placeholder. */
  marks(): LetterheadMarks {
    const bytes = (kind: LetterheadImageKind) => {
      const content = this.latest(kind)?.content;
      return content ? Buffer.from(content, 'base64') : null;
    };
    return { stateEmblem: bytes('state_emblem'), departmentLogo: bytes('department_logo') };
  }

  /**
   * Sets the emblem or the logo from the file's bytes (base64). Refuses (`invalid_input`,
   * field `content`) a file that is not a PNG or JPEG pdfkit can open, or breaks a limit of
   * the rule parameters; nothing is written then. The same picture set again is no change.
   */
  set(user: SessionUser, kind: LetterheadImageKind, contentBase64: string): Letterhead {
    const content = Buffer.from(contentBase64, 'base64');
    const inspected = inspectLetterheadImage(kind, content, this.limits());
    if ('refusal' in inspected) {
      throw new AppError('invalid_input', inspected.refusal, { content: inspected.refusal });
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (this.latestSha(kind) === sha256) return this.view();
    // The bytes travel in the row only: the record of changes names the picture by its hash.
    this.append(user, 'referenceImage.set', {
      kind,
      mimeType: inspected.mimeType,
      sha256,
      size: content.length,
      width: inspected.width,
      height: inspected.height,
      content: content.toString('base64'),
    });
    return this.view();
  }

  /** Removes the emblem or the logo: printouts show the "not set" placeholder again. */
  remove(user: SessionUser, kind: LetterheadImageKind): Letterhead {
    if (!this.latest(kind)?.content) return this.view();
    this.append(user, 'referenceImage.remove', { kind });
    return this.view();
  }

  /**
   * Setting and removing both add a row (the newest row of a kind is the one in force, a
   * row without content the placeholder), so every office's history keeps each picture.
   */
  private append(
    user: SessionUser,
    name: 'referenceImage.set' | 'referenceImage.remove',
    { content, ...image }: ImageColumns,
  ) {
    this.writer.run(actorFor(user), (tx) => {
      const row = { id: tx.newId(), ...image };
      this.prepare(
        `INSERT INTO reference_images (id, version, created_at, created_by, updated_at, updated_by, kind, mime_type,
           content, sha256, size, width, height)
         VALUES (@id, 1, @now, @by, @now, @by, @kind, @mimeType, @content, @sha256, @size, @width, @height)`,
      ).run({ ...emptyImage, ...row, content: content ?? null, now: tx.now, by: user.id });
      tx.record({
        name,
        entity: 'reference_image',
        entityId: row.id,
        args: row,
        baseVersion: null,
        base: null,
      });
    });
  }

  /** The limits of the rule parameters in force today. */
  limits(): LetterheadImageLimits {
    const today = indiaDate(this.clock.now());
    const number = (key: string) => Number(this.rule(`letterhead.${key}`, today));
    return {
      maxBytes: number('image_max_kb') * 1024,
      minPixels: number('image_min_px'),
      maxPixels: number('image_max_px'),
      maxAspect: number('image_max_aspect'),
    };
  }

  private latest(kind: LetterheadImageKind): ImageRecord | undefined {
    return this.prepare(
      `SELECT i.kind, i.mime_type AS mimeType, i.content, i.size, i.width, i.height, i.created_at AS setAt,
         coalesce((SELECT full_name FROM users WHERE id = i.created_by), i.created_by) AS setBy
       FROM reference_images i WHERE i.kind = ? AND i.deleted_at IS NULL
       ORDER BY i.created_at DESC, i.id DESC LIMIT 1`,
    ).get(kind) as ImageRecord | undefined;
  }

  private latestSha(kind: LetterheadImageKind): string | null {
    const row = this.prepare(
      `SELECT sha256 FROM reference_images WHERE kind = ? AND deleted_at IS NULL
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    ).get(kind) as { sha256: string | null } | undefined;
    return row?.sha256 ?? null;
  }
}
