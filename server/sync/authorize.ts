/**
 * Who may make a change (sync.md §7): the user's role may call it, the user belongs to the
 * office the computer is enrolled for, and a field laptop changes only its auditor's work
 * on the societies assigned to them, while the assignment held.
 */
import type { Role } from '#shared/auth/roles';
import { parseHlc } from '#shared/sync/hlc';
import { MUTATION_ROLES } from '#shared/sync/mutations';
import type { WireMutation } from '#shared/sync/protocol';
import { FieldAssignments } from './assignments';
import {
  CLOCK_TOLERANCE_MS,
  type Actor,
  type Change,
  type Outcome,
  type PlannedRow,
} from './decision';
import type { RowStore, ServerTx } from './rows';

/** Changes a user makes to their own record only. */
const OWN_ONLY = new Set(['user.changePassword', 'user.rehashPassword']);

/** The user who made `mutation`, or null when the state server does not know them yet. */
export async function actorOf(store: RowStore, mutation: WireMutation): Promise<Actor | null> {
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

/**
 * The actor of a change the state server knows, whose role may make it, from the office
 * the computer is enrolled for; else the outcome that says why not.
 */
export async function authorizedActor(
  change: Change,
): Promise<{ actor: Actor } | { outcome: Outcome }> {
  const { store, directory, device, mutation } = change;
  const roles = MUTATION_ROLES[mutation.name];
  if (!roles) {
    return {
      outcome: {
        verdict: 'rejected',
        reason: `The state server does not know the change "${mutation.name}". Update the app on this computer.`,
      },
    };
  }
  // Only its auditor's work comes from a field laptop; its set-up accounts stay on it.
  if (device.userId && mutation.userId !== device.userId) {
    const owner = await store.read('users', device.userId);
    return {
      outcome: {
        verdict: 'rejected',
        reason: `This is the field laptop of ${String(owner?.data['full_name'] ?? 'an auditor')}; it takes only their work, not another user’s.`,
      },
    };
  }
  const actor = await actorOf(store, mutation);
  if (!actor) {
    return {
      outcome: {
        verdict: 'held',
        reason: 'The user who made this change is not known to the state server yet.',
      },
    };
  }
  if (!roles.includes(actor.role)) {
    return {
      outcome: {
        verdict: 'rejected',
        reason: `${actor.fullName} (${actor.role}) may not make this change (${mutation.name}).`,
      },
    };
  }
  if (OWN_ONLY.has(mutation.name) && mutation.entityId !== actor.id) {
    return {
      outcome: {
        verdict: 'rejected',
        reason: `${actor.fullName} may change only their own password; an administrator resets others'.`,
      },
    };
  }
  if (actor.officeId !== device.officeId && !directory.isStateOffice(device.officeId)) {
    return {
      outcome: {
        verdict: 'rejected',
        reason: `${actor.fullName} belongs to another office than the one this computer is enrolled for.`,
      },
    };
  }
  return { actor };
}

/**
 * A field laptop changes only the societies assigned to its user (sync.md §7): the refusal
 * when it may not make the change, or the flag for the registrar when it was made in the
 * grace after an assignment ended. Another computer's changes pass untouched.
 */
export async function fieldLaptopCheck(
  change: Change,
  planned: readonly PlannedRow[],
): Promise<{ flag: string | undefined } | { outcome: Outcome }> {
  const { tx, store, device, mutation, now, options } = change;
  let flag: string | undefined;
  if (device.userId) {
    const refusal = fieldLaptopRefusal(device.userId, planned);
    if (refusal) return { outcome: { verdict: 'rejected', reason: refusal } };
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
      if (verdict.kind === 'refused') {
        return { outcome: { verdict: 'rejected', reason: verdict.reason } };
      }
      if (verdict.kind === 'grace') flag = verdict.reason;
    }
  }
  return { flag };
}

/**
 * What a field laptop may never change, whatever is assigned: records outside a society
 * (applications, name reservations, other people's accounts); its auditor's own account is
 * the exception.
 */
function fieldLaptopRefusal(fieldUserId: string, planned: readonly PlannedRow[]): string | null {
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

/** Field laptops' assignments, read once per society. */
function fieldAssignmentsOf(tx: ServerTx, store: RowStore) {
  return store.lookup(FieldAssignments, () => new FieldAssignments(tx, store));
}
