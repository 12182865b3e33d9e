/**
 * Registration numbers offline (sync.md §6): blocks leased from the state server for the
 * series running low, and provisional numbers replaced once leased ones are there.
 */
import { numbersResponseSchema } from '#shared/sync/protocol';
import { getMeta } from '../db/app-meta';
import type { ServerConnection } from './server-connection';
import { META, type SyncClientOptions } from './sync-context';

export class NumberLeases {
  constructor(
    private readonly options: SyncClientOptions,
    private readonly server: ServerConnection,
  ) {}

  /**
   * Asks for a fresh block of every series running low, then replaces the provisional
   * numbers given while none was left, so the push that follows carries the final ones.
   * Fails as the request does (unreachable, refused); the numbers already held stay.
   */
  async lease(url: string, token: string): Promise<void> {
    const { numbers, clock } = this.options;
    const fieldLaptop = Boolean(getMeta(this.options.sqlite, META.fieldUser));
    const officeId = fieldLaptop ? null : (getMeta(this.options.sqlite, META.office) ?? '');
    const wants = numbers.wantedSeries(clock.now(), officeId);
    if (wants.length > 0) {
      const response = await this.server.request(url, '/sync/v1/numbers', token, {
        client: this.server.clientInfo(),
        wants,
      });
      const { leases } = numbersResponseSchema.parse(response);
      numbers.storeLeases(leases, clock.now().toISOString());
      if (leases.length > 0)
        this.options.logger.info('sync.numbers_leased', { blocks: leases.length });
    }
    const replaced = numbers.replaceProvisional();
    if (replaced > 0) this.options.logger.info('sync.provisional_replaced', { replaced });
  }
}
