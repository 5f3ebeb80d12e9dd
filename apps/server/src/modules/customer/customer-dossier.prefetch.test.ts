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
import { fieldChangesOf, historyOfCustomer } from '../history/history.loaders.js';
import { keyPersonsOfCustomer } from '../key-person/key-person.loaders.js';
import { eventsOfProject, projectsOfCustomer } from '../project/project.loaders.js';
import { relationshipsOfCustomer } from '../relationship/relationship.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';

const db = await testDatabase({ clock: fixedClock('2026-11-29T08:00:00Z') });

const viewers: Record<string, Staff> = {};

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), db.clock);
  for (const who of ['manager', 'rep', 'admin', 'analyst']) {
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
  // The customer, then its map, projects with their events and history page in one statement.
  ["the bench's dossier", DOSSIER, {}, 2],
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
      // The lists below the customer, read by a loader each on the plain path (as far as the document
      // asks for them), take one statement.
      const lists = [
        ...['"key_person"', '"relationship"', '"decision_role_assignment"'],
        ...['"project"', '"project_event"', '"change"', '"field_change"', '"staff"'],
      ];
      const asked = lists.filter((table) => plain.statements.some((sql) => sql.includes(`from ${table}`)));
      expect(ahead.statements).toHaveLength(plain.statements.length - asked.length + 1);
      expect(ahead.statements).toHaveLength(expected);
      if (variables.brief) expect(ahead.statements.some((sql) => sql.includes('"relationship"'))).toBe(false);
    });
  });

  it("the bench's dossier costs two statements instead of six", async () => {
    const viewer = viewers.manager as Staff;
    const [id] = await twoDossiers(viewer);
    const ahead = await measured(DOSSIER, { id }, viewer);
    const plain = await measured(throughNode(DOSSIER), { id }, viewer);
    // The customer; the map's three lists, the projects, their events, the history.
    expect(plain.statements).toHaveLength(7);
    expect(ahead.statements).toHaveLength(2);
  });

  it('reads a dossier with history in two statements: actors, field changes and masked personal data as the plain path has them', async () => {
    const admin = viewers.admin as Staff;
    const [id] = await twoDossiers(admin);
    const change = async (document: string, variables: Record<string, unknown>) => {
      const result = await db.execute<Data>(document, variables, { viewer: admin });
      expect(result.errors).toBeUndefined();
    };
    const { data } = await measured(
      'query ($id: ID!) { customer(id: $id) { version keyPersons { id version } } }',
      { id },
      admin,
    );
    const customer = data.customer as { version: number; keyPersons: Array<{ id: string; version: number }> };
    const person = customer.keyPersons[0] as { id: string; version: number };
    await change(
      'mutation ($id: ID!, $v: Int!) { updateCustomer(id: $id, expectedVersion: $v, input: { name: "Renamed Co." }) { id } }',
      { id, v: customer.version },
    );
    await change(
      'mutation ($id: ID!, $v: Int!) { updateKeyPerson(id: $id, expectedVersion: $v, input: { mobile: "13800000001" }) { id } }',
      { id: person.id, v: person.version },
    );

    const mobileValues = (answer: Data) =>
      (
        answer.customer as { history: { nodes: Array<{ changes: Array<Record<string, unknown>> }> } }
      ).history.nodes
        .flatMap((node) => node.changes)
        .filter((fieldChange) => fieldChange.field === 'mobile')
        .map((fieldChange) => fieldChange.after);
    for (const [who, mobile] of [
      ['admin', '13800000001'],
      ['analyst', null],
    ] as const) {
      const viewer = viewers[who] as Staff;
      const ahead = await measured(DOSSIER, { id }, viewer);
      const plain = await measured(throughNode(DOSSIER), { id }, viewer);
      expect(ahead.data).toEqual(plain.data);
      expect(mobileValues(ahead.data)).toEqual([mobile]);
      const history = (
        ahead.data.customer as { history: { nodes: Array<{ actor: { name: string } | null }> } }
      ).history.nodes;
      expect(history[0]?.actor?.name).toBe(admin.name);
      // The plain path reads the history's field changes and actors apart; the read-ahead, with the rest.
      expect(plain.statements.some((sql) => sql.includes('from "field_change"'))).toBe(true);
      expect(ahead.statements.filter((sql) => !sql.includes('audit'))).toHaveLength(2);
    }
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

  it("primes the projects' and history's pages, the events, field changes and actors with the loaders' own copies", async () => {
    const viewer = viewers.manager as Staff;
    const [id] = await twoDossiers(viewer);
    const { data } = await measured('query ($id: ID!) { customer(id: $id) { version } }', { id }, viewer);
    const renamed = await db.execute<Data>(
      'mutation ($id: ID!, $v: Int!) { updateCustomer(id: $id, expectedVersion: $v, input: { name: "Primed Co." }) { id } }',
      { id, v: (data.customer as { version: number }).version },
      { viewer },
    );
    expect(renamed.errors).toBeUndefined();
    const context = db.context({ viewer });
    const result = await execute({
      schema: await buildDossierSchema(),
      document: parse(DOSSIER),
      variableValues: { id },
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    const customerId = parseGlobalId(id)?.id as string;
    const plain = db.context({ viewer });
    const page = { limit: 20, after: null };
    const pageKey = { parentId: customerId, page, range: { from: null, to: null } };
    const same = async <K, V>(factory: LoaderFactory<DataLoader<K, V>>, keys: K[]) => {
      let primed: Array<V | Error> = [];
      expect(
        await db.captureSql(async () => (primed = await context.loaders.get(factory).loadMany(keys))),
      ).toEqual([]);
      expect(primed).toEqual(await plain.loaders.get(factory).loadMany(keys));
      return primed as V[];
    };
    const [projects] = await same(projectsOfCustomer.pages, [pageKey]);
    const [changes] = await same(historyOfCustomer.pages, [pageKey]);
    expect(projects).not.toHaveLength(0);
    expect(changes).not.toHaveLength(0);
    const events = await same(
      eventsOfProject,
      (projects ?? []).map((project) => project.id),
    );
    expect(events.flat()).not.toHaveLength(0);
    const fieldChanges = await same(
      fieldChangesOf,
      (changes ?? []).map((change) => change.id),
    );
    expect(fieldChanges.flat().map((fieldChange) => fieldChange.after)).toContain('Primed Co.');
    const actors = [...new Set((changes ?? []).flatMap((change) => (change.actor ? [change.actor.id] : [])))];
    expect(actors).toContain(viewer.id);
    await same(staffById, actors);
  });
});
