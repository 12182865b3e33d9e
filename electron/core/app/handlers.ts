import type { appRequests } from '#shared/app/contract';
import type { HandlersOf } from '#shared/ipc/contract';
import type { SocietyService } from '../societies/society-service';

export interface AppFacts {
  appVersion: string;
  dataDir: string;
  stateName: string;
  migrationCount: number;
}

export function appHandlers(
  facts: AppFacts,
  societies: SocietyService,
): HandlersOf<typeof appRequests> {
  return {
    'app.info': (_input, caller) => ({
      appVersion: facts.appVersion,
      dataDir: caller.user ? facts.dataDir : null,
      stateName: facts.stateName,
      societyCount: caller.user ? societies.records.count() : null,
      schemaMigrations: facts.migrationCount,
    }),
  };
}
