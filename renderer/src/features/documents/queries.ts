import { useMutation, useQuery } from '@tanstack/react-query';
import type { RequestOutput } from '#shared/ipc/contract';
import { showFile, useBackend } from '../../lib/backend';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const documentKeys = {
  of: (ownerId: string) => ['documents', ownerId] as const,
};

/** Documents attached to an application or a society, oldest first. */
export function useDocuments(ownerId: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: documentKeys.of(ownerId),
    queryFn: () => backend.call('documents.list', { ownerId }),
  });
}

/** Opens an attached document, after the backend checked it still matches its hash. */
export function useOpenDocument() {
  const backend = useBackend();
  return useMutation<RequestOutput<'documents.open'>, Error, string>({
    mutationFn: async (id) => {
      const opened = await backend.call('documents.open', { id });
      showFile(opened);
      return opened;
    },
  });
}
