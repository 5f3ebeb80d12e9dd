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
    'Document',
    'DocumentLoan',
    'DocumentDestruction',
  ],
};

/** Every connection field pages by `first`/`after`: pages of one list merge into one cached list. */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      auditLog: connectionPolicy(['filter']),
      inbox: connectionPolicy(['state', 'kind']),
      customers: connectionPolicy(['filter', 'orderBy']),
      riskCustomers: connectionPolicy(['minLevel', 'signals', 'ownerId', 'region']),
      staffMembers: connectionPolicy(['filter', 'orderBy']),
      loanRegister: connectionPolicy(['filter']),
      documentDestructions: connectionPolicy(),
      archiveInspections: connectionPolicy(),
    },
  },
  Customer: {
    fields: {
      history: connectionPolicy(['sections']),
      projects: connectionPolicy(),
      orders: connectionPolicy(['from', 'to']),
      documents: connectionPolicy(),
      feedback: connectionPolicy(['status']),
    },
  },
  Project: {
    fields: {
      eventLog: connectionPolicy(),
    },
  },
  // What the viewer may do with a document: each screen asks for the actions it offers, and a
  // mutation's answer brings some of them; the fields are merged, not one screen's set replacing another's.
  DocumentAccess: { merge: true },
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes, typePolicies });
}
