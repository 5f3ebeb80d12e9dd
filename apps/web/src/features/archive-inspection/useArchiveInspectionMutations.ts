import { useMutation } from '@apollo/client/react';
import {
  ArchiveInspectionDocument,
  ArchiveInspectionsDocument,
  CheckArchiveInspectionFindingDocument,
  GenerateArchiveInspectionDocument,
} from '../../apollo/generated';

/** Draws up a period's inspection (or answers the one that exists); the list shows it once it is back. */
export function useGenerateArchiveInspection() {
  const [mutate, { loading, error }] = useMutation(GenerateArchiveInspectionDocument, {
    refetchQueries: [ArchiveInspectionsDocument],
    awaitRefetchQueries: true,
  });
  return [(period: string) => mutate({ variables: { period } }), { loading, error }] as const;
}

/** Ticks a finding with an optional note; the inspection's open and checked counts are read again. */
export function useCheckArchiveFinding() {
  const [mutate, { loading, error }] = useMutation(CheckArchiveInspectionFindingDocument, {
    refetchQueries: [ArchiveInspectionDocument],
    awaitRefetchQueries: true,
  });
  return [
    (finding: { id: string; version: number }, note: string) =>
      mutate({ variables: { id: finding.id, expectedVersion: finding.version, note: note.trim() || null } }),
    { loading, error },
  ] as const;
}
