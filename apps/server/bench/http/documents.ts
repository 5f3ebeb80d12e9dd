// The GraphQL documents of the HTTP bench's scenarios (issue 11), as a signed-in regional manager sends them.

/** 1. The dossier list: a page of customers by name with owner, key persons, relationships and roles. */
export const DOSSIER_LIST = `query DossierList($first: Int!) {
  customers(first: $first, orderBy: { field: NAME, direction: ASC }) {
    nodes {
      id code name
      owner { id name }
      keyPersons {
        id name title
        relationships { id state staff { id name } }
        roles { id role influence }
      }
    }
  }
}`;

/** 2. One dossier: relationship map with coverage, projects with events, the last 20 history entries. */
export const DOSSIER = `query Dossier($id: ID!) {
  customer(id: $id) {
    id code name
    relationshipMap {
      keyPersons { id name title reportsTo { id } }
      relationships { id state keyPerson { id } staff { id name } }
      roles { id role influence keyPerson { id } }
      coverage { keyPersonCount positive neutral negative none }
    }
    projects(first: 20) { nodes { id name stage events { id title occurredAt } } }
    history(first: 20) { nodes { id action at entityType actor { id name } changes { field before after } } }
  }
}`;

/** 3. The manager's dashboard: ABC summary, the 20 riskiest customers, revenue by region. */
export const DASHBOARD = `query Dashboard {
  abcClassification { from to totalRevenue classes { class customers revenue share } }
  riskCustomers(first: 20) { nodes { id code name risk { level score signals { code level } } } }
  salesComposition(by: REGION) { key label customers orders revenue share }
}`;

/** 4. A write: a relationship's state, with the version last read. */
export const SET_RELATIONSHIP_STATE = `mutation SetRelationshipState($input: SetRelationshipStateInput!) {
  setRelationshipState(input: $input) { id state version }
}`;
