/**
 * The push path (sync.md §4): one PostgreSQL transaction per request; per mutation, in the
 * device's order: duplicate → its stored verdict; gap → stop; else archive verbatim,
 * authorize, validate, apply / merge / conflict / reject / hold, and record the verdict.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '#shared/auth/roles';
import { auditStateInWords, type AuditState } from '#shared/audits/audits';
import {
  ENTITY_TABLES,
  LOCAL_COLUMNS,
  SERVER_OWNED_COLUMNS,
  byTableOrder,
  deriveColumns,
  fieldClass,
  isSyncTable,
  type RowImage,
  type SyncEntity,
  type SyncTable,
} from '#shared/sync/entities';
import { formatHlc, parseHlc } from '#shared/sync/hlc';
import { MUTATION_ROLES } from '#shared/sync/mutations';
import { REPLACE_PROVISIONAL, voidReasonForRefused } from '#shared/sync/numbers';
import {
  MINE_DECIDABLE,
  setAsideRefusal,
  type SyncIssue,
  type VerdictRecord,
  type WireMutation,
  type WireRow,
} from '#shared/sync/protocol';
import { columnOf } from '#shared/column-name';
import { EnrolmentError } from '../devices';
import { newServerId } from '../ids';
import type { ServerDb } from '../db/open';
import { devices, mutationArchive, processedMutations, syncIssues } from '../db/schema';
import type { StateDirectory } from '../state-directory';
import { FieldAssignments } from './assignments';
import { LikelyDuplicates } from './duplicates';
import { HeldRows } from './held-rows';
import { numberRefusal } from './numbers';
import { officeBucket } from './pull';
import {
  REFUSED_WITH_ITS_RECORD,
  linksToRefused,
  allocationsCarriedBy,
  refusedRecordItWaitsOn,
  refusedRecordCarrying,
  refuseForGood,
  refusedRecordsOf,
  numberCarried,
  relinkedPastRefused,
  type Refusal,
} from './refused';
import { upcast } from './upcasters';
import { RowStore, routeOfStored, type Route, type ServerTx, type StoredRow } from './rows';

export interface DeviceRecord {
  id: string;
  officeId: string;
  /** A field laptop's auditor; null for an office desktop. */
  userId: string | null;
}

interface Outcome {
  verdict: VerdictRecord['verdict'];
  reason?: string;
  conflictId?: string;
  /** Applied, but the registrar should look at it: why (a field laptop's late change). */
  flag?: string;
  /** How a held change's issue is closed, when it was not simply taken as it came. */
  resolution?: string;
  /** The issue a held or refused change makes, when more than its verdict and reason. */
  issue?: {
    kind: SyncIssue['kind'];
    fields: Record<string, { base: unknown; mine: unknown; theirs: unknown }>;
    theirs: StoredRow;
  };
}

/** How one change is decided: a registrar's decision may waive the likely-duplicate hold. */
interface DecideOptions {
  acceptDuplicate?: boolean;
  /** When the change reached the server, for one decided later (a held change); else now. */
  receivedAt?: string;
}

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
      (locked as unknown as { rows: { last_applied_seq: string | number }[] }).rows[0]
        ?.last_applied_seq ?? 0,
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
    const outcome = await decide(tx, store, directory, device, mutation, now, options);
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

/** A character PostgreSQL cannot store: NUL, or half of a surrogate pair. */
// eslint-disable-next-line no-control-regex -- NUL is the very character looked for
const UNSTORABLE = /[\u0000\p{Cs}]/u;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'gu');

function unstorableReason(where: string): string {
  return `It contains a hidden character that the state server cannot store (in ${where}). The change stays on this computer and is kept for the administrator.`;
}

/** Where `mutation` holds a character PostgreSQL cannot store, in words; null if nowhere. */
function unstorableIn(mutation: WireMutation): string | null {
  for (const row of mutation.rows) {
    for (const [column, value] of Object.entries(row.data)) {
      if (holdsUnstorable(column) || holdsUnstorable(value)) {
        return `${labelOf(column)} of ${row.table}`;
      }
    }
  }
  return holdsUnstorable(mutation) ? `the change ${mutation.name}` : null;
}

function holdsUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorable);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, item]) => UNSTORABLE.test(key) || holdsUnstorable(item),
    );
  }
  return false;
}

/** `value` with every character PostgreSQL cannot store shown as U+FFFD. */
function storableCopy<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE_ALL, '\ufffd') as T;
  if (Array.isArray(value)) return value.map(storableCopy) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storableCopy(key), storableCopy(item)]),
    ) as T;
  }
  return value;
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

/**
 * A held change decided at last: its verdict is recorded, and its issue is closed when it
 * went through, or says why not.
 */
async function settleHeld(
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

/**
 * How far a computer's clock may be off before the server takes note (sync.md §2): a stamp
 * further ahead is clamped, and a field laptop's change whose own time is further behind its
 * stamp was made with the clock set back.
 */
const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Changes a user makes to their own record only. */
const OWN_ONLY = new Set(['user.changePassword', 'user.rehashPassword']);

function clampHlc(hlc: string, serverMs: number): string {
  const parsed = parseHlc(hlc);
  if (parsed.wallMs <= serverMs + CLOCK_TOLERANCE_MS) return hlc;
  return formatHlc({ wallMs: serverMs + CLOCK_TOLERANCE_MS, counter: parsed.counter }, parsed.node);
}

interface Actor {
  id: string;
  fullName: string;
  role: Role;
  officeId: string;
}

async function decide(
  tx: ServerTx,
  store: RowStore,
  directory: StateDirectory,
  device: DeviceRecord,
  received: WireMutation,
  now: string,
  options: DecideOptions = {},
): Promise<Outcome> {
  // An older app's change is taken at today's version; a newer app's waits (sync.md §8).
  const current = upcast(received);
  if ('held' in current) return { verdict: 'held', reason: current.held };
  const { mutation } = current;
  if (mutation.name === 'conflict.resolve')
    return resolveIssue(tx, store, directory, device, mutation, now);
  const table = ENTITY_TABLES[mutation.entity as SyncEntity] as SyncTable | undefined;
  if (!table) {
    return {
      verdict: 'rejected',
      reason: `The state server does not know records of kind "${mutation.entity}".`,
    };
  }
  const roles = MUTATION_ROLES[mutation.name];
  if (!roles) {
    return {
      verdict: 'rejected',
      reason: `The state server does not know the change "${mutation.name}". Update the app on this computer.`,
    };
  }
  // Only its auditor's work comes from a field laptop; its set-up accounts stay on it.
  if (device.userId && mutation.userId !== device.userId) {
    const owner = await store.read('users', device.userId);
    return {
      verdict: 'rejected',
      reason: `This is the field laptop of ${String(owner?.data['full_name'] ?? 'an auditor')}; it takes only their work, not another user’s.`,
    };
  }
  const actor = await actorOf(store, mutation);
  if (!actor) {
    return {
      verdict: 'held',
      reason: 'The user who made this change is not known to the state server yet.',
    };
  }
  if (!roles.includes(actor.role)) {
    return {
      verdict: 'rejected',
      reason: `${actor.fullName} (${actor.role}) may not make this change (${mutation.name}).`,
    };
  }
  if (OWN_ONLY.has(mutation.name) && mutation.entityId !== actor.id) {
    return {
      verdict: 'rejected',
      reason: `${actor.fullName} may change only their own password; an administrator resets others'.`,
    };
  }
  if (actor.officeId !== device.officeId && !directory.isStateOffice(device.officeId)) {
    return {
      verdict: 'rejected',
      reason: `${actor.fullName} belongs to another office than the one this computer is enrolled for.`,
    };
  }
  const rows = orderedRows(mutation, table);
  const stored = await store.read(table, mutation.entityId);

  // Authorization before and after (sync.md §7): every row the change touches must be in
  // the actor's jurisdiction as the server holds it and as the change leaves it.
  const planned: {
    table: SyncTable;
    id: string;
    data: RowImage;
    route: Route;
    stored?: StoredRow;
  }[] = [];
  let voided = false;
  for (const row of rows) {
    if (!isSyncTable(row.table)) {
      return { verdict: 'rejected', reason: `Rows of "${row.table}" do not sync.` };
    }
    const own = row.table === table && row.id === mutation.entityId;
    const before = own ? stored : await store.read(row.table, row.id);
    const refused = before
      ? null
      : await refusedRecordsOf(tx, store).firstAmong(device.id, [row.id]);
    if (refused) {
      return { verdict: 'rejected', reason: `${REFUSED_WITH_ITS_RECORD}${refused.reason}` };
    }
    let data = withoutLocalColumns(
      row.table,
      own ? withOwnValues(row.data, mutation.args) : row.data,
    );
    let route = await routeOrPlanned(store, row.table, data, planned);
    // An application whose society was found to be one already registered leads to that
    // one, and stays with its own office (as when the registrar decided it).
    const relinked = await relinkedPastRefused(tx, store, device.id, row.table, data);
    if (relinked) {
      data = relinked.data;
      if (route) route = { ...route, societyId: relinked.societyId };
    }
    if (!route) {
      const refusal = await refusedRecordItWaitsOn(tx, store, device.id, row.table, data);
      if (!refusal) {
        return {
          verdict: 'held',
          reason:
            'It waits for the record it belongs to, which has not reached the state server yet.',
        };
      }
      // The record it belongs to will never arrive. A number given to it is kept as void,
      // so the register of numbers accounts for it and it is never given again (sync.md §6);
      // anything else is refused with it.
      if (row.table !== 'number_allocations' || before) {
        // A number its records carried was given to the refused record too: it is kept as
        // void when it arrives (the number_allocations branches here).
        await refuseForGood(tx, store, device.id, mutation, { ...refusal, sameAsId: null }, now);
        return {
          verdict: 'rejected',
          reason: `${REFUSED_WITH_ITS_RECORD}${refusal.reason}`,
        };
      }
      data = { ...data, ...voidedFor(refusal, now) };
      route = { bucket: null, officeId: device.officeId, societyId: null };
      voided = true;
    } else if (row.table === 'number_allocations' && !before) {
      // Given to a record that stands, but printed on one refused for good (a certificate).
      const refusal = await refusedRecordCarrying(tx, device.id, data);
      if (refusal) {
        data = { ...data, ...voidedFor(refusal, now) };
        voided = true;
      }
    }
    for (const officeId of [before?.officeId ?? null, route.officeId]) {
      if (officeId && officeId !== actor.officeId && !directory.isStateOffice(actor.officeId)) {
        const office = directory.office(officeId);
        return {
          verdict: 'rejected',
          reason: `${actor.fullName} may not change a record of ${office?.shortName ?? 'another office'}.`,
        };
      }
    }
    planned.push({
      table: row.table,
      id: row.id,
      data,
      route,
      ...(before ? { stored: before } : {}),
    });
  }

  // A field laptop changes only the societies assigned to its user (sync.md §7).
  let flag: string | undefined;
  if (device.userId) {
    const refusal = fieldLaptopRefusal(device.userId, planned);
    if (refusal) return { verdict: 'rejected', reason: refusal };
    const assignments = fieldAssignmentsOf(tx, store);
    const madeAt = parseHlc(mutation.hlc).wallMs;
    // The laptop's own clock read earlier than the change's stamp, which never goes back (it
    // follows the laptop's latest change and the server's time at its last sync): the clock
    // was set back, and the change may have been made any time until it arrived.
    const readMs = Date.parse(mutation.createdAt);
    const setBack =
      readMs < madeAt - CLOCK_TOLERANCE_MS
        ? { readMs, arrivedMs: Date.parse(options.receivedAt ?? now) }
        : undefined;
    const societies = new Set(
      planned.flatMap((row) => [row.stored?.societyId, row.route.societyId]),
    );
    for (const societyId of societies) {
      if (!societyId) continue;
      const named = planned.find((row) => row.table === 'societies' && row.id === societyId);
      const name = named?.data['name'];
      const verdict = await assignments.verdict(
        device.userId,
        societyId,
        madeAt,
        typeof name === 'string' ? name : undefined,
        setBack,
      );
      if (verdict.kind === 'refused') return { verdict: 'rejected', reason: verdict.reason };
      if (verdict.kind === 'grace') flag = verdict.reason;
    }
  }

  const closed = stored ? closedReason(table, stored.data, mutation) : null;
  if (closed) return { verdict: 'rejected', reason: closed };
  const report = await reportClosedReason(store, mutation, planned);
  if (report) return { verdict: 'rejected', reason: report };

  // The mutation's own row decides first: a conflict or a stale step writes nothing.
  const main = planned.find((row) => row.table === table && row.id === mutation.entityId);
  const merge = main?.stored ? threeWay(table, main.stored, main.data, mutation) : null;
  if (merge?.kind === 'stale') return { verdict: 'rejected', reason: merge.reason };
  if (merge?.kind === 'conflict' && main?.stored) {
    const fields = merge.fields.map(labelOf).join(', ');
    const reason = `Someone else changed the ${fields} of this record meanwhile; the registrar chooses which values stand.`;
    const conflictId = await recordIssue(
      tx,
      device,
      mutation,
      { kind: 'conflict', reason },
      merge.detail,
      main.stored,
      now,
    );
    return { verdict: 'conflict', reason, conflictId };
  }

  for (const row of planned) {
    if (!row.stored) {
      if (row.table === 'societies') {
        const clash = await registrationNumberTaken(store, row.data, row.id);
        if (clash) return { verdict: 'rejected', reason: clash };
        const twin = options.acceptDuplicate
          ? null
          : await likelyDuplicatesOf(tx, store, directory).find(row);
        if (twin) {
          return {
            verdict: 'held',
            reason: twin.reason,
            issue: { kind: 'duplicate', fields: twin.fields, theirs: twin.existing },
          };
        }
      }
      if (row.table === 'number_allocations') {
        const refusal = await numberRefusal(tx, device, allocationOf(row), now);
        if (refusal) return { verdict: 'rejected', reason: refusal };
      }
      await store.write({
        table: row.table,
        id: row.id,
        version: 1,
        data: deriveColumns(row.table, { ...row.data, version: 1 }),
        hlc: mutation.hlc,
        route: row.route,
        deviceId: device.id,
        mutationId: mutation.mutationId,
        now,
      });
    } else if (row === main) {
      if (merge?.kind === 'apply') {
        const patch = { ...merge.patch, ...changedStamp(row.stored, mutation) };
        await writeMerged(store, row, row.stored, patch, mutation, device, now);
      } else if (Number(row.data['version'] ?? 0) !== row.stored.version) {
        // Nothing to change, but the computer counted versions of its own the server never
        // saw (edits that came back to the server's values): a fresh version of the row goes
        // back to it, so its copy is the server's again.
        await writeMerged(store, row, row.stored, {}, mutation, device, now);
      }
    } else if (
      // Child rows (area villages, promoters, history entries) are new rows or tombstones;
      // one the server already holds takes the device's image unless it is older.
      Number(row.data['version'] ?? 0) >= row.stored.version &&
      !sameImage(row.stored.data, row.data)
    ) {
      await writeMerged(store, row, row.stored, row.data, mutation, device, now);
    }
  }
  // A society that moved office takes its whole file with it (sync.md §7).
  const from = main?.stored?.officeId;
  const to = table === 'societies' ? (await store.read(table, mutation.entityId))?.officeId : null;
  if (from && to && from !== to) store.moveSociety(mutation.entityId, from, to, now);
  return {
    // A number kept as void is not the row the device sent: 'merged' says the server's differs.
    verdict:
      voided || (main?.stored && main.stored.version !== mutation.baseVersion)
        ? 'merged'
        : 'applied',
    ...(flag ? { flag } : {}),
    ...(voided ? { resolution: 'kept as void: the record it was given to was refused' } : {}),
  };
}

/** A number never used, because the record it was given to was refused for good. */
function voidedFor(refusal: Refusal, now: string): RowImage {
  return {
    voided_at: now,
    void_reason: voidReasonForRefused(refusal.reason),
  };
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
  tx: ServerTx,
  store: RowStore,
  directory: StateDirectory,
  issue: typeof syncIssues.$inferSelect,
  choice: 'mine' | 'theirs',
  actor: Actor,
  decision: { mutation: WireMutation; decidedOn: DeviceRecord },
  now: string,
): Promise<void> {
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
  const outcome = await decideSafely(tx, store, directory, heldChange.device, mutation, now, {
    acceptDuplicate: true,
    receivedAt: held.receivedAt,
  });
  await settleHeld(tx, heldChange, outcome, now, {
    resolution: 'a different society; registered on the registrar’s word',
    resolvedBy: actor.id,
  });
}

/**
 * What a field laptop may never change, whatever is assigned: records outside a society
 * (applications, name reservations, other people's accounts); its auditor's own account is
 * the exception.
 */
function fieldLaptopRefusal(
  fieldUserId: string,
  planned: readonly { table: SyncTable; id: string; route: Route; stored?: StoredRow }[],
): string | null {
  const outside = planned.find(
    (row) =>
      !row.route.societyId &&
      !row.stored?.societyId &&
      !((row.table === 'users' || row.table === 'user_passwords') && row.id === fieldUserId),
  );
  return outside
    ? 'A field laptop changes only the societies assigned to its auditor; this record belongs to none of them.'
    : null;
}

/** Likely-duplicate lookups, loaded for all the push's new societies at once. */
function likelyDuplicatesOf(tx: ServerTx, store: RowStore, directory: StateDirectory) {
  return store.lookup(LikelyDuplicates, () => new LikelyDuplicates(tx, store, directory));
}

/** Field laptops' assignments, read once per society. */
function fieldAssignmentsOf(tx: ServerTx, store: RowStore) {
  return store.lookup(FieldAssignments, () => new FieldAssignments(tx, store));
}

/**
 * Who changed a row and when, as the change itself says: a merged row shows the edit that
 * was applied, not the one before it (its image may already carry later edits' stamps).
 */
function changedStamp(stored: StoredRow, mutation: WireMutation): RowImage {
  return 'updated_at' in stored.data
    ? { updated_at: mutation.createdAt, updated_by: mutation.userId }
    : {};
}

function allocationOf(row: { id: string; data: RowImage }) {
  return {
    id: row.id,
    series: String(row.data['series']),
    serial: Number(row.data['serial']),
    number: String(row.data['number']),
  };
}

/** The rows of a mutation, parents first, with the mutation's own row among them. */
function orderedRows(mutation: WireMutation, table: SyncTable): WireRow[] {
  const rows = [...mutation.rows];
  if (!rows.some((row) => row.table === table && row.id === mutation.entityId)) {
    rows.push({
      table,
      id: mutation.entityId,
      data: { id: mutation.entityId, ...argsAsColumns(mutation.args) },
    });
  }
  return rows.sort(byTableOrder);
}

function argsAsColumns(args: Record<string, unknown>): RowImage {
  return Object.fromEntries(
    Object.entries(args).map(([field, value]) => [columnOf(field), asColumnValue(value)]),
  );
}

/**
 * The mutation's own row with the values the mutation set, not the later ones. A row's
 * image is read when the push goes, so with several changes of one row waiting it already
 * shows the last of them: an auditor's "start field work" would carry the "submitted" of a
 * later step, and a step taken before the server's state machine saw it. The arguments are
 * the values of this change alone.
 */
function withOwnValues(image: RowImage, args: Record<string, unknown>): RowImage {
  const own = { ...image };
  for (const [field, value] of Object.entries(args)) {
    const column = columnOf(field);
    if (column in image && !SERVER_OWNED_COLUMNS.has(column)) own[column] = asColumnValue(value);
  }
  return own;
}

/** A value as the desktop's database holds it: yes/no as 1/0, lists and records as JSON. */
function asColumnValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

function withoutLocalColumns(table: SyncTable, data: RowImage): RowImage {
  const local = LOCAL_COLUMNS[table];
  if (!local) return data;
  return Object.fromEntries(Object.entries(data).filter(([column]) => !local.includes(column)));
}

async function routeOrPlanned(
  store: RowStore,
  table: SyncTable,
  data: RowImage,
  planned: readonly { table: SyncTable; id: string; route: Route }[],
): Promise<Route | null> {
  const route = await store.routeOf(table, data);
  if (route) return route;
  // The parent may be a row of this same mutation, not yet written.
  for (const parent of planned) {
    if (Object.values(data).includes(parent.id)) return parent.route;
  }
  return null;
}

async function actorOf(store: RowStore, mutation: WireMutation): Promise<Actor | null> {
  const stored = await store.read('users', mutation.userId);
  // A user's own creation (the first administrator of a device) carries their row.
  const data =
    stored?.data ??
    mutation.rows.find((row) => row.table === 'users' && row.id === mutation.userId)?.data;
  if (!data) return null;
  return {
    id: mutation.userId,
    fullName: String(data['full_name'] ?? 'The user'),
    role: data['role'] as Role,
    officeId: String(data['office_id']),
  };
}

type Merge =
  | { kind: 'apply'; patch: RowImage }
  | { kind: 'nothing' }
  | { kind: 'stale'; reason: string }
  | {
      kind: 'conflict';
      fields: string[];
      detail: Record<string, { base: unknown; mine: unknown; theirs: unknown }>;
    };

/**
 * The three-way check of sync.md §5, per patched column: theirs == base → mine; mine ==
 * theirs → nothing; soft field → the later clock; workflow → stale; otherwise a conflict.
 */
function threeWay(
  table: SyncTable,
  stored: StoredRow,
  mine: RowImage,
  mutation: WireMutation,
): Merge {
  const columns = Object.keys(mutation.args)
    .map((field) => ({ field, column: columnOf(field) }))
    .filter(
      ({ column }) =>
        column in mine &&
        !SERVER_OWNED_COLUMNS.has(column) &&
        !(LOCAL_COLUMNS[table] ?? []).includes(column),
    );
  const patch: RowImage = {};
  const conflicts: Record<string, { base: unknown; mine: unknown; theirs: unknown }> = {};
  // Decided by values, never by version numbers alone: a computer's versions count its own
  // edits too, so its base version can equal the server's while the row differs (an edit it
  // made offline after the server took another office's change).
  for (const { field, column } of columns) {
    const mineValue = mine[column] ?? null;
    const theirs = stored.data[column] ?? null;
    const base = mutation.base?.[field] ?? null;
    if (same(mineValue, theirs)) continue;
    if (same(theirs, base)) {
      patch[column] = mineValue;
      continue;
    }
    const kind = fieldClass(column);
    if (kind === 'soft') {
      if (mutation.hlc > stored.hlc) patch[column] = mineValue;
      continue;
    }
    if (kind === 'workflow') {
      return {
        kind: 'stale',
        reason: `The record was already moved to "${String(theirs)}" on the state server; this change was made when it was "${String(base)}".`,
      };
    }
    conflicts[column] = { base, mine: mineValue, theirs };
  }
  const fields = Object.keys(conflicts);
  if (fields.length > 0) return { kind: 'conflict', fields, detail: conflicts };
  return Object.keys(patch).length > 0 ? { kind: 'apply', patch } : { kind: 'nothing' };
}

async function writeMerged(
  store: RowStore,
  row: { table: SyncTable; id: string; route: Route },
  stored: StoredRow,
  patch: RowImage,
  mutation: WireMutation,
  device: DeviceRecord,
  now: string,
): Promise<void> {
  const version = stored.version + 1;
  const data = deriveColumns(row.table, { ...stored.data, ...patch, version });
  await store.write({
    table: row.table,
    id: row.id,
    version,
    data,
    hlc: mutation.hlc > stored.hlc ? mutation.hlc : stored.hlc,
    route: row.route,
    deviceId: device.id,
    mutationId: mutation.mutationId,
    now,
  });
}

/** Closed records (sync.md §5): edits to them are refused with the reason. */
function closedReason(table: SyncTable, data: RowImage, mutation: WireMutation): string | null {
  // A provisional number replaced by its final one is no edit of the record's substance.
  if (mutation.baseVersion === null || mutation.name === REPLACE_PROVISIONAL) return null;
  if (table === 'societies' && ['deregistered', 'merged'].includes(String(data['status']))) {
    return `The society is ${String(data['status'])} on the state server; its record is closed.`;
  }
  if (table === 'annual_returns' && data['state'] === 'accepted') {
    return 'The return was already accepted on the state server; it can no longer be changed.';
  }
  if (table === 'audits' && data['state'] === 'accepted') {
    return 'The audit was already accepted on the state server; its report is final.';
  }
  return null;
}

/**
 * An observation is written while the audit is in the auditor's hands (planned, in the
 * field, returned). One that reaches the server after the audit was submitted or accepted
 * there (written offline, or on a second computer) would change a report the registrar
 * already has: it is refused, with the state the auditor saw, and kept for the registrar.
 */
async function reportClosedReason(
  store: RowStore,
  mutation: WireMutation,
  planned: readonly { table: SyncTable; data: RowImage }[],
): Promise<string | null> {
  if (!mutation.name.startsWith('auditObservation.')) return null;
  const observation = planned.find((row) => row.table === 'audit_observations');
  const auditId = observation?.data['audit_id'];
  if (typeof auditId !== 'string') return null;
  const audit = await store.read('audits', auditId);
  const state = audit?.data['state'];
  if (state !== 'submitted' && state !== 'accepted') return null;
  const seen = auditStateInWords[mutation.args['auditState'] as AuditState] ?? 'open';
  return `The audit was already ${auditStateInWords[state]} on the state server; this observation was written while it was ${seen} and was not added to the report.`;
}

async function registrationNumberTaken(
  store: RowStore,
  data: RowImage,
  id: string,
): Promise<string | null> {
  const key = deriveColumns('societies', data)['reg_no_key'];
  if (typeof key !== 'string') return null;
  const clash = await store.findBy('societies', 'reg_no_key', key, id);
  return clash
    ? `Registration number ${String(data['reg_no'])} is already on the state register, for ${String(clash.data['name'])}.`
    : null;
}

/** Values compared as the database holds them: JSON text and parsed JSON are the same value. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  // The desktop's database keeps a yes/no as 1/0 while a patch's base says true/false.
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') {
    if (value.startsWith('{') || value.startsWith('[')) {
      try {
        return JSON.stringify(JSON.parse(value));
      } catch {
        return value;
      }
    }
    return value;
  }
  return JSON.stringify(value ?? null);
}

function sameImage(stored: RowImage, incoming: RowImage): boolean {
  return Object.entries(incoming).every(
    ([column, value]) => column === 'version' || same(stored[column] ?? null, value ?? null),
  );
}

function labelOf(column: string): string {
  return column.replaceAll('_', ' ');
}

async function recordIssue(
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
 * The registrar's decision on a sync issue (sync.md §3 `conflict.resolve`). Either way the
 * record is written again under a new server_seq, so every computer that holds it, the one
 * whose change was refused included, receives the standing values.
 */
async function resolveIssue(
  tx: ServerTx,
  store: RowStore,
  directory: StateDirectory,
  device: DeviceRecord,
  mutation: WireMutation,
  now: string,
): Promise<Outcome> {
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
    await decideLikelyDuplicate(tx, store, directory, issue, choice, actor, decision, now);
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
