import { useMutation } from '@apollo/client/react';
import {
  ApproveDocumentDestructionDocument,
  DestroyDocumentDocument,
  RetentionDocument,
} from '../../apollo/generated';

type At = { id: string; version: number };

/** A keeper approves destroying a document past retention; the answer shows who approved, and when. */
export function useApproveDestruction() {
  const [mutate, { loading, error }] = useMutation(ApproveDocumentDestructionDocument);
  return [
    (document: At) => mutate({ variables: { id: document.id, expectedVersion: document.version } }),
    { loading, error },
  ] as const;
}

/** Another keeper carries it out: the document leaves the list, its record joins the destructions. */
export function useDestroyDocument() {
  const [mutate, { loading, error }] = useMutation(DestroyDocumentDocument, {
    refetchQueries: [RetentionDocument],
    awaitRefetchQueries: true,
  });
  return [
    (document: At) => mutate({ variables: { id: document.id, expectedVersion: document.version } }),
    { loading, error },
  ] as const;
}
