/**
 * Per-device order through held changes (sync.md §4). A held change waits for a record
 * that has not arrived; a later change of the same device to the same rows must wait
 * behind it, or it would reach the server first and the held one, decided later, would
 * find "its" row already changed and make a conflict out of the device's own two steps
 * (a provisional number written, then voided at the next sync).
 */
import { and, eq } from 'drizzle-orm';
import { ENTITY_TABLES, type SyncEntity } from '#shared/sync/entities';
import type { WireMutation } from '#shared/sync/protocol';
import { mutationArchive, processedMutations } from '../db/schema';
import type { ServerTx } from './rows';

export class HeldRows {
  /** Per device: row key → the seqs of its held changes that touch the row. */
  private readonly byDevice = new Map<string, Map<string, Set<number>>>();

  constructor(private readonly tx: ServerTx) {}

  /** Whether an earlier held change of `deviceId` touches a row `mutation` touches. */
  async waits(deviceId: string, mutation: WireMutation): Promise<boolean> {
    const held = await this.of(deviceId);
    return keysOf(mutation).some((key) =>
      [...(held.get(key) ?? [])].some((seq) => seq < mutation.seq),
    );
  }

  async hold(deviceId: string, mutation: WireMutation): Promise<void> {
    const held = await this.of(deviceId);
    for (const key of keysOf(mutation))
      held.set(key, (held.get(key) ?? new Set()).add(mutation.seq));
  }

  async release(deviceId: string, mutation: WireMutation): Promise<void> {
    const held = await this.of(deviceId);
    for (const key of keysOf(mutation)) held.get(key)?.delete(mutation.seq);
  }

  private async of(deviceId: string): Promise<Map<string, Set<number>>> {
    let held = this.byDevice.get(deviceId);
    if (held) return held;
    held = new Map();
    this.byDevice.set(deviceId, held);
    const rows = await this.tx
      .select({ body: mutationArchive.body })
      .from(processedMutations)
      .innerJoin(mutationArchive, eq(mutationArchive.mutationId, processedMutations.mutationId))
      .where(
        and(eq(processedMutations.deviceId, deviceId), eq(processedMutations.verdict, 'held')),
      );
    for (const { body } of rows) {
      const mutation = body as WireMutation;
      for (const key of keysOf(mutation)) {
        held.set(key, (held.get(key) ?? new Set()).add(mutation.seq));
      }
    }
    return held;
  }
}

function keysOf(mutation: WireMutation): string[] {
  const table = ENTITY_TABLES[mutation.entity as SyncEntity] ?? mutation.entity;
  return [`${table}:${mutation.entityId}`, ...mutation.rows.map((row) => `${row.table}:${row.id}`)];
}
