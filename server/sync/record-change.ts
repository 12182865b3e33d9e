/**
 * How a change of records is decided (sync.md §4, §5, §7), whatever its kind: authorize
 * the actor, plan its rows in jurisdiction, check a field laptop's assignments, refuse an
 * edit of a closed record, merge the mutation's own row three ways, then write its rows.
 * A kind's decider adds its own rules (`RecordRules`) to these steps.
 */
import { auditStateInWords, type AuditState } from '#shared/audits/audits';
import { deriveColumns, type RowImage } from '#shared/sync/entities';
import { REPLACE_PROVISIONAL } from '#shared/sync/numbers';
import type { WireMutation } from '#shared/sync/protocol';
import { authorizedActor, fieldLaptopCheck } from './authorize';
import type { Decider, Outcome, PlannedRow, RecordChange } from './decision';
import { likelyDuplicatesOf, registrationNumberTaken } from './duplicates';
import { recordIssue } from './issues';
import { changedStamp, labelOf, sameImage, threeWay, writeMerged, type Merge } from './merge';
import { numberRefusal } from './numbers';
import { planRows } from './plan-rows';
import type { RowStore } from './rows';

/** What one kind of record adds to the common steps. */
export interface RecordRules {
  /**
   * Why the record, as the state server holds it (`data`), takes no more edits (sync.md §5,
   * closed records); null when it does.
   */
  closedReason?(data: RowImage): string | null;
  /** What follows once the change's rows are written; `main` is the mutation's own row. */
  afterWrite?(change: RecordChange, main: PlannedRow | undefined): Promise<void>;
}

/** The decider of a kind of record: the common steps with the kind's `rules`. */
export function recordDecider(rules: RecordRules = {}): Decider {
  return (change) => decideRecordChange(change, rules);
}

/** Decides `change` by the common steps and the rules of its kind. */
export async function decideRecordChange(
  change: RecordChange,
  rules: RecordRules = {},
): Promise<Outcome> {
  const { tx, store, device, mutation, now, table } = change;
  const authorized = await authorizedActor(change);
  if ('outcome' in authorized) return authorized.outcome;
  const stored = await store.read(table, mutation.entityId);
  const plan = await planRows(change, authorized.actor, stored);
  if ('outcome' in plan) return plan.outcome;
  const { planned, voided } = plan;
  const laptop = await fieldLaptopCheck(change, planned);
  if ('outcome' in laptop) return laptop.outcome;
  const { flag } = laptop;

  const closed = stored ? closedReason(stored.data, mutation, rules) : null;
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

  const refused = await writeRows(change, planned, main, merge);
  if (refused) return refused;
  await rules.afterWrite?.(change, main);
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

/**
 * Stages the writes of the change's rows: new rows at version 1 (unless a society's number
 * is taken, it is a likely duplicate, or a number may not be given), the mutation's own row
 * merged, and child rows the server holds replaced by a newer image. Answers the outcome
 * that refuses or holds the change, or null when every row is written.
 */
async function writeRows(
  change: RecordChange,
  planned: readonly PlannedRow[],
  main: PlannedRow | undefined,
  merge: Merge | null,
): Promise<Outcome | null> {
  const { tx, store, directory, device, mutation, now, options } = change;
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
  return null;
}

/** Closed records (sync.md §5): edits to them are refused with the reason. */
function closedReason(data: RowImage, mutation: WireMutation, rules: RecordRules): string | null {
  // A provisional number replaced by its final one is no edit of the record's substance.
  if (mutation.baseVersion === null || mutation.name === REPLACE_PROVISIONAL) return null;
  return rules.closedReason?.(data) ?? null;
}

/**
 * An observation is written while the audit is in the auditor's hands (planned, in the
 * field, returned). One that reaches the server after the audit was submitted or accepted
 * there (written offline, or on a second computer) would change a report the registrar
 * already has: it is refused, with the state the auditor saw, and kept for the registrar.
 * Told by the mutation's name, whatever entity it names.
 */
async function reportClosedReason(
  store: RowStore,
  mutation: WireMutation,
  planned: readonly PlannedRow[],
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

function allocationOf(row: { id: string; data: RowImage }) {
  return {
    id: row.id,
    series: String(row.data['series']),
    serial: Number(row.data['serial']),
    number: String(row.data['number']),
  };
}
