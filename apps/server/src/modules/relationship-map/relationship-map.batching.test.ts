import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Staff } from '../staff/staff.entity.js';
import { bulkDossiers } from './map.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
let rep: Staff;

beforeAll(async () => {
  rep = await build.staff({ name: '张三' }, StaffRole.ADMIN);
  await bulkDossiers(db.orm, 200);
});

/**
 * Runs `query` once and returns its data with the SQL statements it sent. The page of 200 full dossiers is
 * on purpose far above the API's cost limit (about 200,000: its unpaged lists are costed at 10 rows each):
 * what is measured here is that batching does not grow with the page, so the limit is lifted.
 */
async function measured<T>(query: string, variables: Record<string, unknown>) {
  let data: T | undefined;
  const statements = await db.captureSql(async () => {
    const result = await db.execute<T>(query, variables, {
      viewer: rep,
      env: { DOSSIER_MAX_COST: 1_000_000 },
    });
    expect(result.errors).toBeUndefined();
    data = result.data ?? undefined;
  });
  return { data: data as T, statements };
}

const PAGE = `query ($n: Int!) {
  customers(first: $n) { nodes {
    owner { name }
    branches { name }
    keyPersons { reportsTo { name } relationships { staff { name } } roles { project { name } } }
    relationshipMap { coverage {
      positive
      uncoveredDecisionMakers { name }
      gaps { keyPerson { name } suggestedContacts { staff { name } via { name } closeness } }
    } }
  } }
}`;

type Page = { customers: { nodes: Array<{ relationshipMap: { coverage: { gaps: unknown } } }> } };

describe('batching', () => {
  it('reads a page of 10 or of 200 dossiers, coverage gaps and suggested contacts included, with the same 6 statements', async () => {
    const small = await measured<Page>(PAGE, { n: 10 });
    const large = await measured<Page>(PAGE, { n: 200 });
    expect(small.data.customers.nodes).toHaveLength(10);
    expect(large.data.customers.nodes).toHaveLength(200);
    expect(large.data.customers.nodes[0]).toEqual({
      owner: { name: '员工0' },
      branches: [{ name: 'Z-0000' }],
      keyPersons: [
        {
          reportsTo: null,
          relationships: [{ staff: { name: '员工0' } }, { staff: { name: '员工1' } }],
          roles: [{ project: null }],
        },
        {
          reportsTo: { name: '联系人0000-0' },
          relationships: [{ staff: { name: '员工1' } }, { staff: { name: '员工2' } }],
          roles: [{ project: { name: '项目0000' } }],
        },
        {
          reportsTo: { name: '联系人0000-1' },
          relationships: [{ staff: { name: '员工2' } }, { staff: { name: '员工3' } }],
          roles: [{ project: { name: '项目0000' } }],
        },
      ],
      relationshipMap: {
        coverage: {
          positive: 1,
          uncoveredDecisionMakers: [{ name: '联系人0000-2' }],
          gaps: [{ keyPerson: { name: '联系人0000-2' }, suggestedContacts: [] }],
        },
      },
    });
    // bulkDossiers' link pattern gives the third and fourth dossiers one suggestion each, found in memory.
    expect(large.data.customers.nodes.slice(2, 4).map((node) => node.relationshipMap.coverage.gaps)).toEqual([
      [
        {
          keyPerson: { name: '联系人0002-0' },
          suggestedContacts: [
            { staff: { name: '员工4' }, via: { name: '联系人0002-1' }, closeness: 'DIRECT_REPORT' },
          ],
        },
      ],
      [
        {
          keyPerson: { name: '联系人0003-2' },
          suggestedContacts: [
            { staff: { name: '员工4' }, via: { name: '联系人0003-1' }, closeness: 'MANAGER' },
          ],
        },
      ],
    ]);
    // The page, then one statement for the key persons, their links and roles and the owners
    // (customer-page.prefetch.ts), then branches, projects and the map's links and roles.
    expect([small.statements.length, large.statements.length]).toEqual([6, 6]);
  });

  it('reads one dossier with its map, coverage and history in the same 4 statements, however large', async () => {
    const query = `query ($id: ID!) { customer(id: $id) {
      relationshipMap {
        keyPersons { relationships { staff { name } } roles { role } }
        coverage { uncoveredDecisionMakers { name } }
      }
      history(first: 50) { nodes { changes { field } } }
    } }`;
    const counts: number[] = [];
    for (const size of [1, 6]) {
      const customer = await dossierThroughMutations(size);
      const { data, statements } = await measured<{ customer: { history: { nodes: unknown[] } } }>(query, {
        id: customer,
      });
      // The customer's creation, then per key person its creation, a relationship and a role.
      expect(data.customer.history.nodes).toHaveLength(1 + 3 * size);
      counts.push(statements.length);
    }
    // The customer, then its map's key persons, links and roles and the history page with its field changes
    // in one statement (customer-dossier.prefetch.ts), then the key persons' own links and roles.
    expect(counts).toEqual([4, 4]);
  });
});

/** A customer whose key persons, relationships and roles were all written through the API, so history exists. */
async function dossierThroughMutations(keyPersons: number): Promise<string> {
  const customer = toGlobalId('Customer', (await build.customer()).id);
  for (let i = 0; i < keyPersons; i += 1) {
    const added = await db.execute<{ addKeyPerson: { id: string } }>(
      'mutation ($input: AddKeyPersonInput!) { addKeyPerson(input: $input) { id } }',
      { input: { customerId: customer, name: `联系人${i}` } },
      { viewer: rep },
    );
    const keyPersonId = added.data?.addKeyPerson.id;
    await db.execute(
      'mutation ($input: SetRelationshipStateInput!) { setRelationshipState(input: $input) { id } }',
      { input: { keyPersonId, staffId: toGlobalId('Staff', rep.id), state: 'NEUTRAL' } },
      { viewer: rep },
    );
    await db.execute(
      'mutation ($input: AssignDecisionRoleInput!) { assignDecisionRole(input: $input) { id } }',
      { input: { keyPersonId, role: 'DECISION_MAKER', influence: 'HIGH' } },
      { viewer: rep },
    );
  }
  return customer;
}
