import { useApolloClient } from '@apollo/client/react';
import type { StaffRole } from '@dossier/domain';
import { ViewerDocument } from '../../../apollo/generated';

/**
 * The signed-in staff member as the shell already loaded it, for optimistic records that name their
 * author; null before the shell's query ran (the server's answer then fills the name in).
 */
export function useViewer(): { __typename: 'Staff'; id: string; name: string } | null {
  const client = useApolloClient();
  const me = client.readQuery({ query: ViewerDocument })?.me;
  return me ? { __typename: 'Staff', id: me.id, name: me.name } : null;
}

/** The signed-in staff member's role as the shell loaded it, for tabs that offer actions by role. */
export function useViewerRole(): StaffRole | null {
  const client = useApolloClient();
  return client.readQuery({ query: ViewerDocument })?.me?.role ?? null;
}
