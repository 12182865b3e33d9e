import type { HandlersOf } from '#shared/ipc/contract';
import type { statusOrderRequests } from '#shared/status-orders/contract';
import { signedIn } from '../caller';
import type { StatusOrderService } from './status-order-service';

export function statusOrderHandlers(
  statusOrders: StatusOrderService,
): HandlersOf<typeof statusOrderRequests> {
  return {
    'statusOrders.propose': (input, caller) => statusOrders.propose(signedIn(caller), input),
    'statusOrders.decide': (input, caller) =>
      statusOrders.decide(signedIn(caller), input.id, input.decision, input.note),
    'statusOrders.list': (input, caller) => statusOrders.list(input, signedIn(caller)),
  };
}
