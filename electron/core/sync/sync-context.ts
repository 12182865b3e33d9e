/**
 * What the parts of the sync client share: the options it is made with, the keys it keeps
 * in `app_meta`, the figures of a run, and the synced columns of the local tables.
 */
import { LOCAL_COLUMNS, type SyncTable } from '#shared/sync/entities';
import type { NumberLease } from '#shared/sync/protocol';
import type { SyncStatus } from '#shared/sync/contract';
import type { Sqlite } from '../db/open-database';
import type { Prepare } from '../db/statement-cache';
import type { Clock, HostPort, Logger } from '../ports';
import type { MutationWriter } from './mutation-writer';

export interface SyncClientOptions {
  sqlite: Sqlite;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  appVersion: string;
  schemaVersion: number;
  writer: MutationWriter;
  /** Where an export of pending changes is saved and shown. */
  host: Pick<HostPort, 'chooseSavePath' | 'revealInFolder' | 'presentFile'>;
  /** The network; the fault harness passes a faulty one. */
  fetch?: typeof fetch;
  /** Rows per pulled page (the server's default when absent); tests make pages small. */
  pullPageRows?: number;
  /** After a pulled page is written: which tables changed and which societies to reindex. */
  onPulled(change: { tables: ReadonlySet<SyncTable>; societyIds: ReadonlySet<string> }): void;
  /**
   * Inside the transaction that forgets societies this computer no longer holds, before
   * their rows go: drops what is kept beside them (the full-text index).
   */
  onForgetting(societyIds: readonly string[]): void;
  /** Every status change, for the status indicator. */
  onStatus?(status: SyncStatus): void;
  /** The numbers this computer gives, leased by the state server (sync.md §6). */
  numbers: NumberLeasing;
}

/** What sync needs of the numbering of records: leases in, provisional numbers replaced. */
export interface NumberLeasing {
  /** From enrolment on, only leased numbers are given. */
  startLeasing(): void;
  /**
   * The series running low, for a computer enrolled for `officeId`; with null (a field
   * laptop, which registers nothing as a rule) only the series it has given numbers in.
   */
  wantedSeries(now: Date, officeId: string | null): { series: string; holding: string[] }[];
  storeLeases(leases: readonly NumberLease[], now: string): void;
  /** Gives records their final numbers where leased ones are there; returns how many. */
  replaceProvisional(): number;
}

export const META = {
  url: 'sync_server_url',
  token: 'sync_token',
  office: 'sync_office_id',
  cursors: 'sync_cursors',
  lastSync: 'sync_last_sync_at',
  mustReenrol: 'sync_must_reenrol',
  /** The user whose field laptop this is, from the enrolment. */
  fieldUser: 'sync_field_user_id',
  /** Societies whose bucket the server stopped giving, to forget once nothing waits on them. */
  departed: 'sync_departed_societies',
  /** The server's countersignature of this computer's audit-trail head, as last received. */
  checkpoint: 'sync_checkpoint',
} as const;

export interface RunFigures {
  /** Mutations sent (each counted once per batch that carried it). */
  pushed: number;
  pushMs: number;
  pulledRows: number;
  pullMs: number;
  /** Time spent writing pulled pages into the local tables. */
  applyMs: number;
}

export function emptyFigures(): RunFigures {
  return { pushed: 0, pushMs: 0, pulledRows: 0, pullMs: 0, applyMs: 0 };
}

/**
 * The columns of a synced table that travel (those that stay on this computer left out),
 * read from the database once per table.
 */
export function travellingColumns(prepare: Prepare): (table: SyncTable) => string[] {
  const columnCache = new Map<string, string[]>();
  return (table) => {
    let columns = columnCache.get(table);
    if (!columns) {
      const local = LOCAL_COLUMNS[table] ?? [];
      columns = (
        prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as {
          name: string;
        }[]
      )
        .map((column) => column.name)
        .filter((name) => !local.includes(name));
      columnCache.set(table, columns);
    }
    return columns;
  };
}
