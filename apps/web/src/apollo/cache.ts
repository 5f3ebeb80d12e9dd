import { InMemoryCache, type PossibleTypesMap, type TypePolicies } from '@apollo/client';
import { connectionPolicy } from './pagination';

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

/** Every connection field pages by `first`/`after`: pages of one list merge into one cached list. */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      auditLog: connectionPolicy(['filter']),
      customers: connectionPolicy(['filter', 'orderBy']),
      riskCustomers: connectionPolicy(['minLevel', 'signals', 'ownerId', 'region']),
      staffMembers: connectionPolicy(['filter', 'orderBy']),
    },
  },
  Customer: {
    fields: {
      history: connectionPolicy(['sections']),
      projects: connectionPolicy(),
      orders: connectionPolicy(['from', 'to']),
    },
  },
  Project: {
    fields: {
      eventLog: connectionPolicy(),
    },
  },
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes, typePolicies });
}
