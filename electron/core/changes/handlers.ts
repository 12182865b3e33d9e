import type { changeRequests } from '#shared/changes/contract';
import type { HandlersOf } from '#shared/ipc/contract';
import type { Sqlite } from '../db/open-database';
import { verifyAuditChain } from './audit-chain';
import type { ChangeLog } from './change-log';

export function changeHandlers(
  changes: ChangeLog,
  sqlite: Sqlite,
): HandlersOf<typeof changeRequests> {
  return {
    'changes.list': (input) => changes.list(input, input.offset, input.limit),
    'changes.verify': () => verifyAuditChain(sqlite),
  };
}
