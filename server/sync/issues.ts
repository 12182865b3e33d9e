/**
 * Sync issues (sync.md §3, §4): what a registrar is shown of a held, refused, conflicting
 * or flagged change, and how a held change's issue closes once it is decided.
 */
import { eq } from 'drizzle-orm';
import { ENTITY_TABLES, type SyncEntity } from '#shared/sync/entities';
import type { SyncIssue, WireMutation } from '#shared/sync/protocol';
import { newServerId } from '../ids';
import { processedMutations, syncIssues } from '../db/schema';
import type { DeviceRecord, Outcome } from './decision';
import type { ServerTx, StoredRow } from './rows';

/** Records an issue about `mutation` for the registrar of its office; answers its id. */
export async function recordIssue(
  tx: ServerTx,
  device: DeviceRecord,
  mutation: WireMutation,
  issue: { kind: SyncIssue['kind']; reason: string },
  fields: Record<string, { base: unknown; mine: unknown; theirs: unknown }>,
  theirs: StoredRow | null,
  now: string,
): Promise<string> {
  const id = newServerId();
  const table = ENTITY_TABLES[mutation.entity as SyncEntity] ?? mutation.entity;
  const officeRow = theirs?.officeId ?? device.officeId;
  await tx.insert(syncIssues).values({
    id,
    kind: issue.kind,
    mutationId: mutation.mutationId,
    name: mutation.name,
    tableName: table,
    entityId: mutation.entityId,
    fields,
    reason: issue.reason,
    userId: mutation.userId,
    deviceId: device.id,
    officeId: officeRow,
    madeAt: mutation.createdAt,
    theirsId: theirs?.id ?? null,
    theirsBy: theirs ? String(theirs.data['updated_by'] ?? '') || null : null,
    theirsAt: theirs ? String(theirs.data['updated_at'] ?? '') || null : null,
    createdAt: now,
  });
  return id;
}

/**
 * A held change decided at last: its verdict is recorded, and its issue is closed when it
 * went through, or says why not.
 */
export async function settleHeld(
  tx: ServerTx,
  held: {
    mutationId: string;
    conflictId: string | null;
    mutation: WireMutation;
    device: DeviceRecord;
  },
  outcome: Outcome,
  now: string,
  closing: { resolution: string; resolvedBy?: string },
): Promise<void> {
  if (outcome.flag) {
    const issue = { kind: 'flagged', reason: outcome.flag } as const;
    await recordIssue(tx, held.device, held.mutation, issue, {}, null, now);
  }
  await tx
    .update(processedMutations)
    .set({ verdict: outcome.verdict, reason: outcome.reason ?? null, processedAt: now })
    .where(eq(processedMutations.mutationId, held.mutationId));
  if (!held.conflictId) return;
  const settled = outcome.verdict === 'applied' || outcome.verdict === 'merged';
  await tx
    .update(syncIssues)
    .set(
      settled
        ? {
            resolvedAt: now,
            resolvedBy: closing.resolvedBy ?? null,
            resolution: outcome.resolution ?? closing.resolution,
          }
        : { kind: outcome.verdict, reason: outcome.reason ?? '' },
    )
    .where(eq(syncIssues.id, held.conflictId));
}
