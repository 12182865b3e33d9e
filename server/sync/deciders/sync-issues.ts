/**
 * The decider of `conflict.resolve` (sync.md §3): a registrar's decision on a sync issue.
 * It writes straight to the database (the issue decided, records refused, numbers voided)
 * and may decide again the held change the issue is about.
 */
import { eq } from 'drizzle-orm';
import { isSyncTable, type RowImage, type SyncTable } from '#shared/sync/entities';
import { MUTATION_ROLES } from '#shared/sync/mutations';
import {
  MINE_DECIDABLE,
  setAsideRefusal,
  type SyncIssue,
  type WireMutation,
} from '#shared/sync/protocol';
import { devices, mutationArchive, processedMutations, syncIssues } from '../../db/schema';
import { actorOf } from '../authorize';
import type { Actor, Change, DeviceRecord, Outcome } from '../decision';
import { likelyDuplicatesOf } from '../duplicates';
import { settleHeld } from '../issues';
import { writeMerged } from '../merge';
import { officeBucket } from '../pull';
import {
  allocationsCarriedBy,
  linksToRefused,
  numberCarried,
  refuseForGood,
  voidedFor,
  type Refusal,
} from '../refused';
import { routeOfStored, type RowStore, type ServerTx } from '../rows';

/**
 * The registrar's decision on a sync issue (sync.md §3 `conflict.resolve`). Either way the
 * record is written again under a new server_seq, so every computer that holds it, the one
 * whose change was refused included, receives the standing values.
 */
export async function resolveIssue(change: Change): Promise<Outcome> {
  const { tx, store, directory, device, mutation, now } = change;
  const actor = await actorOf(store, mutation);
  if (!actor)
    return {
      verdict: 'held',
      reason: 'The registrar who decided is not known to the state server yet.',
    };
  if (!MUTATION_ROLES['conflict.resolve']!.includes(actor.role)) {
    return {
      verdict: 'rejected',
      reason: `${actor.fullName} (${actor.role}) may not decide sync issues.`,
    };
  }
  // Locked: two registrars deciding one issue at once are decided one after the other, and
  // the second finds it decided.
  const [issue] = await tx
    .select()
    .from(syncIssues)
    .where(eq(syncIssues.id, mutation.entityId))
    .for('update');
  if (!issue) return { verdict: 'rejected', reason: 'The state server has no such sync issue.' };
  if (
    issue.officeId &&
    issue.officeId !== actor.officeId &&
    !directory.isStateOffice(actor.officeId)
  ) {
    return {
      verdict: 'rejected',
      reason: `${actor.fullName} may not decide another office’s sync issues.`,
    };
  }
  if (issue.resolvedAt) {
    return {
      verdict: 'rejected',
      reason: `The issue was already decided (${issue.resolution ?? ''}).`,
    };
  }
  const choice = mutation.args['choice'] === 'mine' ? 'mine' : 'theirs';
  if (issue.kind === 'duplicate') {
    const decision = { mutation, decidedOn: device };
    await decideLikelyDuplicate(change, issue, choice, actor, decision);
    return { verdict: 'applied' };
  }
  if (choice === 'mine' && !MINE_DECIDABLE.includes(issue.kind as SyncIssue['kind'])) {
    return { verdict: 'rejected', reason: 'Only a conflict can keep the refused values.' };
  }
  const kept = setAsideRefusal({ kind: issue.kind as SyncIssue['kind'], name: issue.name });
  if (kept) return { verdict: 'rejected', reason: kept };
  if (issue.kind === 'held') {
    // Set aside: the change is not tried again, and what it would have created never
    // arrives, so nothing waits for it either.
    const reason = `Set aside by ${actor.fullName} while it waited.`;
    await tx
      .update(processedMutations)
      .set({ verdict: 'rejected', reason, processedAt: now })
      .where(eq(processedMutations.mutationId, issue.mutationId));
    const [held] = await tx
      .select({
        body: mutationArchive.body,
        device: { id: devices.id, officeId: devices.officeId, userId: devices.userId },
      })
      .from(mutationArchive)
      .innerJoin(devices, eq(devices.id, mutationArchive.deviceId))
      .where(eq(mutationArchive.mutationId, issue.mutationId));
    if (held) {
      const refused = { device: held.device, mutation: held.body as WireMutation };
      const decision = { mutation, decidedOn: device };
      const refusal = { reason, sameAsId: null };
      await refuseHeldForGood(tx, store, refused, refusal, decision, now);
    }
  }
  const table = issue.tableName as SyncTable;
  const stored = isSyncTable(table) ? await store.read(table, issue.entityId) : undefined;
  // A flagged change was taken: checking it changes no record.
  if (stored && issue.kind !== 'flagged') {
    const patch: RowImage = {};
    if (choice === 'mine') {
      for (const [column, values] of Object.entries(
        issue.fields as Record<string, { mine: unknown }>,
      )) {
        patch[column] = values.mine;
      }
    }
    await writeMerged(
      store,
      { table, id: stored.id, route: routeOfStored(stored) },
      stored,
      patch,
      mutation,
      device,
      now,
    );
  }
  await tx
    .update(syncIssues)
    .set({
      resolvedAt: now,
      resolvedBy: actor.id,
      resolution:
        issue.kind === 'flagged'
          ? 'checked by the registrar; the change stands'
          : choice === 'mine'
            ? 'kept the office’s values'
            : 'kept the state server’s values',
    })
    .where(eq(syncIssues.id, issue.id));
  return { verdict: 'applied' };
}

/**
 * A held change refused for good on the registrar's `decision`. What it would have created
 * never arrives: its records are refused, and the numbers they carried (a certificate's
 * serial) are kept as void. An edit set aside changes nothing more: nothing waits for it.
 */
async function refuseHeldForGood(
  tx: ServerTx,
  store: RowStore,
  held: { device: DeviceRecord; mutation: WireMutation },
  refusal: Refusal,
  decision: { mutation: WireMutation; decidedOn: DeviceRecord },
  now: string,
): Promise<void> {
  if (held.mutation.baseVersion !== null) return;
  await refuseForGood(tx, store, held.device.id, held.mutation, refusal, now);
  for (const number of await allocationsCarriedBy(tx, store, held.mutation)) {
    await writeMerged(
      store,
      { table: 'number_allocations', id: number.id, route: routeOfStored(number) },
      number,
      voidedFor(refusal, now),
      decision.mutation,
      decision.decidedOn,
      now,
    );
  }
}

/**
 * The registrar's word on a society held as a likely duplicate: a different society is
 * decided now as if it had just arrived, without the hold; the same society is refused for
 * good, and an application that became it links to the registered one instead.
 * `decision` is the registrar's change that says so, from `decidedOn`.
 */
async function decideLikelyDuplicate(
  change: Change,
  issue: typeof syncIssues.$inferSelect,
  choice: 'mine' | 'theirs',
  actor: Actor,
  decision: { mutation: WireMutation; decidedOn: DeviceRecord },
): Promise<void> {
  const { tx, store, directory, now } = change;
  const [held] = await tx
    .select({
      body: mutationArchive.body,
      receivedAt: mutationArchive.receivedAt,
      deviceId: devices.id,
      officeId: devices.officeId,
      userId: devices.userId,
    })
    .from(mutationArchive)
    .innerJoin(devices, eq(devices.id, mutationArchive.deviceId))
    .where(eq(mutationArchive.mutationId, issue.mutationId));
  if (!held) return;
  const mutation = held.body as WireMutation;
  const heldChange = {
    mutationId: issue.mutationId,
    conflictId: issue.id,
    mutation,
    device: { id: held.deviceId, officeId: held.officeId, userId: held.userId },
  };
  if (choice === 'theirs') {
    const reason = `${actor.fullName} found it is the same society as the one already registered; this entry was not added.`;
    await settleHeld(tx, heldChange, { verdict: 'rejected', reason }, now, { resolution: reason });
    // The registered society it was found to be (an issue from before the server kept it is
    // matched again).
    const entry = mutation.rows.find(
      (row) => row.table === 'societies' && row.id === issue.entityId,
    );
    const sameAsId =
      issue.theirsId ??
      (entry ? await likelyDuplicatesOf(tx, store, directory).find(entry) : null)?.existing.id ??
      null;
    const refused = { device: heldChange.device, mutation };
    await refuseHeldForGood(tx, store, refused, { reason, sameAsId }, decision, now);
    if (sameAsId) {
      // An application it was registered from leads to the registered society, and stays
      // with the office that decided it (a duplicate may be of another office's society).
      const number = entry ? numberCarried(entry.table, entry.data) : null;
      const entryRefusal = { reason, sameAsId, number };
      for (const link of await linksToRefused(tx, store, issue.entityId, entryRefusal)) {
        await writeMerged(
          store,
          {
            table: link.table,
            id: link.stored.id,
            route: { ...routeOfStored(link.stored), societyId: sameAsId },
          },
          link.stored,
          link.patch,
          decision.mutation,
          decision.decidedOn,
          now,
        );
      }
      // The computers of the office that entered it forget their entry, so each register
      // holds the society once. Only now that nothing of the office links to it any more.
      store.forgetOn(officeBucket(directory, heldChange.device.officeId), issue.entityId, now);
    }
    await tx
      .update(syncIssues)
      .set({
        resolvedAt: now,
        resolvedBy: actor.id,
        resolution: 'the same society; this entry was refused',
      })
      .where(eq(syncIssues.id, issue.id));
    return;
  }
  const outcome = await change.decideAgain(heldChange.device, mutation, {
    acceptDuplicate: true,
    receivedAt: held.receivedAt,
  });
  await settleHeld(tx, heldChange, outcome, now, {
    resolution: 'a different society; registered on the registrar’s word',
    resolvedBy: actor.id,
  });
}
