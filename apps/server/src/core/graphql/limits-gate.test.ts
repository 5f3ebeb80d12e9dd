import { StaffRole } from '@dossier/domain';
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../../modules/staff/staff.entity.js';
import { loadEnv } from '../env.js';

const db = await testDatabase();
const build = builders(db.orm);
const limits = loadEnv({});
let viewer: Staff;

beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ADMIN);
  await build.customer();
});

/** The same page of customers under `count` aliases. */
const aliasedPages = (count: number, first: number, selection = 'id') =>
  `{ ${Array.from({ length: count }, (_, i) => `c${i}: customers(first: ${first}) { nodes { ${selection} } }`).join(' ')} }`;

/** `levels` fields deep: customers > nodes > parent > … > id, single objects so the cost stays low. */
const parentsDeep = (levels: number) =>
  `{ customers(first: 1) { nodes { ${'parent { '.repeat(levels - 3)}id${' }'.repeat(levels - 3)} } } }`;

/** Runs `query` as the admin and returns its errors and the statements it sent to PostgreSQL. */
async function refused(query: string, variables: Record<string, unknown> = {}) {
  let errors: unknown;
  const sql = await db.captureSql(async () => {
    ({ errors } = await db.execute(query, variables, { viewer }));
  });
  return { errors, sql };
}

describe('what one operation may ask for', () => {
  it('refuses 100 aliases of customers(first: 200) before anything runs', async () => {
    expect(await refused(aliasedPages(100, 200))).toEqual({
      errors: [
        {
          message: `Aliases limit of ${limits.DOSSIER_MAX_ALIASES} exceeded, found 100.`,
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: limits.DOSSIER_MAX_ALIASES },
        },
      ],
      sql: [],
    });
  });

  it('counts each alias in the cost: 25 pages of 200 customers cost 25 times one page', async () => {
    const selection = 'id name region owner { id name } keyPersons { name }';
    // 1 (customers) + 200 × (1 nodes + 3 scalars + 1 owner + 2 scalars + 1 keyPersons + 10 × 1 name)
    const onePage = 1 + 200 * 18;
    expect((await db.execute(aliasedPages(1, 200, selection), {}, { viewer })).errors).toBeUndefined();
    expect(await refused(aliasedPages(25, 200, selection))).toEqual({
      errors: [
        {
          message: `The operation costs ${25 * onePage}, more than the limit of ${limits.DOSSIER_MAX_COST}: ask for smaller pages (first) or fewer nested lists and aliases`,
          extensions: { code: 'QUERY_TOO_COMPLEX', cost: 25 * onePage, limit: limits.DOSSIER_MAX_COST },
        },
      ],
      sql: [],
    });
  });

  it('multiplies list sizes down the query, page sizes from variables included', async () => {
    const query = `query ($outer: Int, $inner: Int) {
      customers(first: $outer) { nodes { orders(first: $inner) { nodes { lines { quantity } } } } }
    }`;
    // customers: 1 + outer × (nodes 1 + orders (1 + inner × (nodes 1 + lines (1 + 10 × 1))))
    const cost = (outer: number, inner: number) => 1 + outer * (1 + 1 + inner * (1 + 1 + 10));
    expect((await db.execute(query, { outer: 10, inner: 10 }, { viewer })).errors).toBeUndefined();
    const { errors, sql } = await refused(query, { outer: 200, inner: 200 });
    expect(sql).toEqual([]);
    expect(errors).toMatchObject([
      { extensions: { code: 'QUERY_TOO_COMPLEX', cost: cost(200, 200), limit: limits.DOSSIER_MAX_COST } },
    ]);
  });

  it('prices a document sent again by the page sizes it asks for this time', async () => {
    const query = 'query ($first: Int) { customers(first: $first) { nodes { keyPersons { name } } } }';
    // customers: 1 + first × (nodes 1 + keyPersons (1 + 10 × name 1))
    const tight = { viewer, env: { DOSSIER_MAX_COST: 1000 } };
    for (const first of [200, 1, 200, 1]) {
      const { errors } = await db.execute(query, { first }, tight);
      if (first === 1) expect(errors).toBeUndefined();
      else
        expect(errors).toMatchObject([
          { extensions: { code: 'QUERY_TOO_COMPLEX', cost: 1 + 200 * (1 + 1 + 10) } },
        ]);
    }
    const { errors } = await db.execute(query, { first: 201 }, tight);
    expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }]);
  });

  it('refuses an operation deeper than the limit, and one at the limit runs', async () => {
    const depth = limits.DOSSIER_MAX_DEPTH;
    expect((await db.execute(parentsDeep(depth), {}, { viewer })).errors).toBeUndefined();
    expect(await refused(parentsDeep(depth + 1))).toEqual({
      errors: [
        {
          message: `Query depth limit of ${depth} exceeded, found ${depth + 1}.`,
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: depth },
        },
      ],
      sql: [],
    });
  });

  it('refuses a fragment that expands itself into thousands of fields', async () => {
    // Shallow, no aliases and cheap per field, yet F0 stands for 2^14 ids.
    const levels = Array.from(
      { length: 14 },
      (_, i) => `fragment F${i} on Customer { ...F${i + 1} ...F${i + 1} }`,
    );
    const query = `{ customers(first: 1) { nodes { ...F0 } } } ${levels.join(' ')} fragment F14 on Customer { id }`;
    const { errors, sql } = await refused(query, {});
    expect(sql).toEqual([]);
    expect(errors).toEqual([
      {
        message: 'The operation selects more than 10000 fields once its fragments are expanded',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 10_000 },
      },
    ]);
  });

  it.each([201, -1])('refuses first: %i as bad input on `first` before anything runs', async (first) => {
    expect(
      await refused('query ($first: Int) { customers(first: $first) { totalCount } }', { first }),
    ).toEqual({
      errors: [
        {
          message: 'first must be between 0 and 200',
          extensions: { code: 'BAD_USER_INPUT', field: 'first' },
        },
      ],
      sql: [],
    });
  });

  it('refuses a document longer than the token limit before validating it', async () => {
    const { errors } = await db.execute(
      `{ ${'__typename '.repeat(limits.DOSSIER_MAX_TOKENS)}}`,
      {},
      { viewer },
    );
    expect(errors).toMatchObject([{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]);
    expect(errors?.[0]?.message).toMatch(
      new RegExp(`Document contains more \\w+ ${limits.DOSSIER_MAX_TOKENS} tokens`),
    );
  });

  it('judges a document sent again as the first time, under the limits of the moment', async () => {
    const depth = limits.DOSSIER_MAX_DEPTH;
    const tooDeep = parentsDeep(depth + 1);
    const wider = { DOSSIER_MAX_DEPTH: depth + 1 };
    expect((await db.execute(tooDeep, {}, { viewer, env: wider })).errors).toBeUndefined();
    for (let n = 0; n < 2; n += 1) {
      expect((await refused(tooDeep)).errors).toMatchObject([
        { extensions: { code: 'QUERY_TOO_COMPLEX', limit: depth } },
      ]);
    }
    expect((await db.execute(tooDeep, {}, { viewer, env: wider })).errors).toBeUndefined();
  });

  it('takes its limits from the configuration', async () => {
    const { errors } = await db.execute(aliasedPages(1, 50), {}, { viewer, env: { DOSSIER_MAX_COST: 50 } });
    expect(errors).toMatchObject([{ extensions: { code: 'QUERY_TOO_COMPLEX', cost: 101, limit: 50 } }]);
  });
});

describe('introspection', () => {
  it('is refused to an anonymous caller', async () => {
    for (const query of [getIntrospectionQuery(), '{ __type(name: "Customer") { name } }']) {
      const { errors, data } = await db.execute(query);
      expect([data, errors]).toEqual([
        undefined,
        [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }],
      ]);
    }
  });

  it('answers a signed-in caller in full, GraphiQL’s query included', async () => {
    const { errors, data } = await db.execute<{ __schema: { types: Array<{ name: string }> } }>(
      getIntrospectionQuery(),
      {},
      { viewer },
    );
    expect(errors).toBeUndefined();
    expect(data?.__schema.types.map((type) => type.name)).toContain('Customer');
  });
});
