import { StaffRole } from '@dossier/domain';
import { isInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { buildDossierSchema } from '../../core/graphql/schema.js';
import { LOOKUPS } from './node.resolver.js';

const db = await testDatabase();
const build = builders(db.orm);

const NODE = 'query ($id: ID!) { node(id: $id) { __typename id } }';

describe('node(id)', () => {
  it('finds every kind of dossier record by its global id', async () => {
    const rep = await build.staff({}, StaffRole.SALES_REP);
    const customer = await build.customer();
    const keyPerson = await build.keyPerson(customer);
    const relationship = await build.relationship(keyPerson, rep);
    const role = await build.role(keyPerson);
    const project = await build.project(customer);
    const created = await db.execute<{ recordCreditReport: { id: string } }>(
      `mutation ($c: ID!) { recordCreditReport(input: { customerId: $c, reportedAt: "2026-11-01", validUntil: "2027-05-01", rating: AA }) { id } }`,
      { c: toGlobalId('Customer', customer.id) },
      { viewer: rep },
    );
    const history = await db.execute<{ customer: { history: { nodes: Array<{ id: string }> } } }>(
      'query ($c: ID!) { customer(id: $c) { history(first: 1) { nodes { id } } } }',
      { c: toGlobalId('Customer', customer.id) },
      { viewer: rep },
    );
    const records: Array<[string, string]> = [
      ['Staff', toGlobalId('Staff', rep.id)],
      ['Customer', toGlobalId('Customer', customer.id)],
      ['KeyPerson', toGlobalId('KeyPerson', keyPerson.id)],
      ['Relationship', toGlobalId('Relationship', relationship.id)],
      ['DecisionRoleAssignment', toGlobalId('DecisionRoleAssignment', role.id)],
      ['Project', toGlobalId('Project', project.id)],
      ['CreditReport', created.data?.recordCreditReport.id ?? ''],
      ['Change', history.data?.customer.history.nodes[0]?.id ?? ''],
    ];
    for (const [type, id] of records) {
      const result = await db.execute(NODE, { id }, { viewer: rep });
      expect(result).toEqual({ data: { node: { __typename: type, id } } });
    }
  });

  it('has a lookup for every type that implements Node, so that any id the API hands out reads back', async () => {
    const schema = await buildDossierSchema();
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('Node is no interface');
    const implementations = schema.getImplementations(node).objects.map((type) => type.name);
    expect(Object.keys(LOOKUPS).sort()).toEqual(implementations.sort());
  });

  it.each([
    ['an unknown record', toGlobalId('Customer', '00000000-0000-4000-8000-000000000000')],
    ['an unknown type', toGlobalId('Invoice', '00000000-0000-4000-8000-000000000000')],
    ['a malformed id', 'not-an-id'],
  ])('answers null for %s', async (_, id) => {
    const viewer = await build.staff();
    expect(await db.execute(NODE, { id }, { viewer })).toEqual({ data: { node: null } });
  });
});
