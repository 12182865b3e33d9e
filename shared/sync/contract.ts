import { z } from 'zod';
import { syncIssueSchema } from './protocol';
import { typedText } from '../societies/society';
import { registerReaders } from '../auth/roles';
import { type EventSpecs, type RequestSpecs, isoInstant, uuid } from '../ipc/wire';

/** What the status bar and the sync screen show. */
export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  officeId: z.string().nullable(),
  /** The last request reached the server. Null before any attempt. */
  online: z.boolean().nullable(),
  running: z.boolean(),
  lastSyncAt: isoInstant.nullable(),
  lastAttemptAt: isoInstant.nullable(),
  /** Changes made here that the server has not decided yet. */
  pending: z.number().int(),
  oldestPendingAt: isoInstant.nullable(),
  /** Conflicts, rejections and held changes waiting for the registrar. */
  issues: z.number().int(),
  /** What stopped the last run, in a sentence for the user; null when it went through. */
  problem: z.string().nullable(),
  /** The database was restored from a backup: enrol again before syncing. */
  mustReenrol: z.boolean(),
  /** A field laptop's auditor: it holds only the societies assigned to them. */
  fieldLaptopOf: z.string().nullable(),
  /**
   * When the status was taken (ms since the epoch). Answers and events may arrive out of
   * order: of two statuses, the one taken later is the truth.
   */
  takenAt: z.number(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A sync issue as the inbox shows it: the server's record with names a person reads. */
export const syncIssueRowSchema = syncIssueSchema.extend({
  /** "Society: Ṭlangnuam MPCS Ltd." — what the record is, for the list. */
  recordLabel: z.string(),
  madeByName: z.string(),
  theirsByName: z.string().nullable(),
  /** This computer made the change (the inbox marks it "from this computer"). */
  fromThisDevice: z.boolean(),
});

export const syncRequests = {
  /** Sync with the state server: online or not, last sync, pending changes, issues. */
  'sync.status': { access: 'session', input: z.object({}).strict(), output: syncStatusSchema },
  /** Runs a sync now (or joins the one running) and answers the status after it. */
  'sync.now': { access: registerReaders, input: z.object({}).strict(), output: syncStatusSchema },
  /**
   * Enrols this computer with the state server using the administrator's one-time code;
   * fails with the server's reason (wrong or used code, server unreachable).
   */
  'sync.enrol': {
    access: ['administrator'],
    input: z
      .object({
        serverUrl: z.string().trim().min(3, 'Enter the state server’s address.').max(200),
        code: z.string().trim().min(4, 'Enter the enrolment code.').max(40),
        label: typedText().min(1, 'Name this computer, e.g. “Aizawl counter 1”.').max(120),
      })
      .strict(),
    output: syncStatusSchema,
  },
  /** Conflicts, rejections and held changes of this office, as last fetched from the server. */
  // Auditors and inspectors too: on a field laptop, the inbox is where they learn that a
  // change of theirs was refused or flagged.
  'sync.issues': {
    access: ['clerk', 'registrar', 'administrator', 'auditor', 'inspector'],
    input: z.object({}).strict(),
    output: z.array(syncIssueRowSchema),
  },
  /**
   * The registrar decides a sync issue: keep this side's values (`mine`, conflicts only) or
   * the state server's (`theirs`). Recorded as a change that syncs like any other.
   */
  'sync.resolve': {
    access: ['registrar'],
    input: z.object({ issueId: uuid, choice: z.enum(['mine', 'theirs']) }).strict(),
    output: syncStatusSchema,
  },
  /**
   * Writes every change waiting to go up into one signed file for the state office to
   * import (an office with no network, or a computer withdrawn from sync). The desktop
   * asks where to save it (`url` null); browser mode answers a URL to download it from.
   */
  'sync.exportPending': {
    access: ['clerk', 'registrar', 'administrator'],
    input: z.object({}).strict(),
    output: z.object({
      fileName: z.string(),
      count: z.number().int(),
      url: z.string().nullable(),
    }),
  },
} as const satisfies RequestSpecs<'sync'>;

export const syncEvents = {
  /** Sync ran or its state changed: the status indicator refreshes. */
  'sync.statusChanged': syncStatusSchema,
  /** Sync wrote rows from the state server: every list and record on screen refreshes. */
  'sync.pulled': z.object({ tables: z.array(z.string()) }),
} as const satisfies EventSpecs<'sync'>;
