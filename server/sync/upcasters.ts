/**
 * Versions of a mutation (sync.md §8). When a later app changes what a named mutation
 * carries, it records the change under the next version, and the server keeps a function
 * from each old version to the next, so a laptop that was offline through the upgrade
 * still has its work taken. A version newer than the server knows waits (held) until the
 * server is updated; it is never decided by the rules of an older one.
 */
import type { WireMutation } from '#shared/sync/protocol';

/**
 * What an upcaster rewrites: the change's arguments, the values it saw before, and the rows
 * it wrote (a renamed column is renamed in all three).
 */
export interface MutationBody {
  args: Record<string, unknown>;
  base: Record<string, unknown> | null;
  rows: WireMutation['rows'];
}

/**
 * Per mutation name, the steps from version 1 to 2, 2 to 3, …: its current version is one
 * more than the number of steps. Every mutation is at version 1 so far.
 */
export type UpcasterTable = Readonly<
  Record<string, readonly ((body: MutationBody) => MutationBody)[]>
>;

export const UPCASTERS: UpcasterTable = {};

export function currentVersion(name: string, table: UpcasterTable = UPCASTERS): number {
  return (table[name]?.length ?? 0) + 1;
}

/** The mutation at the server's current version of it, or why it must wait. */
export function upcast(
  mutation: WireMutation,
  table: UpcasterTable = UPCASTERS,
): { mutation: WireMutation } | { held: string } {
  const current = currentVersion(mutation.name, table);
  if (mutation.mutationVersion > current) {
    return {
      held: `Made by a newer version of the app (version ${mutation.mutationVersion} of this change; the state server knows ${current}). It is taken once the state server is updated.`,
    };
  }
  let body: MutationBody = { args: mutation.args, base: mutation.base, rows: mutation.rows };
  for (let version = mutation.mutationVersion; version < current; version++) {
    body = table[mutation.name]![version - 1]!(body);
  }
  return { mutation: { ...mutation, ...body, mutationVersion: current } };
}
