/**
 * Deciders of a society's own records: the society, its area of operation, and the
 * histories of its status and name. A deregistered or merged society is closed (sync.md
 * §5), and one that moves office takes its whole file with it (sync.md §7).
 */
import type { SyncEntity } from '#shared/sync/entities';
import type { Decider } from '../decision';
import { recordDecider } from '../record-change';

export const societyDeciders = {
  society: recordDecider({
    closedReason: (data) =>
      ['deregistered', 'merged'].includes(String(data['status']))
        ? `The society is ${String(data['status'])} on the state server; its record is closed.`
        : null,
    afterWrite: async ({ store, mutation, now, table }, main) => {
      const from = main?.stored?.officeId;
      const to = (await store.read(table, mutation.entityId))?.officeId;
      if (from && to && from !== to) store.moveSociety(mutation.entityId, from, to, now);
    },
  }),
  society_area_village: recordDecider(),
  society_status: recordDecider(),
  society_name: recordDecider(),
} satisfies Partial<Record<SyncEntity, Decider>>;
