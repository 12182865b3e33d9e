/**
 * Device enrolment (sync.md §2): an administrator makes a one-time code for an office; the
 * person setting up the desktop or laptop types it once; the device gets a token of its own,
 * which the administrator can revoke.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { EnrolRequest, EnrolResponse, ExportFile } from '#shared/sync/protocol';
import type { ServerDb } from './db/open';
import { devices, enrolmentCodes, numberLeases, serverAudit, syncRows } from './db/schema';
import { newServerId } from './ids';
import type { StateDirectory } from './state-directory';
import type { DeviceRecord } from './sync/decision';

export interface FieldUser {
  id: string;
  username: string;
  fullName: string;
}

/** Letters that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_HOURS = 72;

export class EnrolmentError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 409,
    message: string,
  ) {
    super(message);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** "ABCD-EFGH-JKMN": typed with or without the dashes, in any case. */
function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export class DeviceRegistry {
  constructor(
    private readonly db: ServerDb,
    private readonly directory: StateDirectory,
    private readonly now: () => Date,
  ) {}

  /**
   * A new one-time code for a device of `officeCode`, valid for three days. With
   * `fieldUser` (a user name), the device is that auditor's field laptop: it
   * receives only the societies assigned to them (sync.md §7).
   */
  async createCode(
    officeCode: string,
    label: string,
    fieldUser?: string,
  ): Promise<{ code: string; expiresAt: string; fieldUser: FieldUser | null }> {
    const office = this.directory.officeByCode(officeCode);
    if (!office) throw new EnrolmentError(400, `There is no office with the code ${officeCode}.`);
    const user = fieldUser ? await this.fieldUser(office.id, office.code, fieldUser) : null;
    const letters = Array.from(
      { length: 12 },
      () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
    ).join('');
    const code = `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8)}`;
    const created = this.now();
    const expiresAt = new Date(created.getTime() + CODE_HOURS * 3_600_000).toISOString();
    await this.db.insert(enrolmentCodes).values({
      codeHash: hash(normaliseCode(code)),
      officeId: office.id,
      userId: user?.id ?? null,
      label,
      createdAt: created.toISOString(),
      expiresAt,
    });
    await this.audit('device.code_created', null, {
      office: office.code,
      label,
      ...(user ? { fieldUser: user.username } : {}),
    });
    return { code, expiresAt, fieldUser: user };
  }

  /** The auditor of `officeId` called `username`, as the server holds them. */
  private async fieldUser(officeId: string, officeCode: string, username: string) {
    const [row] = await this.db
      .select({ id: syncRows.id, data: syncRows.data })
      .from(syncRows)
      .where(
        and(
          eq(syncRows.tableName, 'users'),
          eq(syncRows.officeId, officeId),
          sql`lower(${syncRows.data}->>'username') = ${username.trim().toLowerCase()}`,
        ),
      );
    const data = row?.data as Record<string, unknown> | undefined;
    if (!row || !data || data['deleted_at']) {
      throw new EnrolmentError(
        400,
        `The state server has no user ${username} of ${officeCode}. Set them up at the office and sync it first.`,
      );
    }
    // An auditor's assignments are the audits given to them; an inspector's work has no
    // such list yet, so an inspector's laptop is enrolled as an office computer.
    if (data['role'] !== 'auditor') {
      throw new EnrolmentError(
        400,
        `${String(data['full_name'])} is not an auditor; a field laptop is for an auditor.`,
      );
    }
    return {
      id: row.id,
      username: String(data['username']),
      fullName: String(data['full_name']),
    };
  }

  /** Spends a code and enrols the device; the token is shown to the device once. */
  async enrol(request: EnrolRequest): Promise<EnrolResponse> {
    const now = this.now().toISOString();
    const token = randomBytes(32).toString('base64url');
    return this.db.transaction(async (tx) => {
      const [code] = await tx
        .update(enrolmentCodes)
        .set({ usedAt: now, usedByDevice: request.client.deviceId })
        .where(
          and(
            eq(enrolmentCodes.codeHash, hash(normaliseCode(request.code))),
            isNull(enrolmentCodes.usedAt),
            gt(enrolmentCodes.expiresAt, now),
          ),
        )
        .returning();
      if (!code) {
        throw new EnrolmentError(
          403,
          'That enrolment code is not valid: it may be mistyped, already used or expired. Ask the administrator for a new one.',
        );
      }
      const [existing] = await tx
        .select()
        .from(devices)
        .where(eq(devices.id, request.client.deviceId));
      if (existing) {
        throw new EnrolmentError(
          409,
          'This computer is already enrolled. If its database was restored from a backup, it enrols again as a new device.',
        );
      }
      await tx.insert(devices).values({
        id: request.client.deviceId,
        label: request.label,
        officeId: code.officeId,
        userId: code.userId,
        tokenHash: hash(token),
        installEpoch: request.client.installEpoch,
        lastAppliedSeq: request.afterSeq,
        enrolledAt: now,
        appVersion: request.client.appVersion,
      });
      await tx.insert(serverAudit).values({
        id: newServerId(),
        at: now,
        action: 'device.enrolled',
        deviceId: request.client.deviceId,
        detail: { label: request.label, officeId: code.officeId, userId: code.userId },
      });
      return {
        deviceId: request.client.deviceId,
        token,
        officeId: code.officeId,
        fieldUserId: code.userId,
        serverId: 'state',
      };
    });
  }

  /**
   * The device a request comes from, by its token; refuses a revoked device (403) and a
   * database restored from a backup (409, the install epoch differs).
   */
  async authenticate(
    authorization: string | undefined,
    client: { deviceId: string; installEpoch: string },
  ): Promise<DeviceRecord> {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token)
      throw new EnrolmentError(401, 'This computer is not enrolled with the state server.');
    const [device] = await this.db.select().from(devices).where(eq(devices.id, client.deviceId));
    const expected = Buffer.from(device?.tokenHash ?? '', 'hex');
    const given = Buffer.from(hash(token), 'hex');
    if (!device || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new EnrolmentError(401, 'This computer is not enrolled with the state server.');
    }
    if (device.revokedAt) {
      throw new EnrolmentError(
        403,
        'This computer was withdrawn from sync by the administrator. Its changes are kept; export them to a file for the state office.',
      );
    }
    if (device.installEpoch !== client.installEpoch) {
      throw new EnrolmentError(
        409,
        'This computer’s database was restored from a backup. It must be enrolled again before it syncs.',
      );
    }
    return { id: device.id, officeId: device.officeId, userId: device.userId };
  }

  /**
   * The enrolled computer that signed an export file; refuses a file whose signature does
   * not hold. A revoked computer's file is still accepted: that is what the file is for.
   */
  async deviceForFile(file: ExportFile): Promise<DeviceRecord> {
    const [device] = await this.db.select().from(devices).where(eq(devices.id, file.deviceId));
    const expected = device
      ? createHmac('sha256', device.tokenHash).update(file.payload).digest()
      : Buffer.alloc(32);
    const given = Buffer.from(file.signature, 'hex');
    if (!device || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new EnrolmentError(
        403,
        'The file is not signed by a computer enrolled with this server, or it was changed after it was written.',
      );
    }
    return { id: device.id, officeId: device.officeId, userId: device.userId };
  }

  async revoke(deviceId: string): Promise<boolean> {
    const [device] = await this.db
      .update(devices)
      .set({ revokedAt: this.now().toISOString() })
      .where(and(eq(devices.id, deviceId), isNull(devices.revokedAt)))
      .returning();
    if (device) {
      // Its blocks of numbers go with it: the unused ones are never given (sync.md §6).
      await this.db
        .update(numberLeases)
        .set({ revokedAt: device.revokedAt })
        .where(and(eq(numberLeases.deviceId, deviceId), isNull(numberLeases.revokedAt)));
      await this.audit('device.revoked', deviceId, {});
    }
    return Boolean(device);
  }

  async list() {
    return this.db.select().from(devices).orderBy(devices.enrolledAt);
  }

  private async audit(action: string, deviceId: string | null, detail: Record<string, unknown>) {
    await this.db.insert(serverAudit).values({
      id: newServerId(),
      at: this.now().toISOString(),
      action,
      deviceId,
      detail,
    });
  }
}
