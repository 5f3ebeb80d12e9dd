import type DataLoader from 'dataloader';
import { execute, type FieldNode, Kind, parse, print, visit } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER } from '../../../bench/http/documents.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseGlobalId } from '../../core/graphql/global-id.js';
import { buildDossierSchema } from '../../core/graphql/schema.js';
import type { LoaderFactory } from '../../core/loaders.js';
import { seedDemoCompany } from '../../seed/demo-company.js';
import { rolesOfCustomer } from '../decision-role/decision-role.loaders.js';
import { keyPersonsOfCustomer } from '../key-person/key-person.loaders.js';
import { relationshipsOfCustomer } from '../relationship/relationship.loaders.js';
import { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-29T08:00:00Z') });

const viewers: Record<string, Staff> = {};

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), db.clock);
  for (const who of ['manager', 'rep', 'admin']) {
    viewers[who] = await db.orm.em.fork().findOneOrFail(Staff, { email: `${who}@demo.dossier` });
  }
});

type Data = Record<string, unknown>;

/**
 * Documents on one or two dossiers ($id, $other) the look-ahead reads ahead, each with its variables and the
 * statements it takes: the customer(s), then the map's lists in one, then what the look-ahead leaves to the
 * loaders.
 */
const DOCUMENTS: Array<[string, string, Record<string, unknown>, number]> = [
  // The customer, the map, the projects and history pages, the projects' events (no history: no actors).
  ["the bench's dossier", DOSSIER, {}, 5],
  [
    "aliases, two dossiers, named and inline fragments, a fragment on an interface, a key person's own roles (their loader)",
    `query ($id: ID!, $other: ID!) {
      one: customer(id: $id) { ...Map }
      two: customer(id: $other) { ...Map map: relationshipMap { roles { ... on Node { id } } } }
    }
    fragment Map on Customer {
      id
      relationshipMap {
        people: keyPersons { ...Person }
        keyPersons { ... on Node { id } }
        links: relationships { state lastContactAt staff { name active } keyPerson { name } }
        coverage { keyPersonCount positive uncoveredDecisionMakers { name } gaps { suggestedContacts { closeness } } }
      }
    }
    fragment Person on KeyPerson { name title department active reportsTo { name } roles { role } }`,
    {},
    3,
  ],
  [
    'part of the map: key persons only',
    'query ($id: ID!) { customer(id: $id) { name relationshipMap { keyPersons { id name } } } }',
    {},
    2,
  ],
  [
    '@skip and @include with variables',
    `query ($id: ID!, $brief: Boolean!) { customer(id: $id) { relationshipMap {
      keyPersons { name }
      relationships @skip(if: $brief) { state }
      roles @include(if: $brief) { role keyPerson { name } }
      coverage @skip(if: $brief) { positive }
    } } }`,
    { brief: true },
    2,
  ],
];

/** The same document with each `customer(id:)` asked as `node(id:) { ... on Customer }`: no look-ahead. */
function throughNode(document: string): string {
  return print(
    visit(parse(document), {
      Field(field: FieldNode) {
        if (field.name.value !== 'customer' || !field.selectionSet) return undefined;
        return {
          ...field,
          name: { kind: Kind.NAME, value: 'node' },
          alias: field.alias ?? { kind: Kind.NAME, value: 'customer' },
          selectionSet: {
            kind: Kind.SELECTION_SET,
            selections: [
              {
                kind: Kind.INLINE_FRAGMENT,
                typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Customer' } },
                selectionSet: field.selectionSet,
              },
            ],
          },
        };
      },
    }),
  );
}

async function measured(document: string, variables: Record<string, unknown>, viewer: Staff) {
  let data: Data = {};
  const statements = await db.captureSql(async () => {
    const result = await db.execute<Data>(document, variables, { viewer });
    expect(result.errors).toBeUndefined();
    data = result.data ?? {};
  });
  return { data, statements };
}

/** The viewer's first two customers with key persons, by name. */
async function twoDossiers(viewer: Staff): Promise<[string, string]> {
  const { data } = await measured(
    '{ customers(first: 50, orderBy: { field: NAME, direction: ASC }) { nodes { id keyPersons { id } } } }',
    {},
    viewer,
  );
  const nodes = (data.customers as { nodes: Array<{ id: string; keyPersons: unknown[] }> }).nodes;
  const ids = nodes.filter((node) => node.keyPersons.length > 1).map((node) => node.id);
  expect(ids.length).toBeGreaterThanOrEqual(2);
  return [ids[0], ids[1]] as [string, string];
}

describe('one dossier read ahead', () => {
  describe.each(['manager', 'rep', 'admin'])('as the %s', (who) => {
    it.each(DOCUMENTS)('answers %s as the loaders do', async (_name, document, variables, expected) => {
      const viewer = viewers[who] as Staff;
      const [id, other] = await twoDossiers(viewer);
      const vars = { ...variables, id, other };
      const ahead = await measured(document, vars, viewer);
      const plain = await measured(throughNode(document), vars, viewer);

      expect(ahead.data).toEqual(plain.data);
      expect(JSON.stringify(ahead.data)).toMatch(/"(keyPersons|people)":\[\{/);
      // The map's three lists, read by three loaders on the plain path (as far as the document asks for
      // them), take one statement.
      const lists = ['"key_person"', '"relationship"', '"decision_role_assignment"'];
      const asked = lists.filter((table) => plain.statements.some((sql) => sql.includes(`from ${table}`)));
      expect(ahead.statements).toHaveLength(plain.statements.length - asked.length + 1);
      expect(ahead.statements).toHaveLength(expected);
      if (variables.brief) expect(ahead.statements.some((sql) => sql.includes('"relationship"'))).toBe(false);
    });
  });

  it("the bench's dossier costs two statements fewer than the plain path", async () => {
    const viewer = viewers.manager as Staff;
    const [id] = await twoDossiers(viewer);
    const ahead = await measured(DOSSIER, { id }, viewer);
    const plain = await measured(throughNode(DOSSIER), { id }, viewer);
    expect(ahead.statements.length).toBe(plain.statements.length - 2);
  });

  it("answers null for a customer outside the rep's book, reading nothing below it", async () => {
    const listed = (viewer: Staff) =>
      measured('{ customers(first: 200) { nodes { id } } }', {}, viewer).then(({ data }) =>
        (data.customers as { nodes: Array<{ id: string }> }).nodes.map((node) => node.id),
      );
    const mine = new Set(await listed(viewers.rep as Staff));
    const hidden = (await listed(viewers.admin as Staff)).find((id) => !mine.has(id));
    expect(hidden).toBeDefined();

    const seen = await measured(DOSSIER, { id: hidden }, viewers.admin as Staff);
    expect(
      (seen.data.customer as { relationshipMap: { keyPersons: unknown[] } }).relationshipMap.keyPersons,
    ).not.toHaveLength(0);
    const ahead = await measured(DOSSIER, { id: hidden }, viewers.rep as Staff);
    expect(ahead.data).toEqual({ customer: null });
    expect(ahead.statements).toHaveLength(1);
    expect(ahead.statements.some((sql) => sql.includes('"key_person"'))).toBe(false);
  });

  it('primes each loader with the very copies it would read itself', async () => {
    const viewer = viewers.manager as Staff;
    const [id, other] = await twoDossiers(viewer);
    const document = `query ($id: ID!, $other: ID!) {
      one: customer(id: $id) { relationshipMap { coverage { positive } } }
      two: customer(id: $other) { relationshipMap { coverage { positive } } }
    }`;
    const context = db.context({ viewer });
    const result = await execute({
      schema: await buildDossierSchema(),
      document: parse(document),
      variableValues: { id, other },
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    const customerIds = [id, other].map((globalId) => parseGlobalId(globalId)?.id as string);

    const plain = db.context({ viewer });
    const compare = async <T>(factory: LoaderFactory<DataLoader<string, T[]>>) => {
      let primed: Array<T[] | Error> = [];
      const load = () => context.loaders.get(factory).loadMany(customerIds);
      // Primed: answered from the cache, no statement.
      expect(await db.captureSql(async () => (primed = await load()))).toEqual([]);
      expect(primed).toEqual(await plain.loaders.get(factory).loadMany(customerIds));
      expect(primed.flat()).not.toHaveLength(0);
    };
    await compare(keyPersonsOfCustomer);
    await compare(relationshipsOfCustomer);
    await compare(rolesOfCustomer);
  });
});
