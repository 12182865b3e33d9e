/**
 * The state server's HTTP face: health, device enrolment, push, pull and the sync issues of
 * an office (sync.md §4), with request size limits, rate limits and structured logs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { and, desc, eq, isNull } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  PUSH_MAX_BYTES,
  SYNC_PROTOCOL_VERSION,
  enrolRequestSchema,
  exportFileSchema,
  exportPayloadSchema,
  PUSH_MAX_MUTATIONS,
  numbersRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  type Checkpoint,
  type ClientInfo,
  type OfficeKey,
  type SyncIssue,
} from '#shared/sync/protocol';
import type { ServerDb } from './db/open';
import { devices, officeKeys, syncIssues } from './db/schema';
import { backfillSocietyKeys } from './sync/duplicates';
import { DeviceRegistry, EnrolmentError } from './devices';
import type { StateDirectory } from './state-directory';
import { leaseNumbers } from './sync/numbers';
import { pullPage } from './sync/pull';
import type { DeviceRecord } from './sync/decision';
import { pushMutations } from './sync/push';
import { renderVerifyPage, verifyCertificate } from './verify-page';

export interface ServerOptions {
  db: ServerDb;
  databaseKind: 'pglite' | 'postgres';
  directory: StateDirectory;
  /** The administrator's key for making enrolment codes and revoking devices. */
  adminKey: string;
  /** The server's secret for countersigning devices' audit-trail heads. */
  checkpointKey: string;
  now?: () => Date;
  /** pino options, or false for none (tests). */
  logger?: boolean | { level: string };
  /** Requests per minute per address; enrolment is held to a tenth of it. */
  rateLimitPerMinute?: number;
}

/** The oldest client protocol the server still speaks (sync.md §8: 426 for older ones). */
const OLDEST_PROTOCOL = 1;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const iso = () => now().toISOString();
  const app = Fastify({
    logger: options.logger ?? { level: 'info' },
    // A push batch is at most 1 MB (sync.md §3); the margin is for the envelope. Larger → 413,
    // and the client halves its batch.
    bodyLimit: PUSH_MAX_BYTES * 2,
  });
  const registry = new DeviceRegistry(options.db, options.directory, now);
  const keyed = await backfillSocietyKeys(options.db);
  if (keyed > 0) app.log.info({ societies: keyed }, 'sync.society_keys_filled');
  const perMinute = options.rateLimitPerMinute ?? 1200;
  await app.register(rateLimit, { max: perMinute, timeWindow: '1 minute' });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof EnrolmentError) {
      return reply.status(error.status).send({ error: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'sync.request_failed');
    return reply.status(status).send({
      error:
        status >= 500
          ? 'The state server failed; the change is kept on the computer.'
          : error.message,
    });
  });

  app.get('/health', async () => ({
    ok: true,
    database: options.databaseKind,
    protocol: SYNC_PROTOCOL_VERSION,
    time: iso(),
  }));

  app.post(
    '/sync/v1/enrol',
    {
      config: {
        rateLimit: { max: Math.max(5, Math.floor(perMinute / 10)), timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const body = parse(enrolRequestSchema, request.body, reply);
      if (!body || !protocolOk(body.client, reply)) return reply;
      const enrolled = await registry.enrol(body);
      request.log.info(
        { deviceId: enrolled.deviceId, officeId: enrolled.officeId },
        'sync.device_enrolled',
      );
      return enrolled;
    },
  );

  app.post('/sync/v1/push', async (request, reply) => {
    const body = parse(pushRequestSchema, request.body, reply);
    if (!body || !protocolOk(body.client, reply)) return reply;
    const device = await registry.authenticate(request.headers.authorization, body.client);
    await storeOfficeKeys(options.db, options.directory, device, body.officeKeys);
    const result = await pushMutations(options.db, options.directory, device, body.mutations, iso);
    const checkpoint = body.auditHead
      ? await countersign(options.db, options.checkpointKey, device.id, body.auditHead, iso())
      : null;
    request.log.info(
      {
        deviceId: device.id,
        mutations: body.mutations.length,
        lastAppliedSeq: result.lastAppliedSeq,
      },
      'sync.pushed',
    );
    return { ...result, checkpoint };
  });

  app.post('/sync/v1/numbers', async (request, reply) => {
    const body = parse(numbersRequestSchema, request.body, reply);
    if (!body || !protocolOk(body.client, reply)) return reply;
    const device = await registry.authenticate(request.headers.authorization, body.client);
    const leases = await leaseNumbers(options.db, options.directory, device, body.wants, iso());
    if (leases.length > 0) {
      request.log.info(
        {
          deviceId: device.id,
          leases: leases.map((lease) => [lease.series, lease.first, lease.last]),
        },
        'sync.numbers_leased',
      );
    }
    return { leases };
  });

  app.post('/sync/v1/pull', async (request, reply) => {
    const body = parse(pullRequestSchema, request.body, reply);
    if (!body || !protocolOk(body.client, reply)) return reply;
    const device = await registry.authenticate(request.headers.authorization, body.client);
    const page = await pullPage(options.db, options.directory, device, body.cursors, body.limit);
    return { ...page, serverTime: iso() };
  });

  app.post('/sync/v1/issues', async (request, reply) => {
    const body = parse(pullRequestSchema.pick({ client: true }), request.body, reply);
    if (!body || !protocolOk(body.client, reply)) return reply;
    const device = await registry.authenticate(request.headers.authorization, body.client);
    // An office sees its office's issues; a field laptop only those of its own changes.
    const where = device.userId
      ? and(isNull(syncIssues.resolvedAt), eq(syncIssues.deviceId, device.id))
      : options.directory.isStateOffice(device.officeId)
        ? isNull(syncIssues.resolvedAt)
        : and(isNull(syncIssues.resolvedAt), eq(syncIssues.officeId, device.officeId));
    const rows = await options.db
      .select()
      .from(syncIssues)
      .where(where)
      .orderBy(desc(syncIssues.createdAt))
      .limit(500);
    const issues: SyncIssue[] = rows.map((row) => ({
      id: row.id,
      kind: row.kind as SyncIssue['kind'],
      mutationId: row.mutationId,
      name: row.name,
      table: row.tableName,
      entityId: row.entityId,
      fields: row.fields as SyncIssue['fields'],
      reason: row.reason,
      userId: row.userId,
      deviceId: row.deviceId,
      officeId: row.officeId,
      madeAt: row.madeAt,
      theirsBy: row.theirsBy,
      theirsAt: row.theirsAt,
      resolvedAt: row.resolvedAt,
      resolution: row.resolution,
    }));
    return { issues };
  });

  // The public verification page a certificate's QR code opens: no sign-in.
  app.get('/verify', async (request, reply) => {
    const { c } = request.query as { c?: unknown };
    const verdict = await verifyCertificate(
      options.db,
      options.directory,
      typeof c === 'string' ? c : '',
    );
    return reply
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      )
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderVerifyPage(verdict, options.directory, options.directory.stateName));
  });

  // Administration: enrolment codes and revocation, with the administrator's key.
  const requireAdmin = (request: FastifyRequest) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(options.adminKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new EnrolmentError(401, 'The administrator key is wrong.');
    }
  };
  app.post('/admin/v1/enrolment-codes', async (request) => {
    requireAdmin(request);
    const body = (request.body ?? {}) as { office?: unknown; label?: unknown; user?: unknown };
    if (
      typeof body.office !== 'string' ||
      typeof body.label !== 'string' ||
      body.label.trim() === '' ||
      (body.user !== undefined && (typeof body.user !== 'string' || body.user.trim() === ''))
    ) {
      throw new EnrolmentError(
        400,
        'Give the office code, a label for the computer and, for a field laptop, its user.',
      );
    }
    return registry.createCode(body.office, body.label.trim(), body.user as string | undefined);
  });
  // A file of pending changes from a computer with no network (or withdrawn from sync):
  // checked against that computer's key, then decided exactly as a push would be.
  app.post('/admin/v1/import', { bodyLimit: 256 * 1024 * 1024 }, async (request, reply) => {
    requireAdmin(request);
    const file = parse(exportFileSchema, request.body, reply);
    if (!file) return reply;
    const device = await registry.deviceForFile(file);
    const payload = exportPayloadSchema.parse(JSON.parse(file.payload));
    await storeOfficeKeys(options.db, options.directory, device, payload.officeKeys);
    const counts: Record<string, number> = {};
    for (let start = 0; start < payload.mutations.length; start += PUSH_MAX_MUTATIONS) {
      const { verdicts } = await pushMutations(
        options.db,
        options.directory,
        device,
        payload.mutations.slice(start, start + PUSH_MAX_MUTATIONS),
        iso,
      );
      for (const { verdict } of verdicts) counts[verdict] = (counts[verdict] ?? 0) + 1;
    }
    request.log.info({ deviceId: device.id, counts }, 'sync.file_imported');
    return { deviceId: device.id, mutations: payload.mutations.length, verdicts: counts };
  });
  app.get('/admin/v1/devices', async (request) => {
    requireAdmin(request);
    return { devices: (await registry.list()).map(({ tokenHash: _secret, ...device }) => device) };
  });
  app.post('/admin/v1/devices/:id/revoke', async (request) => {
    requireAdmin(request);
    const { id } = request.params as { id: string };
    return { revoked: await registry.revoke(id) };
  });

  return app;
}

/**
 * Keeps the office keys a device sends: only its own office's (a state office device may
 * send any), and never a different key under an id already known.
 */
async function storeOfficeKeys(
  db: ServerDb,
  directory: StateDirectory,
  device: DeviceRecord,
  keys: readonly OfficeKey[],
): Promise<void> {
  for (const key of keys) {
    if (key.officeId !== device.officeId && !directory.isStateOffice(device.officeId)) continue;
    await db
      .insert(officeKeys)
      .values({ ...key, fromDevice: device.id })
      .onConflictDoNothing({ target: officeKeys.keyId });
    if (key.retiredAt) {
      await db
        .update(officeKeys)
        .set({ retiredAt: key.retiredAt })
        .where(and(eq(officeKeys.keyId, key.keyId), eq(officeKeys.publicKey, key.publicKey)));
    }
  }
}

/** Signs and keeps a device's audit-trail head (sync.md §4). */
async function countersign(
  db: ServerDb,
  key: string,
  deviceId: string,
  head: { seq: number; hash: string },
  at: string,
): Promise<Checkpoint> {
  const signature = createHmac('sha256', key)
    .update(`${deviceId}:${head.seq}:${head.hash}:${at}`)
    .digest('base64url');
  const checkpoint: Checkpoint = { deviceId, ...head, at, signature };
  await db.update(devices).set({ checkpoint }).where(eq(devices.id, deviceId));
  return checkpoint;
}

function parse<T extends z.ZodType>(
  schema: T,
  body: unknown,
  reply: FastifyReply,
): z.infer<T> | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  // 400: a client bug. The client stops and reports; it never drops its outbox.
  void reply.status(400).send({
    error: 'The request does not follow the sync protocol.',
    issues: parsed.error.issues
      .slice(0, 10)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  });
  return null;
}

function protocolOk(client: ClientInfo, reply: FastifyReply): boolean {
  if (client.protocol >= OLDEST_PROTOCOL && client.protocol <= SYNC_PROTOCOL_VERSION) return true;
  void reply.status(426).send({
    error:
      client.protocol < OLDEST_PROTOCOL
        ? 'This app is too old for the state server. Keep working offline and update the app.'
        : 'This app is newer than the state server. Keep working offline until the server is updated.',
  });
  return false;
}
