import { useMutation, useQuery } from '@tanstack/react-query';
import type { RequestOutput } from '#shared/ipc/contract';
import { showFile, useBackend, type CacheRefresh } from '../../lib/backend';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const certificateKeys = {
  all: () => ['certificates'] as const,
  list: (societyId: string | undefined) => ['certificates', societyId ?? 'all'] as const,
  officeKeys: () => ['certificates', 'keys'] as const,
};

/** The offices' public signing keys, for checking certificates by other means. */
export function useOfficeKeys() {
  const backend = useBackend();
  return useQuery({
    queryKey: certificateKeys.officeKeys(),
    queryFn: () => backend.call('certificates.keys', {}),
  });
}

/** The certificate register, or one society's certificates. */
export function useCertificates(societyId?: string, enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: certificateKeys.list(societyId),
    queryFn: () => backend.call('certificates.list', societyId ? { societyId } : {}),
    enabled,
  });
}

/** Prints a certificate: the backend writes the PDF (the same bytes at every reprint). */
export function usePrintCertificate() {
  const backend = useBackend();
  return useMutation<RequestOutput<'certificates.print'>, Error, string>({
    mutationFn: async (serial) => {
      const printed = await backend.call('certificates.print', { serial });
      showFile(printed);
      return printed;
    },
  });
}

/** Approving an application or changing a society issues or revokes certificates. */
export const refreshCertificates: CacheRefresh = (backend, queryClient) => {
  const stale = () => void queryClient.invalidateQueries({ queryKey: certificateKeys.all() });
  const offSocieties = backend.on('societies.changed', stale);
  const offApplications = backend.on('applications.changed', stale);
  return () => {
    offSocieties();
    offApplications();
  };
};
