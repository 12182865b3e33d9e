import { useMutation } from '@tanstack/react-query';
import type { RequestInput, RequestOutput } from '#shared/ipc/contract';
import { useBackend } from './BackendProvider';

/**
 * The desktop app opens a file it wrote in the system viewer itself; browser mode answers
 * a same-origin URL instead, which is opened in a new tab.
 */
export function showFile(presented: { url: string | null }): void {
  if (presented.url) window.open(presented.url, '_blank');
}

/** Writes a file in the backend (notices, an export) and shows it, as a certificate is. */
export function usePresentedFile<
  N extends 'returns.defaulterNotices' | 'returns.export' | 'sync.exportPending',
>(name: N) {
  const backend = useBackend();
  return useMutation<RequestOutput<N>, Error, RequestInput<N>>({
    mutationFn: async (input) => {
      const written = await backend.call(name, input);
      showFile(written);
      return written;
    },
  });
}
