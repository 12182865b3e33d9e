import { useMutation } from '@tanstack/react-query';
import type { RequestOutput } from '../../../../shared/ipc/contract';
import { useBackend } from './BackendProvider';

/**
 * Prints a certificate: the backend writes the PDF (the same bytes at every reprint). The
 * desktop app opens it in the PDF viewer itself; browser mode answers a same-origin URL,
 * which is opened in a new tab.
 */
export function usePrintCertificate() {
  const backend = useBackend();
  return useMutation<RequestOutput<'certificates.print'>, Error, string>({
    mutationFn: async (serial) => {
      const printed = await backend.call('certificates.print', { serial });
      if (printed.url) window.open(printed.url, '_blank');
      return printed;
    },
  });
}
