import type DataLoader from 'dataloader';
import {
  execute,
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_LIST } from '../../../bench/http/documents.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseGlobalId } from '../../core/graphql/global-id.js';
import { buildDossierSchema } from '../../core/graphql/schema.js';
import { seedDemoCompany } from '../../seed/demo-company.js';
import { rolesOfKeyPerson } from '../decision-role/decision-role.loaders.js';
import { keyPersonsOfCustomer } from '../key-person/key-person.loaders.js';
import { relationshipsOfKeyPerson } from '../relationship/relationship.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';

const db = await testDatabase({ clock: fixedClock('2026-11-29T08:00:00Z') });

const viewers: Record<string, Staff> = {};

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), db.clock);
  for (const who of ['manager', 'rep', 'admin']) {
    viewers[who] = await db.orm.em.fork().findOneOrFail(Staff, { email: `${who}@demo.dossier` });
  }
});

/** The answer to a list of 200 dossiers, asked at once, lies far above the API's cost and alias limits. */
const UNLIMITED = { DOSSIER_MAX_COST: 10_000_000, DOSSIER_MAX_ALIASES: 1_000 };

type Data = Record<string, unknown>;
type Rows = { nodes?: Data[]; edges?: Array<{ node: Data }> };

const ORDER = '{ field: NAME, direction: ASC }';

/** Documents the look-ahead reads, each with the variables it takes. */
const DOCUMENTS: Array<[string, string, Record<string, unknown>]> = [
  ["the bench's dossier list", DOSSIER_LIST, {}],
  [
    'aliases, named and inline fragments, a fragment on an interface, edges',
    `query ($first: Int!) { customers(first: $first, orderBy: ${ORDER}) { edges { node { ...Dossier } } } }
    fragment Dossier on Customer {
      id
      people: keyPersons { ...Person }
      keyPersons { ... on Node { id } links: relationships { lastContactAt } }
      responsible: owner { ... on Node { id } name email active }
    }
    fragment Person on KeyPerson {
      name title department active isPlaceholder createdAt updatedAt version
      relationships { id state note lastContactAt createdAt staff { id name active role } }
      ... on KeyPerson { roles { id role influence concerns createdAt } }
    }`,
    {},
  ],
  [
    'part of the subtree: key persons and their roles, no links, no owner',
    `query ($first: Int!) { customers(first: $first, orderBy: ${ORDER}) {
      nodes { id name keyPersons { id name roles { role influence } } }
    } }`,
    {},
  ],
  [
    'the owners and the key persons, no links',
    `query ($first: Int!) { customers(first: $first, orderBy: ${ORDER}) {
      nodes { owner { id name title } keyPersons { name } }
    } }`,
    {},
  ],
  [
    '@skip and @include with variables',
    `query ($first: Int!, $brief: Boolean!) { customers(first: $first, orderBy: ${ORDER}) {
      nodes {
        id owner @skip(if: $brief) { name }
        keyPersons { name relationships @skip(if: $brief) { state } roles @include(if: $brief) { role } }
      }
    } }`,
    { brief: true },
  ],
];

/** The selection a list document asks of each customer: under `nodes`, or `edges { node }`. */
function customerSelection(operation: OperationDefinitionNode): SelectionSetNode {
  const child = (set: SelectionSetNode | undefined, name: string) =>
    set?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);
  const customers = child(operation.selectionSet, 'customers');
  const selection =
    child(customers?.selectionSet, 'nodes')?.selectionSet ??
    child(child(customers?.selectionSet, 'edges')?.selectionSet, 'node')?.selectionSet;
  if (!selection) throw new Error('not a customer list');
  return selection;
}

/**
 * The same selection asked of each customer by id (`c0: customer(id: …) { … }`), which the look-ahead does not
 * touch: the plain path, every field through its loader, batched.
 */
function oneByOne(document: string, ids: readonly string[]): string {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  const selection = customerSelection(operation);
  const fragments = parsed.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const used = new Set<string>();
  for (const node of [selection, ...fragments]) {
    visit(node, { Variable: (variable) => void used.add(variable.name.value) });
  }
  const variables = (operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value));
  const header = variables.length > 0 ? `(${variables.map(print).join(', ')})` : '';
  // One fragment for the selection keeps 200 lookups under the API's limit on a document's tokens.
  const fields = ids.map((id, i) => `c${i}: customer(id: ${JSON.stringify(id)}) { ...Plain }`);
  const plain = `fragment Plain on Customer ${print(selection)}`;
  return `query ${header} { ${fields.join('\n')} } ${plain} ${fragments.map(print).join('\n')}`;
}

async function answer<T>(document: string, variables: Record<string, unknown>, viewer: Staff) {
  const result = await db.execute<T>(document, variables, { viewer, env: UNLIMITED });
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const rowsOf = (rows: Rows): Data[] => rows.nodes ?? rows.edges?.map((edge) => edge.node) ?? [];

async function firstIds(viewer: Staff, first: number): Promise<string[]> {
  const data = await answer<{ customers: Rows }>(
    `query ($first: Int!) { customers(first: $first, orderBy: ${ORDER}) { nodes { id } } }`,
    { first },
    viewer,
  );
  return rowsOf(data.customers).map((row) => row.id as string);
}

describe('the dossier list read ahead', () => {
  describe.each(['manager', 'rep', 'admin'])('as the %s', (who) => {
    it.each(DOCUMENTS)(
      'answers %s as the loaders do, in 2 statements for 10 or 200 dossiers',
      async (_name, document, variables) => {
        const viewer = viewers[who] as Staff;
        for (const first of [10, 200]) {
          const ids = await firstIds(viewer, first);
          let listed: Data[] = [];
          const statements = await db.captureSql(async () => {
            listed = rowsOf(
              (await answer<{ customers: Rows }>(document, { ...variables, first }, viewer)).customers,
            );
          });
          const plain = await answer<Record<string, Data>>(oneByOne(document, ids), variables, viewer);

          expect(listed).toEqual(ids.map((_id, i) => plain[`c${i}`]));
          expect(JSON.stringify(listed)).toMatch(/"(keyPersons|people)":\[\{/);
          // The page, then the key persons with what the document asks below them (and the owners).
          expect(statements).toHaveLength(2);
          // A skipped field is not read: the @skip document asks for no links.
          if (variables.brief) expect(statements.some((sql) => sql.includes('"relationship"'))).toBe(false);
        }
      },
    );
  });

  it("reads a rep's page of the key persons of the rep's own customers only", async () => {
    const document = `query { customers(first: 200, orderBy: ${ORDER}) { nodes { id keyPersons { id } } } }`;
    type Page = { customers: { nodes: Array<{ id: string; keyPersons: Array<{ id: string }> }> } };
    const everything = (await answer<Page>(document, {}, viewers.admin as Staff)).customers.nodes;
    const mine = (await answer<Page>(document, {}, viewers.rep as Staff)).customers.nodes;
    const mineIds = new Set(mine.map((customer) => customer.id));
    const hidden = everything.filter((customer) => !mineIds.has(customer.id)).flatMap((c) => c.keyPersons);
    const seen = new Set(mine.flatMap((customer) => customer.keyPersons.map((person) => person.id)));

    // The rep's whole book fits on the page, so every other customer on the admin's page is hidden.
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(200);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.filter((person) => seen.has(person.id))).toEqual([]);
    // What the rep does see of a customer is all of it, as the admin reads it one by one.
    const plain = await answer<Record<string, Data>>(
      oneByOne(document, [...mineIds]),
      {},
      viewers.admin as Staff,
    );
    expect(mine).toEqual([...mineIds].map((_id, i) => plain[`c${i}`]));
  });

  it('primes each loader with the very copies it would read itself', async () => {
    const context = db.context({ viewer: viewers.manager, env: UNLIMITED });
    const result = await execute({
      schema: await buildDossierSchema(),
      document: parse(DOSSIER_LIST),
      variableValues: { first: 50 },
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    type Listed = {
      id: string;
      owner: { id: string } | null;
      keyPersons: Array<{ id: string; relationships: Array<{ staff: { id: string } }> }>;
    };
    const listed = (result.data as { customers: { nodes: Listed[] } }).customers.nodes;
    const idOf = (globalId: string) => parseGlobalId(globalId)?.id as string;
    const customerIds = listed.map((customer) => idOf(customer.id));
    const persons = listed.flatMap((customer) => customer.keyPersons);
    const personIds = persons.map((person) => idOf(person.id));
    const staffIds = [
      ...listed.flatMap((customer) => (customer.owner ? [customer.owner.id] : [])),
      ...persons.flatMap((person) => person.relationships.map((link) => link.staff.id)),
    ].map(idOf);
    expect(staffIds.length).toBeGreaterThan(0);

    const plain = db.context({ viewer: viewers.manager });
    const compare = async <K, V>(loader: (ctx: typeof context) => DataLoader<K, V>, keys: K[]) => {
      let primed: Array<V | Error> = [];
      // Primed: answered from the cache, no statement.
      expect(await db.captureSql(async () => (primed = await loader(context).loadMany(keys)))).toEqual([]);
      expect(primed).toEqual(await loader(plain).loadMany(keys));
    };
    await compare((ctx) => ctx.loaders.get(keyPersonsOfCustomer), customerIds);
    await compare((ctx) => ctx.loaders.get(relationshipsOfKeyPerson), personIds);
    await compare((ctx) => ctx.loaders.get(rolesOfKeyPerson), personIds);
    await compare((ctx) => ctx.loaders.get(staffById), staffIds);
  });
});
