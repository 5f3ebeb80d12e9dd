import { InMemoryCache, type PossibleTypesMap, type TypePolicies } from '@apollo/client';
import { appendPages } from './pagination';

/**
 * Every contract type implementing `Node`, so fragments on `Node` (and `node(id:)` results)
 * match the concrete types. Keep in step with `shared/contract/dossier.graphql`.
 */
export const possibleTypes: PossibleTypesMap = {
  Node: [
    'Staff',
    'Customer',
    'KeyPerson',
    'Relationship',
    'DecisionRoleAssignment',
    'Project',
    'ProjectEvent',
    'Product',
    'Order',
    'CreditReport',
    'Change',
  ],
};

/**
 * Field and type policies. Connection fields (`customers`, `Customer.projects`, …) get their
 * pagination merge functions here as the screens that page through them arrive.
 */
export const typePolicies: TypePolicies = {
  Project: { fields: { eventLog: appendPages() } },
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes, typePolicies });
}
