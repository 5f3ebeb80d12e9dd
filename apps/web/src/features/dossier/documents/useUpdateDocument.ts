import { useMutation } from '@apollo/client/react';
import { evictHistory } from '../../../apollo/evictHistory';
import {
  type DocumentRow_DocumentFragment,
  UpdateDocumentDocument,
  type UpdateDocumentInput,
} from '../../../apollo/generated';

/**
 * Changes a document's metadata against the version the keeper is looking at. No optimistic answer:
 * what the viewer may then do with it (view, download, borrow) follows the new level on the server.
 */
export function useUpdateDocument(document: DocumentRow_DocumentFragment, customerId: string) {
  const [mutate, { loading }] = useMutation(UpdateDocumentDocument, {
    update: (cache) => evictHistory(cache, customerId),
  });
  const update = (input: UpdateDocumentInput) =>
    mutate({ variables: { id: document.id, expectedVersion: document.version, input } });
  return [update, { loading }] as const;
}
