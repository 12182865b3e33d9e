import { useMutation } from '@tanstack/react-query';
import type { RequestInput, RequestName, RequestOutput } from '#shared/ipc/contract';
import { useBackend } from './BackendProvider';

/**
 * A request that changes something, as a mutation: the screen shows its pending state and
 * its refusal. `onSuccess` refreshes whatever the change affects.
 */
export function useRequest<N extends RequestName>(
  name: N,
  onSuccess?: (output: RequestOutput<N>, input: RequestInput<N>) => void,
) {
  const backend = useBackend();
  return useMutation<RequestOutput<N>, Error, RequestInput<N>>({
    mutationFn: (input) => backend.call(name, input),
    onSuccess,
  });
}
