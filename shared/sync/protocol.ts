/**
 * The sync wire protocol (sync.md §3–§8), version 1: what a desktop sends the state server
 * and what it answers. Both sides parse with these schemas, so a malformed request is a
 * 400 on the server and a bug report on the client, never a silently dropped change.
 */
import { z } from 'zod';

export const SYNC_PROTOCOL_VERSION = 1;

/** Limits of sync.md §3: a push batch holds at most this many mutations or bytes. */
export const PUSH_MAX_MUTATIONS = 200;
export const PUSH_MAX_BYTES = 1_000_000;
/** A pull page holds at most this many rows. */
export const PULL_PAGE_ROWS = 1_000;

const id = z.string().min(1).max(100);

/** Who sends: every request carries versions so the server can upcast or refuse (§8). */
export const clientInfoSchema = z.object({
  protocol: z.number().int(),
  schemaVersion: z.number().int(),
  appVersion: z.string().max(40),
  deviceId: id,
  installEpoch: id,
});
export type ClientInfo = z.infer<typeof clientInfoSchema>;

export const enrolRequestSchema = z.object({
  client: clientInfoSchema,
  code: z.string().min(4).max(40),
  label: z.string().min(1).max(120),
  /**
   * The last outbox seq this database already settled with a server (0 for a first
   * enrolment): a computer enrolling again after a restore goes on from there.
   */
  afterSeq: z.number().int().nonnegative().default(0),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  deviceId: id,
  token: z.string(),
  officeId: id,
  /** A field laptop's user: it receives only the societies assigned to them (sync.md §7). */
  fieldUserId: id.nullable().default(null),
  serverId: z.string(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

/** One row as the device holds it now, keyed by table and id. */
export const wireRowSchema = z.object({
  table: z.string().max(60),
  id,
  data: z.record(z.string(), z.unknown()),
});
export type WireRow = z.infer<typeof wireRowSchema>;

/** One outbox entry (sync.md §3) with the rows its transaction wrote. */
export const wireMutationSchema = z.object({
  seq: z.number().int().positive(),
  /**
   * The seq of the device's previous pushed mutation (0 for its first). Rows that never
   * sync (demo data) leave holes in seq; this is what lets the server tell a hole from a
   * lost mutation.
   */
  prevSeq: z.number().int().nonnegative(),
  mutationId: id,
  name: z.string().max(80),
  mutationVersion: z.number().int().positive(),
  entity: z.string().max(60),
  entityId: id,
  args: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().nullable(),
  base: z.record(z.string(), z.unknown()).nullable(),
  hlc: z.string().max(120),
  userId: id,
  createdAt: z.string().max(40),
  rows: z.array(wireRowSchema).max(500),
});
export type WireMutation = z.infer<typeof wireMutationSchema>;

/** An office's public signing key (the private half never leaves the device that made it). */
export const officeKeySchema = z.object({
  keyId: z.string().min(1).max(60),
  officeId: id,
  publicKey: z.string().min(1).max(100),
  createdAt: z.string().max(40),
  retiredAt: z.string().max(40).nullable(),
});
export type OfficeKey = z.infer<typeof officeKeySchema>;

/** The last entry of a device's hash-chained record of changes. */
export const auditHeadSchema = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().max(128),
});

/**
 * The server's countersignature of a device's audit-trail head (sync.md §4): later
 * tampering with that device's record up to this entry no longer matches what the server
 * signed and keeps.
 */
export const checkpointSchema = auditHeadSchema.extend({
  deviceId: id,
  at: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const pushRequestSchema = z.object({
  client: clientInfoSchema,
  mutations: z.array(wireMutationSchema).max(PUSH_MAX_MUTATIONS),
  /** This device's office keys, so certificates it signs verify everywhere. */
  officeKeys: z.array(officeKeySchema).max(50).default([]),
  /** The head of this device's record of changes, for the server to countersign. */
  auditHead: auditHeadSchema.nullable().default(null),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const verdicts = [
  'applied',
  'merged',
  'duplicate',
  'conflict',
  'rejected',
  'held',
  'gap',
] as const;
export type Verdict = (typeof verdicts)[number];

export const verdictSchema = z.object({
  mutationId: id,
  seq: z.number().int(),
  verdict: z.enum(verdicts),
  /** For `rejected`, `held` and `conflict`: a sentence the registrar can act on. */
  reason: z.string().optional(),
  /** For `gap`: the seq the server expects next. */
  expectedSeq: z.number().int().optional(),
  conflictId: z.string().optional(),
  /** For `duplicate`: the verdict the mutation got when it was first processed. */
  original: z.enum(verdicts).optional(),
});
export type VerdictRecord = z.infer<typeof verdictSchema>;

export const pushResponseSchema = z.object({
  verdicts: z.array(verdictSchema),
  lastAppliedSeq: z.number().int(),
  checkpoint: checkpointSchema.nullable().default(null),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  client: clientInfoSchema,
  /** Bucket → the last server_seq the device holds of it; an unknown bucket starts at 0. */
  cursors: z.record(z.string(), z.number().int().nonnegative()),
  limit: z.number().int().positive().max(PULL_PAGE_ROWS).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pulledRowSchema = z.object({
  table: z.string(),
  id,
  version: z.number().int(),
  serverSeq: z.number().int(),
  data: z.record(z.string(), z.unknown()),
});
export type PulledRow = z.infer<typeof pulledRowSchema>;

export const pullResponseSchema = z.object({
  /** The buckets the server computed for this device; a cursor for any other is dropped. */
  buckets: z.array(z.string()),
  /** The bucket this page belongs to (null when nothing is left). */
  bucket: z.string().nullable(),
  rows: z.array(pulledRowSchema),
  cursor: z.number().int(),
  /** More rows wait, in this or another bucket. */
  more: z.boolean(),
  /**
   * Societies that left this page's bucket (moved to another office, or refused at the
   * state server while still on the computer that entered them), with the server_seq of
   * their leaving: a computer forgets one unless a later row of it came back.
   */
  departed: z.array(z.object({ societyId: id, serverSeq: z.number().int() })).default([]),
  /** Every office key the server knows (a handful), for verifying certificates here. */
  officeKeys: z.array(officeKeySchema).default([]),
  /**
   * The state server's clock when it answered: a computer never stamps a later change
   * earlier than this (sync.md §2), whatever its own clock says. Absent from older servers.
   */
  serverTime: z.string().datetime().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** A leased block of numbers in a series (sync.md §6). */
export const numberLeaseSchema = z.object({
  id,
  series: z.string().min(1).max(200),
  first: z.number().int().positive(),
  last: z.number().int().positive(),
});
export type NumberLease = z.infer<typeof numberLeaseSchema>;

export const numbersRequestSchema = z.object({
  client: clientInfoSchema,
  /**
   * The series this computer is running low on, each with the leases of it the computer
   * holds: the server grants a new block only when the computer knows every lease it was
   * given, so a lost answer is given again instead of costing another block.
   */
  wants: z
    .array(
      z.object({
        series: z
          .string()
          .min(1)
          .max(200)
          .refine((series) => series.includes('{serial}'), 'A series has a {serial} place.'),
        holding: z.array(id).max(2_000),
      }),
    )
    .max(50),
});
export type NumbersRequest = z.infer<typeof numbersRequestSchema>;

export const numbersResponseSchema = z.object({
  /** Leases of the wanted series this computer did not list: new ones and lost answers. */
  leases: z.array(numberLeaseSchema),
});
export type NumbersResponse = z.infer<typeof numbersResponseSchema>;

/**
 * A conflict, rejection or held mutation kept for a supervisor (sync.md §4, §5), or a change
 * that was taken but flagged for the registrar to look at (a field laptop's work after its
 * assignment ended, within the grace period, §7).
 */
export const syncIssueSchema = z.object({
  id,
  kind: z.enum(['conflict', 'rejected', 'held', 'flagged', 'duplicate']),
  mutationId: id,
  name: z.string(),
  table: z.string(),
  entityId: id,
  /** field (column) → values for a conflict: what the device saw, its edit, the server's. */
  fields: z.record(
    z.string(),
    z.object({ base: z.unknown(), mine: z.unknown(), theirs: z.unknown() }),
  ),
  reason: z.string(),
  userId: id,
  deviceId: id,
  officeId: z.string().nullable(),
  madeAt: z.string(),
  theirsBy: z.string().nullable(),
  theirsAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type SyncIssue = z.infer<typeof syncIssueSchema>;

/**
 * The issues a registrar may decide for the change's side ("mine"): a conflict keeps its
 * values, a likely duplicate is registered as a different society. Every other issue can
 * only be set aside or marked checked, keeping the state server's record.
 */
export const MINE_DECIDABLE: readonly SyncIssue['kind'][] = ['conflict', 'duplicate'];

/**
 * Why an issue cannot be set aside, when it cannot: a number waiting for the record it was
 * given to goes with that record (used when it arrives, kept as void if it is refused), so
 * the register of numbers never loses one (sync.md §6). Null when it can.
 */
export function setAsideRefusal(issue: Pick<SyncIssue, 'kind' | 'name'>): string | null {
  return issue.kind === 'held' && issue.name === 'number.allocate'
    ? 'A number waiting for the record it was given to cannot be set aside: it is used when that record reaches the state server, or kept as void if the record is refused.'
    : null;
}

/** A field laptop's bucket of one society (sync.md §7), and back. */
export function societyBucket(societyId: string): string {
  return `society:${societyId}`;
}
export function societyOfBucket(bucket: string): string | null {
  return bucket.startsWith('society:') ? bucket.slice('society:'.length) : null;
}

/**
 * A file of pending changes for an office with no network (sync.md §3): the payload as
 * text, and its HMAC-SHA256 under the SHA-256 of the device's token, which the server
 * holds, so the file is known to come from that enrolled computer and unaltered.
 */
export const exportFileSchema = z.object({
  format: z.literal('rcs-sync-export'),
  version: z.literal(1),
  deviceId: id,
  payload: z.string(),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const exportPayloadSchema = z.object({
  client: clientInfoSchema,
  createdAt: z.string(),
  mutations: z.array(wireMutationSchema),
  officeKeys: z.array(officeKeySchema).default([]),
});
export type ExportPayload = z.infer<typeof exportPayloadSchema>;
