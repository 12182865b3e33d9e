/**
 * The vocabulary of deciding one pushed change (sync.md §4): who sent it, what the server
 * decided, and the context every decider is handed.
 */
import type { Role } from '#shared/auth/roles';
import type { RowImage, SyncTable } from '#shared/sync/entities';
import type { SyncIssue, VerdictRecord, WireMutation } from '#shared/sync/protocol';
import type { StateDirectory } from '../state-directory';
import type { Route, RowStore, ServerTx, StoredRow } from './rows';

export interface DeviceRecord {
  id: string;
  officeId: string;
  /** A field laptop's auditor; null for an office desktop. */
  userId: string | null;
}

export interface Outcome {
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
export interface DecideOptions {
  acceptDuplicate?: boolean;
  /** When the change reached the server, for one decided later (a held change); else now. */
  receivedAt?: string;
}

/** The user who made a change, as the state server knows them. */
export interface Actor {
  id: string;
  fullName: string;
  role: Role;
  officeId: string;
}

/** One change being decided, with what deciding it may read and write. */
export interface Change {
  tx: ServerTx;
  store: RowStore;
  directory: StateDirectory;
  device: DeviceRecord;
  /** The change at today's version of its mutation (sync.md §8). */
  mutation: WireMutation;
  now: string;
  options: DecideOptions;
  /**
   * Decides another change in this push, under its own savepoint: a registrar's decision
   * nests the deciding of the held change it is about.
   */
  decideAgain(
    device: DeviceRecord,
    mutation: WireMutation,
    options: DecideOptions,
  ): Promise<Outcome>;
}

/** A change of records of one kind: `table` is where the mutation's own entity lives. */
export interface RecordChange extends Change {
  table: SyncTable;
}

/** Decides one change of a record of its kind. */
export type Decider = (change: RecordChange) => Promise<Outcome>;

/** A row the change writes, checked in scope before and after (sync.md §7). */
export interface PlannedRow {
  table: SyncTable;
  id: string;
  data: RowImage;
  route: Route;
  /** The row as the server holds it; absent for a new row. */
  stored?: StoredRow;
}

/**
 * How far a computer's clock may be off before the server takes note (sync.md §2): a stamp
 * further ahead is clamped, and a field laptop's change whose own time is further behind its
 * stamp was made with the clock set back.
 */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;
