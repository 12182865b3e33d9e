/**
 * The push path (sync.md §4): one PostgreSQL transaction per request; per mutation, in the
 * device's order: duplicate → its stored verdict; gap → stop; else archive verbatim,
 * authorize, validate, apply / merge / conflict / reject / hold, and record the verdict.
 * What a change is decided to be is up to the decider of its kind (./decide).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { deriveColumns } from '#shared/sync/entities';
import { formatHlc, parseHlc } from '#shared/sync/hlc';
import type { VerdictRecord, WireMutation } from '#shared/sync/protocol';
import { EnrolmentError } from '../devices';
import { rowsOf, type ServerDb } from '../db/open';
import { devices, mutationArchive, processedMutations } from '../db/schema';
import type { StateDirectory } from '../state-directory';
import { decide } from './decide';
import {
  CLOCK_TOLERANCE_MS,
  type DecideOptions,
  type DeviceRecord,
  type Outcome,
} from './decision';
import { likelyDuplicatesOf } from './duplicates';
import { HeldRows } from './held-rows';
import { recordIssue, settleHeld } from './issues';
import { refusedRecordsOf } from './refused';
import { RowStore, type ServerTx } from './rows';
import { storableCopy, unstorableIn, unstorableReason } from './unstorable';

/** Pushes `mutations` from `device`; answers one verdict per mutation, in order. */
export async function pushMutations(
  db: ServerDb,
  directory: StateDirectory,
  device: DeviceRecord,
  mutations: readonly WireMutation[],
  now: () => string,
): Promise<{ verdicts: VerdictRecord[]; lastAppliedSeq: number }> {
  return db.transaction(async (tx) => {
    // The device row lock orders two concurrent pushes of one device (a retry racing the
    // original): the second waits, then finds every mutation already processed.
    const locked = await tx.execute(
      sql`SELECT last_applied_seq FROM devices WHERE id = ${device.id} FOR UPDATE`,
    );
    let lastAppliedSeq = Number(
      rowsOf<{ last_applied_seq: string | number }>(locked)[0]?.last_applied_seq ?? 0,
    );
    const ordered = [...mutations].sort((a, b) => a.seq - b.seq);
    const seen = new Map(
      ordered.length === 0
        ? []
        : (
            await tx
              .select()
              .from(processedMutations)
              .where(
                inArray(
                  processedMutations.mutationId,
                  ordered.map((m) => m.mutationId),
                ),
              )
          ).map((row) => [row.mutationId, row]),
    );
    const at = now();
    // Which mutations are decided now: in order, each following the last one decided.
    const verdicts: VerdictRecord[] = [];
    const toDecide: WireMutation[] = [];
    let expected = lastAppliedSeq;
    let stopped = false;
    for (const mutation of ordered) {
      const base = { mutationId: mutation.mutationId, seq: mutation.seq };
      const earlier = seen.get(mutation.mutationId);
      if (earlier) {
        verdicts.push({
          ...base,
          verdict: 'duplicate',
          original: earlier.verdict as VerdictRecord['verdict'],
          ...(earlier.reason ? { reason: earlier.reason } : {}),
          ...(earlier.conflictId ? { conflictId: earlier.conflictId } : {}),
        });
        continue;
      }
      if (mutation.seq <= lastAppliedSeq) {
        // A number this device already used, on a change the server never saw: its database
        // was restored from a backup. Nothing of the request applies; it enrols again.
        throw new EnrolmentError(
          409,
          'This computer’s database was restored from a backup: it reuses change numbers the state server already has. Enrol it again with a new code; its changes are kept.',
        );
      }
      if (stopped || mutation.prevSeq !== expected) {
        stopped = true;
        verdicts.push({ ...base, verdict: 'gap', expectedSeq: expected });
        continue;
      }
      toDecide.push(mutation);
      expected = mutation.seq;
    }
    if (toDecide.length === 0) return { verdicts, lastAppliedSeq };

    // PostgreSQL stores no NUL character and no half of a surrogate pair, in text or JSON: a
    // change carrying one would fail the whole push, and every push after it, so it is
    // refused on its own, and nothing of it is looked up. Its archived copy shows each such
    // character as U+FFFD.
    const unstorable = new Map(
      toDecide.flatMap((mutation) => {
        const where = unstorableIn(mutation);
        return where ? [[mutation, where] as const] : [];
      }),
    );
    const storable = toDecide.filter((mutation) => !unstorable.has(mutation));
    // Archived verbatim before anything is decided about them.
    await tx.insert(mutationArchive).values(
      toDecide.map((mutation) => ({
        mutationId: mutation.mutationId,
        deviceId: device.id,
        seq: mutation.seq,
        receivedAt: at,
        body: unstorable.has(mutation) ? storableCopy(mutation) : mutation,
      })),
    );
    const store = new RowStore(tx);
    const heldRows = new HeldRows(tx);
    await store.preload(
      storable.flatMap((mutation) => [
        { table: 'users', id: mutation.userId },
        ...mutation.rows.map((row) => ({ table: row.table, id: row.id })),
        ...mutation.rows.flatMap((row) =>
          ['society_id', 'application_id', 'audit_id', 'owner_id']
            .map((column) => row.data[column])
            .filter((value): value is string => typeof value === 'string')
            .flatMap((id) => [
              { table: 'societies', id },
              { table: 'registration_applications', id },
              { table: 'audits', id },
            ]),
        ),
      ]),
    );
    await refusedRecordsOf(tx, store).preload(
      device.id,
      storable.flatMap((mutation) => mutation.rows.map((row) => row.id)),
    );
    await likelyDuplicatesOf(tx, store, directory).preload(
      storable.flatMap((mutation) =>
        mutation.rows.filter((row) => row.table === 'societies').map((row) => row.data),
      ),
    );
    await store.preloadBy(
      'societies',
      'reg_no_key',
      storable.flatMap((mutation) =>
        mutation.rows
          .filter((row) => row.table === 'societies')
          .map((row) => deriveColumns('societies', row.data)['reg_no_key'])
          .filter((value): value is string => typeof value === 'string'),
      ),
    );
    const decided = new Map<string, Outcome>();
    let clockFlagged = false;
    for (const mutation of toDecide) {
      // A clock more than five minutes ahead is clamped, never fatal (sync.md §2): the
      // device is flagged for the administrator and its change goes on.
      const hlc = clampHlc(mutation.hlc, Date.parse(at));
      if (hlc !== mutation.hlc) clockFlagged = true;
      const where = unstorable.get(mutation);
      const outcome = where
        ? { verdict: 'rejected' as const, reason: unstorableReason(where) }
        : (await heldRows.waits(device.id, mutation))
          ? { verdict: 'held' as const, reason: WAITS_BEHIND_HELD }
          : await decideSafely(tx, store, directory, device, { ...mutation, hlc }, at);
      if (outcome.verdict === 'held') await heldRows.hold(device.id, mutation);
      if (outcome.verdict === 'rejected' || outcome.verdict === 'held') {
        const issue = {
          kind: outcome.issue?.kind ?? outcome.verdict,
          reason: outcome.reason ?? '',
        };
        outcome.conflictId = await recordIssue(
          tx,
          device,
          where ? storableCopy(mutation) : mutation,
          issue,
          outcome.issue?.fields ?? {},
          outcome.issue?.theirs ?? null,
          at,
        );
      } else if (outcome.flag) {
        const issue = { kind: 'flagged', reason: outcome.flag } as const;
        await recordIssue(tx, device, mutation, issue, {}, null, at);
      }
      decided.set(mutation.mutationId, outcome);
      lastAppliedSeq = mutation.seq;
    }
    await tx.insert(processedMutations).values(
      toDecide.map((mutation) => {
        const outcome = decided.get(mutation.mutationId)!;
        return {
          mutationId: mutation.mutationId,
          deviceId: device.id,
          seq: mutation.seq,
          verdict: outcome.verdict,
          reason: outcome.reason ?? null,
          conflictId: outcome.conflictId ?? null,
          processedAt: at,
        };
      }),
    );
    await retryHeld(tx, store, heldRows, directory, at);
    await store.flush();
    await tx
      .update(devices)
      .set({ lastAppliedSeq, lastSeenAt: at, ...(clockFlagged ? { clockFlaggedAt: at } : {}) })
      .where(eq(devices.id, device.id));
    const decidedVerdicts = toDecide.map((mutation) => ({
      mutationId: mutation.mutationId,
      seq: mutation.seq,
      ...decided.get(mutation.mutationId)!,
    }));
    return {
      verdicts: [...verdicts, ...decidedVerdicts].sort((a, b) => a.seq - b.seq),
      lastAppliedSeq,
    };
  });
}

/**
 * Decides one mutation; its staged writes are kept only if it does not fail.
 *
 * A registrar's decision also writes straight to the database (the issue decided, records
 * refused, numbers voided) and nests the deciding of the change it is about; a held change
 * tried again may do the same. These run under a savepoint, so that if one fails part-way
 * none of it stands, and what this push learnt from it is forgotten. Savepoints of one name
 * nest: each rollback or release names the innermost. Other changes write straight only when
 * a number is lent (the lease stands either way: the number is the device's); a savepoint for
 * each would cost a quarter of the push rate.
 *
 * A database fault that passes (disk full, a deadlock, the connection lost) fails the whole
 * push, which the device sends again later; so does any database error outside a savepoint,
 * which has aborted the transaction. Any other failure refuses this change alone.
 */
async function decideSafely(
  tx: ServerTx,
  store: RowStore,
  directory: StateDirectory,
  device: DeviceRecord,
  mutation: WireMutation,
  now: string,
  options: DecideOptions = {},
): Promise<Outcome> {
  const guarded = mutation.name === 'conflict.resolve' || options.receivedAt !== undefined;
  if (guarded) {
    // Taken before the savepoint: a rollback to it would give the lock up mid-push.
    await store.lockSequence();
    await tx.execute(sql`SAVEPOINT decision`);
  }
  store.begin();
  try {
    const outcome = await decide({
      tx,
      store,
      directory,
      device,
      mutation,
      now,
      options,
      decideAgain: (again, nested, nestedOptions) =>
        decideSafely(tx, store, directory, again, nested, now, nestedOptions),
    });
    if (guarded) await tx.execute(sql`RELEASE SAVEPOINT decision`);
    if (outcome.verdict === 'applied' || outcome.verdict === 'merged') store.commit();
    else store.rollback();
    return outcome;
  } catch (error) {
    store.rollback();
    const fault = databaseFault(error);
    if (guarded) {
      try {
        await tx.execute(sql`ROLLBACK TO SAVEPOINT decision`);
        await tx.execute(sql`RELEASE SAVEPOINT decision`);
      } catch {
        throw error;
      }
      store.forgetLookups();
    }
    if (fault && (!guarded || PASSING_FAULTS.test(fault.code))) throw error;
    return {
      verdict: 'rejected',
      reason: `The state server could not apply this change (${fault?.message ?? (error as Error).message}). It is kept for the administrator.`,
    };
  }
}

/**
 * SQLSTATE classes and codes of faults that pass with time: connection (08), transaction
 * rollback such as a deadlock (40), insufficient resources such as a full disk (53), a lock
 * not obtained in time (55P03), operator intervention (57), system error (58).
 */
const PASSING_FAULTS = /^(08|40|53|55P03|57|58)/;

/** PostgreSQL's own error under drizzle's wrapping: it has a severity and a SQLSTATE code. */
function databaseFault(error: unknown): { code: string; message: string } | null {
  for (let at = error; at instanceof Error; at = at.cause) {
    const { code, severity } = at as { code?: unknown; severity?: unknown };
    if (typeof code === 'string' && typeof severity === 'string') {
      return { code, message: at.message };
    }
  }
  return null;
}

const WAITS_BEHIND_HELD =
  'It waits behind an earlier change of the same record from this computer, which is held.';

/** How many held mutations one push tries again, oldest first. */
const HELD_RETRIES_PER_PUSH = 200;

/**
 * Held mutations wait for a record that had not reached the server (sync.md §4); after
 * every push, the oldest are tried again. One that now goes through is marked so, and its
 * issue closes; one that now conflicts or is refused says why.
 */
async function retryHeld(
  tx: ServerTx,
  store: RowStore,
  heldRows: HeldRows,
  directory: StateDirectory,
  now: string,
): Promise<void> {
  const held = await tx
    .select({
      mutationId: processedMutations.mutationId,
      deviceId: processedMutations.deviceId,
      conflictId: processedMutations.conflictId,
      body: mutationArchive.body,
      receivedAt: mutationArchive.receivedAt,
      officeId: devices.officeId,
      userId: devices.userId,
    })
    .from(processedMutations)
    .innerJoin(mutationArchive, eq(mutationArchive.mutationId, processedMutations.mutationId))
    .innerJoin(devices, eq(devices.id, processedMutations.deviceId))
    .where(eq(processedMutations.verdict, 'held'))
    .orderBy(processedMutations.processedAt, processedMutations.seq)
    .limit(HELD_RETRIES_PER_PUSH);
  for (const row of held) {
    const mutation = row.body as WireMutation;
    if (await heldRows.waits(row.deviceId, mutation)) continue;
    const outcome = await decideSafely(
      tx,
      store,
      directory,
      { id: row.deviceId, officeId: row.officeId, userId: row.userId },
      mutation,
      now,
      { receivedAt: row.receivedAt },
    );
    if (outcome.verdict === 'held') {
      // To the back of the queue, so changes waiting on a person (a likely duplicate, a newer
      // app) never keep the others from being tried.
      await tx
        .update(processedMutations)
        .set({ processedAt: now })
        .where(eq(processedMutations.mutationId, row.mutationId));
      continue;
    }
    await heldRows.release(row.deviceId, mutation);
    await settleHeld(
      tx,
      {
        mutationId: row.mutationId,
        conflictId: row.conflictId,
        mutation,
        device: { id: row.deviceId, officeId: row.officeId, userId: row.userId },
      },
      outcome,
      now,
      { resolution: 'applied once the record it waited for arrived' },
    );
  }
}

/** `hlc`, clamped to at most the tolerance ahead of the server's clock (sync.md §2). */
function clampHlc(hlc: string, serverMs: number): string {
  const parsed = parseHlc(hlc);
  if (parsed.wallMs <= serverMs + CLOCK_TOLERANCE_MS) return hlc;
  return formatHlc({ wallMs: serverMs + CLOCK_TOLERANCE_MS, counter: parsed.counter }, parsed.node);
}
