// Scenarios 1 and 2 in PostGraphile's generated schema (bench/postgraphile), field for field what the
// documents in documents.ts ask of ours.

export const PG_DOSSIER_LIST = `query DossierList($manager: UUID!, $first: Int!) {
  managerCustomers(manager: $manager, first: $first, orderBy: [NAME_ASC, ID_ASC]) {
    nodes {
      id code name
      owner: staffByOwnerId { id name }
      keyPersons: keyPeopleByCustomerId(orderBy: [NAME_ASC, ID_ASC]) {
        nodes {
          id name title
          relationships: relationshipsByKeyPersonId { nodes { id state staff: staffByStaffId { id name } } }
          roles: decisionRoleAssignmentsByKeyPersonId(orderBy: [CREATED_AT_ASC, ID_ASC]) { nodes { id role influence } }
        }
      }
    }
  }
}`;

export const PG_DOSSIER = `query Dossier($id: UUID!) {
  customer: customerById(id: $id) {
    id code name
    keyPersons: keyPeopleByCustomerId(orderBy: [NAME_ASC, ID_ASC]) {
      nodes {
        id name title reportsTo { id }
        relationships: relationshipsByKeyPersonId { nodes { id state staff: staffByStaffId { id name } } }
        roles: decisionRoleAssignmentsByKeyPersonId(orderBy: [CREATED_AT_ASC, ID_ASC]) { nodes { id role influence } }
      }
    }
    projects: projectsByCustomerId(first: 20, orderBy: [CREATED_AT_DESC, ID_DESC]) {
      nodes { id name stage events: projectEventsByProjectId(orderBy: [OCCURRED_AT_ASC, ID_ASC]) { nodes { id title occurredAt } } }
    }
  }
  history: allChanges(condition: { customerId: $id }, orderBy: [AT_DESC, ID_DESC], first: 20) {
    nodes { id action at entityType actor: staffByActorId { id name } changes: fieldChangesByChangeId { nodes { field before after } } }
  }
}`;

interface Nodes<T> {
  nodes: T[];
}
type Person = { relationships: Nodes<unknown>; roles: Nodes<unknown> };

/** What a PostGraphile answer to scenario 1 lists, to hold against ours (answers.ts). */
export function postgraphileCounts(answer: unknown) {
  const nodes = (answer as { data: { managerCustomers: Nodes<{ name: string; keyPersons: Nodes<Person> }> } })
    .data.managerCustomers.nodes;
  const persons = nodes.flatMap((c) => c.keyPersons.nodes);
  return {
    customers: nodes.map((c) => c.name),
    keyPersons: persons.length,
    relationships: persons.reduce((n, p) => n + p.relationships.nodes.length, 0),
    roles: persons.reduce((n, p) => n + p.roles.nodes.length, 0),
  };
}
