import { AppError } from '#shared/errors';
import { financialYearOf, formatDate } from '#shared/domain/dates';
import type { CertificateRow } from '#shared/certificates/contract';
import type { SessionUser } from '#shared/auth/contract';
import type { Sqlite } from '../db/open-database';
import { presentPrintout, type PrintoutFiles } from '../printouts';
import { renderCertificatePdf, type CertificateDocument } from './pdf/certificate-pdf';
import {
  renderAuditCertificatePdf,
  type AuditCertificateDocument,
} from './pdf/audit-certificate-pdf';
import { statementCache, type Prepare } from '../db/statement-cache';
import type { ReferenceService } from '../reference/reference-service';
import { officeNumbering, type NumberAllocator } from '../registration/number-allocator';
import { refusalOfVoided } from '#shared/sync/numbers';
import { assertJurisdiction } from '../jurisdiction';
import { actorFor, type MutationTx, type MutationWriter } from '../sync/mutation-writer';
import {
  qrText,
  type CertificateClaims,
  type OfficeSigner,
  type VerificationResult,
} from './signing';

/** Everything printed on a certificate but the QR code (which is derived from the signature). */
export type CertificateContent =
  Omit<CertificateDocument, 'qrText'> | Omit<AuditCertificateDocument, 'qrText'>;

/** What the audit service passes for an audit certificate; the rest comes from the register. */
export type AuditCertificateInput = Pick<
  AuditCertificateDocument,
  | 'fy'
  | 'grade'
  | 'totalMarks'
  | 'maxMarks'
  | 'auditorName'
  | 'auditorKind'
  | 'fieldworkFrom'
  | 'fieldworkTo'
  | 'submittedOn'
  | 'summary'
  | 'observations'
  | 'issuedOn'
> & { societyId: string };

/**
 * Why the state server did not take in the certificate whose serial is `serialSql`: the
 * serial came back from it kept as void (the certificate set aside by a registrar while it
 * waited, or printed for an entry refused as a duplicate). NULL for one that stands.
 */
function voidReasonOf(serialSql: string): string {
  return `(SELECT n.void_reason FROM number_allocations n
     WHERE n.number = ${serialSql} AND n.purpose = 'certificate' AND n.voided_at IS NOT NULL
       AND n.deleted_at IS NULL)`;
}

const SELECT_ROWS = `
  SELECT c.id, c.serial, c.kind, c.society_id AS societyId, json_extract(c.document, '$.societyName') AS societyName,
         json_extract(c.document, '$.regNo') AS regNo, c.issued_on AS issuedOn, o.short_name AS officeName,
         json_extract(c.document, '$.registrarName') AS registrarName, c.duplicate_of AS duplicateOf,
         c.revoked_at AS revokedAt, c.revoked_reason AS revokedReason,
         ${voidReasonOf('c.serial')} AS voidReason, c.key_id AS keyId
  FROM certificates c JOIN offices o ON o.id = c.office_id`;

/**
 * Issues, lists, verifies and revokes certificates (domain.md §4 "Certificates"). What is
 * signed and printed is stored at issue, so a reprint gives the same document.
 */
export class CertificateService {
  private readonly prepare: Prepare;

  constructor(
    sqlite: Sqlite,
    private readonly signer: OfficeSigner,
    private readonly numbers: NumberAllocator,
    private readonly reference: ReferenceService,
    private readonly writer: MutationWriter,
    private readonly verifyBaseUrl: string,
    private readonly files: PrintoutFiles & { fontsDir: string },
  ) {
    this.prepare = statementCache(sqlite);
  }

  /** Makes the office's signing key if it has none; call before a transaction that signs. */
  prepareSigning(officeId: string): void {
    const office = this.office(officeId);
    this.signer.keyFor(office.id, office.code, new Date().toISOString());
  }

  /**
   * A duplicate of a lost certificate, by a registrar of the issuing office, in its own
   * transaction; returns the register's row for it.
   */
  issueDuplicateFor(
    registrar: SessionUser,
    originalSerial: string,
    issuedOn: string,
  ): CertificateRow {
    const original = this.stored(originalSerial);
    assertJurisdiction(
      this.reference,
      registrar,
      original.officeId,
      'issue a duplicate of this certificate',
    );
    this.prepareSigning(original.officeId);
    const { serial } = this.writer.run(actorFor(registrar), (tx) =>
      this.issueDuplicate(tx, registrar, originalSerial, issuedOn),
    );
    return this.row(serial);
  }

  /** Issues the registration certificate of a society just registered, in the caller's transaction. */
  issueRegistration(
    tx: MutationTx,
    registrar: SessionUser,
    societyId: string,
    issuedOn: string,
  ): { serial: string } {
    const society = this.prepare(
      `SELECT s.name, s.name_mizo AS nameMizo, s.reg_no AS regNo, s.registered_on AS registeredOn, s.address,
              s.office_id AS officeId, t.name AS typeName
       FROM societies s JOIN society_types t ON t.id = s.type_id WHERE s.id = ?`,
    ).get(societyId) as {
      name: string;
      nameMizo: string | null;
      regNo: string;
      registeredOn: string;
      address: string;
      officeId: string;
      typeName: string;
    };
    const area = (
      this.prepare(
        `SELECT v.name FROM society_area_villages a JOIN villages v ON v.id = a.village_id
         WHERE a.society_id = ? AND a.deleted_at IS NULL ORDER BY v.name`,
      ).all(societyId) as { name: string }[]
    ).map((row) => row.name);
    this.assertFinalNumber(society);
    const office = this.office(society.officeId);
    const serial = this.nextSerial(tx, office.code, issuedOn, societyId);
    const content: CertificateContent = {
      kind: 'registration',
      duplicate: null,
      stateName: this.reference.get().stateName,
      officeName: office.name,
      officeAddress: office.address,
      societyName: society.name,
      societyNameMizo: society.nameMizo,
      regNo: society.regNo,
      registeredOn: society.registeredOn,
      typeName: society.typeName,
      address: society.address,
      areaOfOperation: area,
      registrarName: registrar.fullName,
      registrarDesignation: designationOf(office),
      serial,
      issuedOn,
    };
    this.store(tx, content, societyId, office, null);
    return { serial };
  }

  /**
   * Issues the audit certificate (with its memo) of an audit just accepted, in the
   * caller's transaction. Signed like a registration certificate, with the year and grade.
   */
  issueAudit(
    tx: MutationTx,
    registrar: SessionUser,
    input: AuditCertificateInput,
  ): { serial: string } {
    const { societyId, ...audit } = input;
    const society = this.prepare(
      `SELECT s.name, s.reg_no AS regNo, s.registered_on AS registeredOn, s.address, s.office_id AS officeId,
              t.name AS typeName
       FROM societies s JOIN society_types t ON t.id = s.type_id WHERE s.id = ?`,
    ).get(societyId) as {
      name: string;
      regNo: string;
      registeredOn: string;
      address: string;
      officeId: string;
      typeName: string;
    };
    this.assertFinalNumber(society);
    const office = this.office(society.officeId);
    const serial = this.nextSerial(tx, office.code, audit.issuedOn, societyId, 'AC');
    const content: CertificateContent = {
      kind: 'audit',
      stateName: this.reference.get().stateName,
      officeName: office.name,
      officeAddress: office.address,
      societyName: society.name,
      regNo: society.regNo,
      registeredOn: society.registeredOn,
      typeName: society.typeName,
      address: society.address,
      ...audit,
      registrarName: registrar.fullName,
      registrarDesignation: designationOf(office),
      serial,
    };
    this.store(tx, content, societyId, office, null);
    return { serial };
  }

  /** A duplicate of a lost certificate: a new serial, marked as such, naming the original. */
  private issueDuplicate(
    tx: MutationTx,
    registrar: SessionUser,
    originalSerial: string,
    issuedOn: string,
  ): { serial: string } {
    const original = this.stored(originalSerial);
    const { content: printed } = original;
    const refusal = duplicateRefusal({ ...original, kind: printed.kind });
    if (refusal !== null) throw new AppError('conflict', refusal);
    // Refused above; checked again only so that the content's type is a registration's.
    if (printed.kind === 'audit') throw new Error('An audit certificate has no duplicate.');
    const office = this.office(original.officeId);
    const serial = this.nextSerial(tx, office.code, issuedOn, original.societyId);
    const content: CertificateContent = {
      ...printed,
      duplicate: { originalSerial, issuedOn: printed.issuedOn },
      registrarName: registrar.fullName,
      serial,
      issuedOn,
    };
    this.store(tx, content, original.societyId, office, originalSerial);
    return { serial };
  }

  /**
   * Revokes every live certificate of a society (deregistration), in the caller's
   * transaction. One the state server did not take in is not valid already: revoking it
   * would only be refused there.
   */
  revokeForSociety(tx: MutationTx, societyId: string, reason: string): number {
    const live = this.prepare(
      `SELECT c.id, c.version FROM certificates c
       WHERE c.society_id = ? AND c.revoked_at IS NULL AND c.deleted_at IS NULL AND ${voidReasonOf('c.serial')} IS NULL`,
    ).all(societyId) as { id: string; version: number }[];
    for (const certificate of live) {
      this.prepare(
        'UPDATE certificates SET revoked_at = ?, revoked_reason = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
      ).run(tx.now, reason, tx.now, tx.userId, certificate.id);
      tx.record({
        name: 'certificate.revoke',
        entity: 'certificate',
        entityId: certificate.id,
        subjectId: societyId,
        args: { revokedAt: tx.now, revokedReason: reason },
        baseVersion: certificate.version,
        base: { revokedAt: null, revokedReason: null },
      });
    }
    return live.length;
  }

  /** The certificate register, newest first; one society's when `societyId` is given. */
  list(filter: { societyId?: string | undefined }): CertificateRow[] {
    const rows = filter.societyId
      ? (this.prepare(
          `${SELECT_ROWS} WHERE c.society_id = ? ORDER BY c.issued_on DESC, c.serial DESC`,
        ).all(filter.societyId) as CertificateRow[])
      : (this.prepare(
          `${SELECT_ROWS} ORDER BY c.issued_on DESC, c.serial DESC LIMIT 1000`,
        ).all() as CertificateRow[]);
    return rows.map(listed);
  }

  /** What to print for a serial: the stored content and the QR text, identical on every reprint. */
  printable(serial: string): CertificateDocument | AuditCertificateDocument {
    const stored = this.stored(serial);
    return {
      ...stored.content,
      qrText: qrText(this.verifyBaseUrl, stored.payload, stored.signature),
    };
  }

  /**
   * Writes the certificate's PDF to the data folder's `printouts/` (the same bytes at every
   * reprint) and presents it to the user for printing.
   */
  async print(
    user: SessionUser,
    serial: string,
  ): Promise<{ fileName: string; url: string | null }> {
    const stored = this.stored(serial);
    const refusal = printRefusal(stored);
    if (refusal) throw new AppError('conflict', refusal);
    assertJurisdiction(this.reference, user, stored.officeId, 'print this certificate');
    const printable = this.printable(serial);
    // The emblem and logo in force now, not at issue: a certificate printed while they were
    // not set says so, and its reprint after they are set carries them.
    const marks = this.reference.letterhead.marks();
    const pdf =
      printable.kind === 'audit'
        ? await renderAuditCertificatePdf(printable, this.files.fontsDir, marks)
        : await renderCertificatePdf(printable, this.files.fontsDir, marks);
    // Every print is on the record: who printed which certificate, and when.
    this.writer.run(actorFor(user), (tx) =>
      tx.note({
        name: 'certificate.print',
        entity: 'certificate',
        entityId: serial,
        subjectId: stored.societyId,
        args: { serial },
        baseVersion: null,
        base: null,
      }),
    );
    return presentPrintout(this.files, `${serial.replaceAll('/', '-')}.pdf`, pdf);
  }

  /** Every office key this registry knows, retired ones included (old certificates use them). */
  publicKeys() {
    return this.prepare(
      `SELECT k.key_id AS keyId, o.code AS officeCode, o.short_name AS officeName, k.public_key AS publicKey,
              k.created_at AS createdAt, k.retired_at AS retiredAt
       FROM office_keys k JOIN offices o ON o.id = k.office_id ORDER BY o.code, k.created_at`,
    ).all() as {
      keyId: string;
      officeCode: string;
      officeName: string;
      publicKey: string;
      createdAt: string;
      retiredAt: string | null;
    }[];
  }

  /**
   * The signature and the register's revocation (the signer), then whether the state server
   * kept the serial as void: a certificate it never took in is not valid, wherever printed.
   */
  verify(text: string): VerificationResult {
    const result = this.signer.verify(text);
    if (result.status !== 'valid' && result.status !== 'revoked') return result;
    const voidReason = this.prepare(`SELECT ${voidReasonOf('?')}`)
      .pluck()
      .get(result.claims.s) as string | null;
    return voidReason === null
      ? result
      : { status: 'void', claims: result.claims, voidReason: refusalOfVoided(voidReason) };
  }

  /**
   * Certificate serials run per office and financial year: RC/AIZ/2026-27/000001 for
   * registration certificates and their duplicates, AC/… for audit certificates.
   */
  private nextSerial(
    tx: MutationTx,
    officeCode: string,
    issuedOn: string,
    societyId: string,
    prefix: 'RC' | 'AC' = 'RC',
  ): string {
    // A certificate prints its serial: never a provisional one (sync.md §6).
    return this.numbers.allocate(
      tx,
      officeNumbering(
        prefix === 'RC' ? 'registrationCertificate' : 'auditCertificate',
        officeCode,
        financialYearOf(issuedOn),
      ),
      'certificate',
      societyId,
      { final: true },
    ).number;
  }

  /** No certificate carries a provisional registration number (sync.md §6). */
  private assertFinalNumber(society: { name: string; regNo: string }): void {
    if (this.numbers.isProvisional(society.regNo)) {
      throw new AppError(
        'conflict',
        `${society.name} has the provisional number ${society.regNo} until this computer syncs with the state server; its certificate is issued after that.`,
      );
    }
  }

  private row(serial: string): CertificateRow {
    const row = this.prepare(`${SELECT_ROWS} WHERE c.serial = ?`).get(serial) as
      SelectedRow | undefined;
    if (!row) throw new AppError('not_found', `There is no certificate ${serial} in the register.`);
    return listed(row);
  }

  private store(
    tx: MutationTx,
    content: CertificateContent,
    societyId: string,
    office: { id: string; code: string },
    duplicateOf: string | null,
  ): void {
    const key = this.signer.keyFor(office.id, office.code, tx.now);
    const claims: CertificateClaims = {
      v: 1,
      k: key.keyId,
      s: content.serial,
      t: content.kind === 'audit' ? 'A' : duplicateOf ? 'D' : 'R',
      o: office.code,
      n: content.regNo,
      m: content.societyName,
      d: content.registeredOn,
      i: content.issuedOn,
      ...(content.kind === 'audit' ? { y: content.fy, g: content.grade } : {}),
    };
    const { payload, signature } = this.signer.sign(claims, key.privateKey);
    const id = tx.newId();
    const row = {
      id,
      serial: content.serial,
      kind: content.kind === 'audit' ? 'audit' : duplicateOf ? 'duplicate' : 'registration',
      societyId,
      officeId: office.id,
      issuedOn: content.issuedOn,
      document: JSON.stringify(content),
      payload,
      signature,
      keyId: key.keyId,
      duplicateOf,
    };
    this.prepare(
      `INSERT INTO certificates (id, version, created_at, created_by, updated_at, updated_by, serial, kind, society_id, office_id,
         issued_on, document, payload, signature, key_id, duplicate_of)
       VALUES (@id, 1, @now, @by, @now, @by, @serial, @kind, @societyId, @officeId, @issuedOn, @document, @payload, @signature,
         @keyId, @duplicateOf)`,
    ).run({ ...row, now: tx.now, by: tx.userId });
    tx.record({
      name: duplicateOf
        ? 'certificate.issueDuplicate'
        : content.kind === 'audit'
          ? 'certificate.issueAudit'
          : 'certificate.issue',
      entity: 'certificate',
      entityId: id,
      subjectId: societyId,
      args: {
        serial: row.serial,
        kind: row.kind,
        issuedOn: row.issuedOn,
        keyId: row.keyId,
        duplicateOf,
      },
      baseVersion: null,
      base: null,
    });
  }

  private stored(serial: string): {
    serial: string;
    societyId: string;
    officeId: string;
    content: CertificateContent;
    payload: string;
    signature: string;
    revokedAt: string | null;
    voidReason: string | null;
  } {
    const row = this.prepare(
      `SELECT c.society_id AS societyId, c.office_id AS officeId, c.document, c.payload, c.signature,
              c.revoked_at AS revokedAt, ${voidReasonOf('c.serial')} AS voidReason
       FROM certificates c WHERE c.serial = ? AND c.deleted_at IS NULL`,
    ).get(serial) as
      | {
          societyId: string;
          officeId: string;
          document: string;
          payload: string;
          signature: string;
          revokedAt: string | null;
          voidReason: string | null;
        }
      | undefined;
    if (!row) throw new AppError('not_found', `There is no certificate ${serial} in the register.`);
    return { ...withRefusal(row), serial, content: JSON.parse(row.document) as CertificateContent };
  }

  private office(officeId: string) {
    const office = this.reference.get().offices.find((candidate) => candidate.id === officeId);
    if (!office)
      throw new AppError('not_found', 'The issuing office is not in the reference data.');
    return office;
  }
}

/** A row with its void reason as the refusal's own words (see voidReasonOf). */
function withRefusal<T extends { voidReason: string | null }>(row: T): T {
  return row.voidReason === null ? row : { ...row, voidReason: refusalOfVoided(row.voidReason) };
}

/** A register row as SELECT_ROWS reads it: what it allows is worked out by `listed`. */
type SelectedRow = Omit<CertificateRow, 'printable' | 'duplicable'>;

/** A register row with its void reason in words and what its standing allows. */
function listed(selected: SelectedRow): CertificateRow {
  const row = withRefusal(selected);
  return { ...row, printable: !printRefusal(row), duplicable: !duplicateRefusal(row) };
}

/** What a certificate's standing turns on. */
interface Standing {
  serial: string;
  kind: string;
  revokedAt: string | null;
  /** In the refusal's own words (withRefusal). */
  voidReason: string | null;
}

/** Why a certificate cannot be printed again, or null when it can. */
function printRefusal(certificate: Omit<Standing, 'kind'>): string | null {
  const { serial, revokedAt, voidReason } = certificate;
  if (revokedAt) {
    return `Certificate ${serial} was revoked on ${formatDate(revokedAt.slice(0, 10))}; it cannot be printed.`;
  }
  if (voidReason) {
    return `Certificate ${serial} is not valid; it cannot be printed. The state server refused it: ${voidReason}`;
  }
  return null;
}

/** Why no duplicate of a certificate can be issued, or null when one can. */
function duplicateRefusal(certificate: Standing): string | null {
  const { serial, kind, revokedAt, voidReason } = certificate;
  if (revokedAt) return `Certificate ${serial} was revoked; no duplicate can be issued.`;
  if (voidReason) {
    return `Certificate ${serial} is not valid; no duplicate can be issued. The state server refused it: ${voidReason}`;
  }
  if (kind === 'audit') {
    return 'An audit certificate is reprinted from the register as it was issued; it has no duplicate.';
  }
  return null;
}

/** The registrar's designation as printed under the signature. */
function designationOf(office: { level: string; name: string }): string {
  // "Office of the Assistant Registrar of Cooperative Societies, Aizawl" → "Assistant Registrar of …"
  return office.name.replace(/^Office of the /u, '');
}
