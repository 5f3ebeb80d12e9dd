import { useMutation } from '@apollo/client/react';
import {
  DecideDocumentLoanDocument,
  MyOpenLoansDocument,
  RequestDocumentLoanDocument,
  ReturnDocumentLoanDocument,
} from '../../apollo/generated';
import { useViewer } from '../dossier/forms/useViewer';

// The server decides a loan's status, due time and the document's access on its clock: the screens
// show its answer (each mutation returns the loan and its document's new access), not a guess.

/**
 * Asks to borrow a document for the longest its level allows; INTERNAL is granted at once. The answer,
 * the viewer's new loan, joins their open loans in the cache. Not a refetch of that list: a refetch made
 * while an identical request is in flight joins it (Apollo deduplicates them, apollo-client#13429) and
 * shows that older answer, without the loan.
 */
export function useRequestLoan() {
  const viewer = useViewer();
  const [mutate, { loading, error }] = useMutation(RequestDocumentLoanDocument, {
    update(cache, { data }) {
      const loan = data?.requestDocumentLoan;
      if (!loan || !viewer) return;
      cache.updateQuery({ query: MyOpenLoansDocument, variables: { borrowerId: viewer.id } }, (open) =>
        open
          ? {
              loanRegister: {
                ...open.loanRegister,
                nodes: [...open.loanRegister.nodes.filter((known) => known.id !== loan.id), loan],
              },
            }
          : undefined,
      );
    },
  });
  return [(documentId: string) => mutate({ variables: { documentId } }), { loading, error }] as const;
}

/** Grants or refuses a requested loan, at the version the approver saw. */
export function useDecideLoan() {
  const [mutate, { loading, error }] = useMutation(DecideDocumentLoanDocument);
  return [
    (loan: { id: string; version: number }, approve: boolean) =>
      mutate({ variables: { id: loan.id, approve, expectedVersion: loan.version } }),
    { loading, error },
  ] as const;
}

/** Registers a borrowed document as returned. */
export function useReturnLoan() {
  const [mutate, { loading, error }] = useMutation(ReturnDocumentLoanDocument);
  return [
    (loan: { id: string; version: number }) =>
      mutate({ variables: { id: loan.id, expectedVersion: loan.version } }),
    { loading, error },
  ] as const;
}
