import type { documentRequests } from '#shared/documents/contract';
import type { HandlersOf } from '#shared/ipc/contract';
import { signedIn } from '../caller';
import type { DocumentService } from './document-service';

export function documentHandlers(documents: DocumentService): HandlersOf<typeof documentRequests> {
  return {
    'documents.add': (input, caller) =>
      documents.add(signedIn(caller), {
        ownerEntity: input.ownerEntity,
        ownerId: input.ownerId,
        purpose: input.purpose,
        fileName: input.fileName,
        content: Buffer.from(input.contentBase64, 'base64'),
      }),
    'documents.list': (input) => documents.list(input.ownerId),
    'documents.open': (input) => documents.open(input.id),
  };
}
