import { useMutation } from '@apollo/client/react';
import { CheckDossierDocument, ReturnDossierDocument, WeeklyCheckDocument } from '../../apollo/generated';

/** Which dossier and week a verdict is about, and the verdict it replaces (its version), if any. */
export interface VerdictTarget {
  customerId: string;
  weekStart: string;
  version: number | null;
}

// The list's counts and order change with every verdict: the page reads the list again.
const refetch = () => ({ refetchQueries: [WeeklyCheckDocument], awaitRefetchQueries: true });

/** The manager marks a dossier checked, with an optional comment (签署评语). */
export function useCheckDossier() {
  const [mutate, { loading, error }] = useMutation(CheckDossierDocument, refetch());
  return [
    (target: VerdictTarget, comment: string) =>
      mutate({ variables: { ...target, comment: comment.trim() || null } }),
    { loading, error },
  ] as const;
}

/** The manager sends a dossier back to the rep with a request. */
export function useReturnDossier() {
  const [mutate, { loading, error }] = useMutation(ReturnDossierDocument, refetch());
  return [
    (target: VerdictTarget, request: string) => mutate({ variables: { ...target, request } }),
    { loading, error },
  ] as const;
}
