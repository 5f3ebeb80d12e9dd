import { DossierRouteDocument } from '../../apollo/generated';

/**
 * The dossier header's query, read again after a write whose effect on the completeness score and the risk
 * level is the server's rule (a relationship, a key person, a role, a competitor): the badge, its checklist
 * and the risk chip follow the write instead of waiting for a reload.
 */
export const headerQuery = (customerId: string) => ({
  query: DossierRouteDocument,
  variables: { id: customerId },
});
